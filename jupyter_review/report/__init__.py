"""Reports: Markdown / HTML / CSV / JSON, with one HTML-escape point for untrusted text."""
