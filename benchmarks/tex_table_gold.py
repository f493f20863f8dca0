#!/usr/bin/env python3
"""Results-table cell gold from a paper's LaTeX source and its compiled PDF, in texbench's format.

    .venv/bin/python benchmarks/tex_table_gold.py SRC_DIR PDF [--main MAIN.tex] [--id ID] [--out OUT.json]
    .venv/bin/python benchmarks/tex_table_gold.py --newpapers [--root DIR] [--out-dir DIR]  # every paper of ../shared/newpapers/SOURCES.tsv
    .venv/bin/python benchmarks/tex_table_gold.py --compare GOLD.json OUT.json [-v]  # agreement of two gold files
    .venv/bin/python benchmarks/tex_table_gold.py --summary DIR                     # per-paper rows for a README

What it does (nobody types a value in):

1. Reads the main .tex (the file with ``\\documentclass`` and ``\\begin{document}``), expands
   ``\\input``/``\\include``, drops comments, ``comment`` environments and ``\\iffalse`` blocks, and
   collects the paper's own macros (``\\newcommand``/``\\def``...), which are expanded inside tables.
2. Numbers the tables like LaTeX does (every captioned ``table``/``table*``/``sidewaystable`` float
   and ``\\captionof{table}`` steps the counter; ``\\setcounter{table}`` is honoured) and parses the
   ``tabular``-like environment of each float (tabular, tabular*, tabularx, tabulary, longtable,
   tblr, NiceTabular): rows split at ``\\\\``, cells at ``&``, rules noted, ``\\multicolumn`` spans
   copied over their columns, ``\\multirow`` labels copied down the rows they span.
3. Cells: header rows are the first row plus every following row without a numeric value (and
   every row above the first rule under the first row); label columns are the leading columns
   whose body cells are words, not numbers or quantities ("2M"). A row label joins the row-group
   label (a body row with a label and no values) with the row's label cells; a column label joins
   the header levels top to bottom. Values: "a ± b" and "a (b)" (b a number) give a; "%",
   thousands separators (",", "\\,", "{,}") and superscript markers (``^{*}``, ``\\dag``...) are
   removed; bold/underline/colour macros are stripped; math becomes text (``\\alpha`` -> α,
   ``X_{SC}`` -> "X SC"). Only plain decimals count as values (no "2.6e-3", no "3 · 10^-4").
4. Orientation, by one rule in this order (``orientation_rule`` says which decided):
   a. the corner cell (header of the label column): if its first term names metrics / data /
      tasks / benchmarks / functions ("Metric/Method", "Dataset", "Function -- Priority
      Function") the systems are the columns; if it names methods / models / systems
      ("Method", "Model", "Backbone") they are the rows;
   b. otherwise the side whose labels hold more metric words (accuracy, F1, BLEU, HV, ...) is the
      metric side and the other holds the systems;
   c. otherwise systems_as_rows with ``orientation_unsure: true``.
   A header of several rows whose label cell names each row ("Input" over "Metric") is read by its
   last row's name instead (metrics/data across -> systems_as_rows; systems across -> columns).
5. The PDF must agree (pymupdf text layer only): the caption ("Table N" or "TABLE <roman>" with
   the caption's first words) is found on a page, at least 90% of the table's values are among
   that page's numbers, and every source row's values appear in order on one line of that page
   (words grouped into lines by their vertical position). Tables that fail are listed in
   ``skipped`` with the reason, as are tables with fewer than 2 numeric cells, tables whose row
   labels are numbers, and tables whose (row, column) label pairs are not unique.

Also read: ``\\captionof{table}``, captioned minipages in one float, sub-tables with sub-captions
(the sub-caption heads their row labels), ``longtable`` heads and feet, ``sidewaystable``, the
``\\tbl{caption}{tabular}`` of Taylor & Francis classes, a first column written once per ruled block
of rows, and the paper's own .sty macros (never LaTeX's own commands redefined there).
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
NEWPAPERS = ROOT.parent / "shared" / "newpapers"

# --------------------------------------------------------------------------------------------
# low-level LaTeX reading


def read_group(s: str, i: int, open_ch: str = "{", close_ch: str = "}") -> tuple[str | None, int]:
    """If s[i:] (after spaces) starts with a balanced group, return (content, index after it)."""
    j = i
    while j < len(s) and s[j] in " \t\n":
        j += 1
    if j >= len(s) or s[j] != open_ch:
        return None, i
    depth = 0
    k = j
    while k < len(s):
        c = s[k]
        if c == "\\":
            k += 2
            continue
        if c == open_ch:
            depth += 1
        elif c == close_ch:
            depth -= 1
            if depth == 0:
                return s[j + 1:k], k + 1
        k += 1
    return s[j + 1:], len(s)


def read_arg(s: str, i: int) -> tuple[str | None, int]:
    """A mandatory argument: a {group}, a control word, or a single character."""
    j = i
    while j < len(s) and s[j] in " \t\n":
        j += 1
    if j >= len(s):
        return None, i
    if s[j] == "{":
        return read_group(s, j)
    if s[j] == "\\":
        m = re.match(r"\\([A-Za-z]+|.)", s[j:])
        if m:
            return m.group(0), j + m.end()
    return s[j], j + 1


def skip_optional(s: str, i: int) -> tuple[str | None, int]:
    return read_group(s, i, "[", "]")


def strip_comments(text: str) -> str:
    out = []
    for line in text.split("\n"):
        k = 0
        cut = None
        while k < len(line):
            if line[k] == "\\":
                k += 2
                continue
            if line[k] == "%":
                cut = k
                break
            k += 1
        if cut is None:
            out.append(line + "\n")
        else:
            out.append(line[:cut])  # a comment also eats the line end, as in TeX
    return "".join(out)


def drop_blocks(text: str) -> str:
    text = re.sub(r"\\begin\{comment\}.*?\\end\{comment\}", " ", text, flags=re.S)
    text = re.sub(r"\\iffalse\b.*?\\fi\b", " ", text, flags=re.S)
    return text


def load_source(main: Path, depth: int = 0, root: Path | None = None) -> str:
    """The main file with its ``\\input``/``\\include`` files spliced in (paths relative to the main
    file's folder, as LaTeX reads them; the including file's folder is tried too)."""
    root = root or main.parent
    text = drop_blocks(strip_comments(main.read_text(encoding="utf-8", errors="replace")))
    if depth > 8:
        return text

    def resolve(name: str) -> Path | None:
        name = name.strip().strip('"')
        for base in (root, main.parent):
            for cand in (base / name, base / f"{name}.tex"):
                if cand.is_file():
                    return cand
        return None

    def repl(m: re.Match[str]) -> str:
        p = resolve(m.group(2))
        if p is None:
            return " "
        return load_source(p, depth + 1, root)

    return re.sub(r"\\(input|include|subfile)\s*\{([^}]*)\}", repl, text)


def find_main(src: Path, hint: str | None = None) -> Path:
    if hint:
        p = src / hint
        if p.is_file():
            return p
    cands = []
    for p in sorted(src.rglob("*.tex")):
        t = p.read_text(encoding="utf-8", errors="replace")
        if re.search(r"^[^%\n]*\\documentclass", t, re.M) and "\\begin{document}" in t:
            cands.append(p)
    if not cands:
        raise SystemExit(f"no main .tex (documentclass + begin{{document}}) under {src}")
    return cands[0]


# --------------------------------------------------------------------------------------------
# macros


@dataclass
class Macro:
    nargs: int
    default: str | None
    body: str


def collect_macros(text: str) -> dict[str, Macro]:
    macros: dict[str, Macro] = {}
    for m in re.finditer(r"\\(?:re)?newcommand\*?|\\providecommand\*?|\\DeclareRobustCommand\*?", text):
        i = m.end()
        name, i = read_arg(text, i)
        if not name:
            continue
        name = name.strip()
        if not name.startswith("\\"):
            continue
        n, i2 = skip_optional(text, i)
        nargs = int(n) if n and n.strip().isdigit() else 0
        i = i2
        default = None
        if nargs:
            d, i3 = skip_optional(text, i)
            if d is not None:
                default, i = d, i3
        body, _ = read_group(text, i)
        if body is None:
            continue
        macros[name] = Macro(nargs, default, body)
    for m in re.finditer(r"\\def\s*(\\[A-Za-z]+)((?:#\d)*)\s*\{", text):
        body, _ = read_group(text, m.end() - 1)
        if body is not None:
            macros[m.group(1)] = Macro(len(m.group(2)) // 2, None, body)
    for m in re.finditer(r"\\DeclareMathOperator\*?\s*\{?(\\[A-Za-z]+)\}?\s*\{", text):
        body, _ = read_group(text, m.end() - 1)
        if body is not None:
            macros[m.group(1)] = Macro(0, None, body)
    # never expand things that structure a table, nor LaTeX's own commands that a class or style
    # file redefines (font sizes, \\cite...): this reader knows what they print
    for k in list(macros):
        name = k[1:]
        if k in ("\\\\", "\\hline", "\\multicolumn", "\\multirow") or name in KEEP_ARG or name in DROP_WITH_ARGS \
                or name in GREEK or name in SYMBOLS or name in BUILTIN_SWITCHES:
            macros.pop(k, None)
    return macros


def expand_macros(s: str, macros: dict[str, Macro], rounds: int = 6) -> str:
    if not macros:
        return s
    names = sorted(macros, key=len, reverse=True)
    pat = re.compile("(" + "|".join(re.escape(n) for n in names) + r")(?![A-Za-z])")
    for _ in range(rounds):
        out = []
        pos = 0
        changed = False
        for m in pat.finditer(s):
            if m.start() < pos:
                continue
            mac = macros[m.group(1)]
            i = m.end()
            args = []
            if mac.nargs:
                first = 0
                if mac.default is not None:
                    opt, i2 = skip_optional(s, i)
                    if opt is not None:
                        args.append(opt)
                        i = i2
                    else:
                        args.append(mac.default)
                    first = 1
                for _k in range(first, mac.nargs):
                    a, i = read_arg(s, i)
                    args.append(a or "")
            body = mac.body
            for k, a in enumerate(args, start=1):
                body = body.replace(f"#{k}", a)
            out.append(s[pos:m.start()])
            out.append("{" + body + "}" if mac.nargs else body + " ")
            pos = i
            changed = True
        out.append(s[pos:])
        s = "".join(out)
        if not changed:
            break
    return s


# --------------------------------------------------------------------------------------------
# LaTeX -> text

GREEK = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε", "zeta": "ζ",
    "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν",
    "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "φ", "varphi": "φ",
    "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ",
    "Pi": "Π", "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
}
SYMBOLS = {
    "pm": "±", "mp": "∓", "times": "×", "cdot": "·", "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠",
    "ne": "≠", "approx": "≈", "sim": "~", "infty": "∞", "rightarrow": "→", "to": "→", "leftarrow": "←",
    "uparrow": "↑", "downarrow": "↓", "Uparrow": "⇑", "Downarrow": "⇓", "ell": "l", "mid": "|", "vert": "|",
    "lvert": "|", "rvert": "|", "|": "‖", "checkmark": "✓", "cmark": "✓", "xmark": "✗", "dag": "†",
    "dagger": "†", "ddag": "‡", "ddagger": "‡", "ast": "*", "star": "*", "S": "§", "textpm": "±",
    "textdagger": "†", "textdaggerdbl": "‡", "ldots": "...", "dots": "...", "cdots": "...", "textasciitilde": "~",
    "textless": "<", "textgreater": ">", "textbar": "|", "textendash": "–", "textemdash": "—", "degree": "°",
    "circ": "°", "partial": "∂", "nabla": "∇", "sum": "Σ", "prod": "Π", "int": "∫", "in": "∈", "forall": "∀",
    "exists": "∃", "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉", "langle": "⟨", "rangle": "⟩",
    "emptyset": "∅", "cap": "∩", "cup": "∪", "wedge": "∧", "vee": "∨", "neg": "¬", "propto": "∝",
    "textregistered": "®", "texttrademark": "™", "copyright": "©", "euro": "€", "pounds": "£", "textdollar": "$",
    "lbrace": "{", "rbrace": "}", "backslash": "\\", "bullet": "•", "prime": "'", "minus": "-",
}
MARK_SYMBOLS = {"*", "†", "‡", "§", "¶", "#", "⋆", "∗", "♠", "♣", "♦", "♥"}
# commands dropped together with their arguments: name -> (optional args, mandatory args)
DROP_WITH_ARGS = {
    "cite": (1, 1), "citep": (2, 1), "citet": (2, 1), "citealp": (2, 1), "citealt": (2, 1), "citeyearpar": (2, 1),
    "citeyear": (2, 1), "parencite": (2, 1), "textcite": (2, 1), "autocite": (2, 1), "nocite": (0, 1),
    "label": (0, 1), "ref": (0, 1), "eqref": (0, 1), "autoref": (0, 1), "cref": (0, 1), "Cref": (0, 1),
    "pageref": (0, 1), "footnote": (1, 1), "footnotetext": (1, 1), "footnotemark": (1, 0), "tablefootnote": (0, 1),
    "vspace": (0, 1), "hspace": (0, 1), "rule": (1, 2), "phantom": (0, 1), "hphantom": (0, 1), "vphantom": (0, 1),
    "includegraphics": (1, 1), "setlength": (0, 2), "addtolength": (0, 2), "addlinespace": (1, 0),
    "cellcolor": (1, 1), "rowcolor": (1, 1), "columncolor": (1, 1), "color": (1, 1), "arrayrulecolor": (1, 1),
    "renewcommand": (0, 2), "setcounter": (0, 2), "specialrule": (0, 3), "cline": (0, 1), "cmidrule": (0, 1),
    "hhline": (0, 1), "cdashline": (0, 1), "raisebox": (2, 1), "belowrulesep": (0, 0), "fontsize": (0, 2),
    "captionsetup": (1, 1), "rotatebox": (1, 1), "linewidth": (0, 0), "hskip": (0, 0), "vskip": (0, 0),
    "kern": (0, 0), "resizebox": (0, 2), "scalebox": (0, 1), "adjustbox": (0, 1), "definecolor": (0, 3),
    "textcolor": (1, 1), "colorbox": (1, 1), "fcolorbox": (1, 2), "href": (0, 1), "tnote": (0, 1),
    "hyperref": (1, 0), "newline": (0, 0), "linebreak": (1, 0), "pagebreak": (1, 0), "noindent": (0, 0),
    "shortcite": (2, 1), "citeauthor": (2, 1), "Citet": (2, 1), "Citep": (2, 1), "citealias": (0, 1),
    "citeA": (2, 1), "citeN": (2, 1), "citenum": (0, 1), "fullcite": (0, 1), "footcite": (2, 1),
    "ding": (0, 1), "SetCell": (1, 1), "SetRow": (1, 1), "SetHline": (1, 1), "stepcounter": (0, 1),
    "refstepcounter": (0, 1), "addtocounter": (0, 2), "selectfont": (0, 0), "arraybackslash": (0, 0),
    "textsuperscript*": (0, 1), "pgfmathprintnumber": (1, 0), "index": (0, 1), "hypertarget": (0, 1),
}
BUILTIN_SWITCHES = {
    "tiny", "scriptsize", "footnotesize", "small", "normalsize", "large", "Large", "LARGE", "huge", "Huge",
    "bf", "it", "rm", "sf", "tt", "sc", "sl", "em", "bfseries", "itshape", "scshape", "rmfamily", "sffamily",
    "ttfamily", "mdseries", "upshape", "normalfont", "centering", "raggedright", "raggedleft", "caption",
    "section", "subsection", "paragraph", "label", "ref", "cite", "citep", "citet", "footnote", "item",
    "hline", "toprule", "midrule", "bottomrule", "cmidrule", "cline", "textwidth", "linewidth", "columnwidth",
    "arraystretch", "tabcolsep", "baselinestretch", "thetable", "thefigure", "tablename", "figurename",
}
# commands whose (last) argument is kept as text
KEEP_ARG = {
    "textbf", "textit", "textsl", "emph", "underline", "uline", "textsc", "texttt", "textrm", "textsf", "textmd",
    "textup", "textnormal", "mathbf", "mathit", "mathrm", "mathsf", "mathtt", "mathcal", "mathbb", "mathfrak",
    "mathscr", "boldsymbol", "bm", "text", "mbox", "hbox", "makebox", "fbox", "operatorname", "mathnormal",
    "makecell", "shortstack", "thead", "num", "tablenum", "url", "mathrlap", "mathllap", "rlap",
    "llap", "ensuremath", "small", "textsubscript", "underbrace", "overline", "widehat", "hat", "tilde", "bar",
    "vec", "dot", "ddot", "sout", "st", "hl", "uwave", "dashuline", "dotuline", "xspace", "mathbin", "mathrel",
    "mathop", "mathord", "parbox", "centering", "multicolumn", "multirow", "SI", "si", "pbox", "tabincell",
    "specialcell", "Centerstack", "stackon", "cellcolor", "diagbox", "bfseries", "tcp",
}
ACCENTS = {"'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303", "=": "\u0304",
           ".": "\u0307", "c": "\u0327", "v": "\u030c", "u": "\u0306", "H": "\u030b", "k": "\u0328", "r": "\u030a"}


def _accent(cmd: str, arg: str) -> str:
    base = arg.strip("{} ")
    if not base:
        return ""
    if base in ("\\i", "i"):
        base = "i"
    return unicodedata.normalize("NFC", base[0] + ACCENTS[cmd]) + base[1:]


def _cmd_args(s: str, i: int, nopt: int, nman: int) -> int:
    for _ in range(nopt):
        o, i2 = skip_optional(s, i)
        if o is None:
            break
        i = i2
    for _ in range(nman):
        a, i = read_arg(s, i)
    return i


def to_text(s: str, math: bool = False, marks: list[str] | None = None) -> str:
    """LaTeX fragment -> plain text. Superscripts that are note markers are dropped (and reported
    in ``marks``); subscripts become " x"."""
    out: list[str] = []
    i = 0
    n = len(s)
    while i < n:
        c = s[i]
        if c == "\\":
            m = re.match(r"\\([A-Za-z@]+)\*?|\\(.)", s[i:])
            if not m:
                i += 1
                continue
            if m.group(2) is not None:
                ch = m.group(2)
                i += 2
                if ch in ACCENTS and not math:
                    a, i = read_arg(s, i)
                    out.append(_accent(ch, a or ""))
                elif ch == "\\":
                    _, i = skip_optional(s, i)
                    out.append(" ")
                elif ch in ",;:! >":
                    out.append(" ")
                elif ch == "(" or ch == ")" or ch == "[" or ch == "]":
                    pass  # math delimiters \( \) \[ \]
                elif ch == "|":
                    out.append("‖")
                else:
                    out.append(ch)  # \% \& \_ \# \$ \{ \}
                continue
            name = m.group(1)
            i += m.end()
            if name in ACCENTS and len(name) == 1 and not math:
                a, i = read_arg(s, i)
                out.append(_accent(name, a or ""))
            elif name in GREEK:
                out.append(GREEK[name])
            elif name in SYMBOLS:
                out.append(SYMBOLS[name])
            elif name in ("frac", "dfrac", "tfrac"):
                a, i = read_arg(s, i)
                b, i = read_arg(s, i)
                out.append(to_text(a or "", True, marks) + "/" + to_text(b or "", True, marks))
            elif name == "sqrt":
                _, i = skip_optional(s, i)
                a, i = read_arg(s, i)
                out.append("√" + to_text(a or "", True, marks))
            elif name in ("textsuperscript",):
                a, i = read_arg(s, i)
                out.append(_sup(a or "", marks))
            elif name in ("left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr"):
                pass
            elif name in ("quad", "qquad", "enspace", "thinspace", "space", "hfill", "hfil", "newline", "par",
                          "tabularnewline", "cr", "medskip", "smallskip", "bigskip"):
                out.append(" ")
            elif name in DROP_WITH_ARGS:
                nopt, nman = DROP_WITH_ARGS[name]
                if name in ("textcolor", "colorbox"):
                    i = _cmd_args(s, i, 1, 1)
                    a, i = read_arg(s, i)
                    out.append(to_text(a or "", math, marks))
                elif name == "fcolorbox":
                    i = _cmd_args(s, i, 0, 2)
                    a, i = read_arg(s, i)
                    out.append(to_text(a or "", math, marks))
                elif name in ("resizebox",):
                    i = _cmd_args(s, i, 0, 2)
                    a, i = read_arg(s, i)
                    out.append(to_text(a or "", math, marks))
                elif name in ("scalebox", "adjustbox", "rotatebox"):
                    i = _cmd_args(s, i, 1, 1)
                    a, i = read_arg(s, i)
                    out.append(to_text(a or "", math, marks))
                elif name == "raisebox":
                    _, i = read_arg(s, i)
                    i = _cmd_args(s, i, 2, 0)
                    a, i = read_arg(s, i)
                    out.append(to_text(a or "", math, marks))
                elif name == "href":
                    _, i = read_arg(s, i)
                    a, i = read_arg(s, i)
                    out.append(to_text(a or "", math, marks))
                elif name in ("hskip", "vskip", "kern"):
                    mm = re.match(r"\s*-?[\d.]+\s*[a-z]{2}(\s*(plus|minus)\s*-?[\d.]+\s*[a-z]{2})*", s[i:])
                    if mm:
                        i += mm.end()
                elif name == "ding":
                    i = _cmd_args(s, i, 0, 1)
                    out.append("•")
                elif name in ("newline", "linebreak"):
                    i = _cmd_args(s, i, nopt, nman)
                    out.append(" ")
                else:
                    i = _cmd_args(s, i, nopt, nman)
            elif name in ("makecell", "thead", "shortstack", "parbox", "pbox", "makebox", "tabincell", "specialcell"):
                _, i = skip_optional(s, i)
                if name in ("parbox", "pbox"):
                    _, i = read_arg(s, i)
                if name == "makebox":
                    _, i = skip_optional(s, i)
                a, i = read_arg(s, i)
                out.append(" " + to_text(a or "", math, marks) + " ")
            elif name == "multicolumn":
                _, i = read_arg(s, i)
                _, i = read_arg(s, i)
                a, i = read_arg(s, i)
                out.append(to_text(a or "", math, marks))
            elif name == "multirow":
                i = _multirow_args(s, i)[1]
                a, i = read_arg(s, i)
                out.append(to_text(a or "", math, marks))
            elif name in ("SI",):
                a, i = read_arg(s, i)
                _, i = read_arg(s, i)
                out.append(to_text(a or "", math, marks))
            elif name == "diagbox":
                a, i = read_arg(s, i)
                b, i = read_arg(s, i)
                out.append(to_text(a or "", math, marks) + " " + to_text(b or "", math, marks))
            elif name in ("begin", "end"):
                env, i = read_arg(s, i)
                env = (env or "").strip()
                if name == "begin" and env in ("tabular", "array", "tabularx", "tabular*"):
                    if env in ("tabularx", "tabular*"):
                        _, i = read_arg(s, i)
                    _, i = skip_optional(s, i)
                    _, i = read_arg(s, i)
                elif name == "begin" and env in ("minipage",):
                    _, i = skip_optional(s, i)
                    _, i = read_arg(s, i)
                out.append(" ")
            elif name in KEEP_ARG:
                _, i2 = skip_optional(s, i)
                if name in ("num", "tablenum", "SI", "si"):
                    i = i2
                a, i3 = read_arg(s, i)
                if a is not None and s[i:i3].lstrip().startswith("{"):
                    out.append(to_text(a, math, marks))
                    i = i3
                # a switch used without braces (\small, \centering) -> nothing
            # any other control word: the name is dropped, what follows is kept
            continue
        if c == "$":
            j = i + 1
            double = j < n and s[j] == "$"
            if double:
                j += 1
            k = j
            while k < n:
                if s[k] == "\\":
                    k += 2
                    continue
                if s[k] == "$":
                    break
                k += 1
            out.append(to_text(s[j:k], True, marks))
            i = k + (2 if double else 1)
            continue
        if c in "^_" and (math or True):
            a, i = read_arg(s, i + 1)
            if a and a.startswith("\\") and a[1:] in KEEP_ARG:
                b, i = read_arg(s, i)
                a = a + "{" + (b or "") + "}"
            if c == "^":
                out.append(_sup(a or "", marks))
            else:
                t = to_text(a or "", True, marks).strip()
                out.append(" " + t if t else "")
            continue
        if c in "{}":
            i += 1
            continue
        if c == "~" and not math:
            out.append(" ")
            i += 1
            continue
        if c == "`" or c == "'":
            if s.startswith("``", i) or s.startswith("''", i):
                out.append('"')
                i += 2
                continue
        out.append(c)
        i += 1
    text = "".join(out)
    if math:
        return text
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s*(\(\s*[,;]?\s*\)|\[\s*[,;]?\s*\])", "", text)  # "GPT2 (\\cite{x})" -> "GPT2"
    return text.strip()


def _sup(arg: str, marks: list[str] | None) -> str:
    """A superscript: note markers (*, †, a, 1, ...) and other short superscripts are dropped, in
    values (reported in ``marks``) and in labels alike, as texbench does ("$10^6$" -> "10",
    "$R^2$" -> "R"): the gold's words then stay a subset of what a reader of the PDF text sees,
    whether the raised glyphs come out glued ("106") or apart ("10 6")."""
    t = to_text(arg, True, marks).strip()
    if not t:
        return ""
    symbolic = any(ch in MARK_SYMBOLS or ch in "†‡" for ch in t)
    short = all(ch in MARK_SYMBOLS or ch in "†‡,- " or ch.isalnum() for ch in t) and len(t) <= 3
    if marks is not None and (symbolic or short):
        marks.append(t)
        return ""
    if marks is None and (symbolic or short):
        return ""
    return t


def _multirow_args(s: str, i: int) -> tuple[int, int]:
    """After ``\\multirow``: returns (rows, index of the content argument)."""
    _, i = skip_optional(s, i)
    nrows, i = read_arg(s, i)
    _, i = skip_optional(s, i)
    _, i = read_arg(s, i)  # width
    _, i = skip_optional(s, i)
    try:
        k = int(float((nrows or "1").strip()))
    except ValueError:
        k = 1
    return k, i


# --------------------------------------------------------------------------------------------
# values

NUM_RE = re.compile(r"^[+\-]?(?:\d+(?:\.\d+)?|\.\d+)$")


@dataclass
class Value:
    value: float
    raw: str
    flags: list[str]


def parse_value(cell_tex: str) -> Value | None:
    flags: list[str] = []
    s = cell_tex
    if re.search(r"\d\s*(\\,|\{,\}|\\thinspace|\\!|~)\s*\d{3}(?!\d)", s):
        s2 = re.sub(r"(?<=\d)\s*(\\,|\{,\}|\\thinspace|\\!|~)\s*(?=\d{3}(?!\d))", "", s)
        if s2 != s:
            flags.append("thinspace_thousands")
            s = s2
    marks: list[str] = []
    t = to_text(s, False, marks)
    t = t.replace("\u2212", "-").replace("–", "-").replace("—", "-").replace("\u2009", "").replace("\u202f", "")
    t = re.sub(r"\s+", " ", t).strip()
    # trailing / leading marker symbols written as text
    while t and t[-1] in MARK_SYMBOLS | {"†", "‡"}:
        marks.append(t[-1])
        t = t[:-1].strip()
    while t and t[0] in MARK_SYMBOLS | {"†", "‡"} and len(t) > 1:
        marks.append(t[0])
        t = t[1:].strip()
    if marks:
        flags.append("mark")
    if "±" in t or "+/-" in t or "+-" in t:
        a = re.split(r"±|\+/-|\+-", t)[0].strip()
        if not a:
            return None
        t = a
        flags.append("pm")
    while t and t[-1] in MARK_SYMBOLS | {"†", "‡"}:  # "78.44* ± 0.006"
        marks.append(t[-1])
        t = t[:-1].strip()
        if "mark" not in flags:
            flags.append("mark")
    m = re.match(r"^(.*?)\s*([(\[])\s*([^()\[\]]*)\s*[)\]]\s*$", t)
    if m and m.group(1):
        inner = m.group(3).replace("%", "").replace("±", "").strip()
        inner = re.sub(r"^[<>≤≥=]", "", inner).strip()
        # "a (b)" with b a number, or an interval "a (x–y)", "a [x, y]"
        ends = [x.strip() for x in re.split(r"\s*(?:,|;|\bto\b|(?<=\d)\s*-\s*(?=[\d.+\-]))\s*", inner) if x.strip()]
        if m.group(2) == "(" and NUM_RE.match(inner.replace(",", "")):
            t = m.group(1).strip()
            flags.append("paren")
        elif len(ends) == 2 and all(NUM_RE.match(x) for x in ends):
            t = m.group(1).strip()
            flags.append("interval")
        else:
            return None
    if t.endswith("%"):
        t = t[:-1].strip()
        flags.append("pct")
    if re.match(r"^[+\-]?\d{1,3}(,\d{3})+(\.\d+)?$", t):
        t = t.replace(",", "")
        flags.append("thousands")
    if t.startswith("+") and NUM_RE.match(t):
        t = t[1:]
    if not NUM_RE.match(t):
        return None
    return Value(float(t), t, flags)


def is_quantity(text: str) -> bool:
    t = text.strip()
    return bool(re.match(r"^[~<>≈≤≥]?\s*[+\-]?[\d.,]+\s*([A-Za-z%×x]{0,3}|[KMBGTkmb]\b.*)?$", t)) or t in (
        "-", "–", "—", "n/a", "N/A", "NA", "--", "✓", "✗", "x", "")


def wordy(text: str) -> bool:
    return len(re.findall(r"[A-Za-zα-ωΑ-Ω]", text)) >= 2 and not is_quantity(text)


# --------------------------------------------------------------------------------------------
# tabular parsing

RULE_RE = re.compile(
    r"\\(hline|toprule|midrule|bottomrule|hdashline|cline|cmidrule|hhline|specialrule|addlinespace|"
    r"cdashline|morecmidrules|noalign|Xhline|thickhline|rowcolor|arrayrulecolor|rowcolors|hiderowcolors|"
    r"showrowcolors|endhead|endfirsthead|endfoot|endlastfoot|midrulec|cmidrulec)\b\*?")


def _strip_rules(row: str) -> tuple[str, list[str]]:
    rules: list[str] = []
    out = []
    i = 0
    while True:
        m = RULE_RE.search(row, i)
        if not m:
            out.append(row[i:])
            break
        out.append(row[i:m.start()])
        name = m.group(1)
        j = m.end()
        if name in ("cmidrule", "cmidrulec"):
            mm = re.match(r"\s*\([^)]*\)", row[j:])
            if mm:
                j += mm.end()
            _, j = skip_optional(row, j)
            _, j = read_arg(row, j)
        elif name in ("cline", "cdashline", "hhline", "noalign", "arrayrulecolor"):
            _, j = skip_optional(row, j)
            _, j = read_arg(row, j)
        elif name == "rowcolor" or name == "rowcolors":
            _, j = skip_optional(row, j)
            _, j = read_arg(row, j)
            if name == "rowcolors":
                _, j = read_arg(row, j)
                _, j = read_arg(row, j)
        elif name == "specialrule":
            for _ in range(3):
                _, j = read_arg(row, j)
        elif name in ("addlinespace", "toprule", "midrule", "bottomrule", "Xhline"):
            _, j = skip_optional(row, j)
            if name == "Xhline":
                _, j = read_arg(row, j)
        if name in ("hline", "toprule", "midrule", "bottomrule", "hdashline", "cline", "cmidrule", "hhline",
                    "specialrule", "cdashline", "Xhline", "thickhline"):
            rules.append(name)
        i = j
    return "".join(out), rules


def split_top(s: str, sep: str) -> list[str]:
    """Split at ``sep`` ("\\\\" or "&") outside braces and nested environments."""
    parts = []
    depth = 0
    env = 0
    cur = []
    i = 0
    n = len(s)
    while i < n:
        c = s[i]
        if c == "\\":
            if sep == "\\\\" and s.startswith("\\\\", i) and depth == 0 and env == 0:
                parts.append("".join(cur))
                cur = []
                i += 2
                if i < n and s[i] == "*":
                    i += 1
                o, i2 = skip_optional(s, i)
                if o is not None:
                    i = i2
                continue
            if sep == "\\\\" and s.startswith("\\tabularnewline", i) and depth == 0 and env == 0:
                parts.append("".join(cur))
                cur = []
                i += len("\\tabularnewline")
                continue
            if s.startswith("\\begin", i):
                env += 1
            elif s.startswith("\\end", i):
                env = max(0, env - 1)
            cur.append(s[i:i + 2])
            i += 2
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth = max(0, depth - 1)
        elif c == "&" and sep == "&" and depth == 0 and env == 0:
            parts.append("".join(cur))
            cur = []
            i += 1
            continue
        cur.append(c)
        i += 1
    parts.append("".join(cur))
    return parts


@dataclass
class Cell:
    tex: str
    text: str
    span: int = 1
    mrows: int = 1
    origin: str = ""  # "", "multicolumn", "multirow"
    value: Value | None = None


@dataclass
class Row:
    cells: list[Cell]
    rules_before: list[str]
    empty: bool = False


def parse_cell(tex: str) -> Cell:
    t = tex.strip()
    span = 1
    mrows = 1
    origin = ""
    m = re.search(r"\\multicolumn\s*\{\s*(\d+)\s*\}", t)
    if m and not t[:m.start()].strip().replace("\\", "").isalnum():
        _, j = read_arg(t, m.end())
        content, j = read_arg(t, j)
        span = int(m.group(1))
        t = t[:m.start()] + " " + (content or "") + " " + t[j:]
        origin = "multicolumn"
    m = re.search(r"\\multirow\b", t)
    if m:
        k, j = _multirow_args(t, m.end())
        content, j = read_arg(t, j)
        mrows = k
        t = t[:m.start()] + " " + (content or "") + " " + t[j:]
        if abs(k) > 1:
            origin = "multirow"
    t = t.strip()
    return Cell(tex=t, text=to_text(t), span=span, mrows=mrows, origin=origin, value=parse_value(t))


def find_env(s: str, names: tuple[str, ...], start: int = 0) -> tuple[str, int, int, int] | None:
    """First environment among ``names`` at or after ``start``: (name, begin, body start, end)."""
    pat = re.compile(r"\\begin\s*\{(" + "|".join(re.escape(n) for n in names) + r")\}")
    m = pat.search(s, start)
    if not m:
        return None
    name = m.group(1)
    depth = 0
    for mm in re.finditer(r"\\(begin|end)\s*\{" + re.escape(name) + r"\}", s[m.start():]):
        depth += 1 if mm.group(1) == "begin" else -1
        if depth == 0:
            end = m.start() + mm.end()
            return name, m.start(), m.end(), end
    return name, m.start(), m.end(), len(s)


TABULAR_ENVS = ("tabular", "tabular*", "tabularx", "tabulary", "longtable", "tblr", "NiceTabular", "longtblr",
                "supertabular", "xtabular")


def parse_tabular(env: str, s: str, body_start: int, end: int) -> list[Row]:
    i = body_start
    if env in ("tabular*", "tabularx", "tabulary", "NiceTabular*"):
        _, i = read_arg(s, i)  # width
    _, i2 = skip_optional(s, i)
    i = i2
    _, i = read_arg(s, i)  # column spec
    body = s[i:end]
    body = re.sub(r"\\end\s*\{" + re.escape(env) + r"\}\s*$", "", body)
    if env == "longtable":
        # the first head is kept; the repeated head and the feet are not rows of the table
        parts = re.split(r"\\(endfirsthead|endhead|endfoot|endlastfoot)\b", body)
        if len(parts) > 1:
            segs = list(zip(parts[0::2], parts[1::2] + [""]))
            has_first = any(mk == "endfirsthead" for _, mk in segs)
            kept = [seg for seg, mk in segs
                    if mk == "" or mk == "endfirsthead" or (mk == "endhead" and not has_first)]
            body = "\\\\".join(kept)
        m = CAPTION_RE.search(body)
        if m:
            _, after = read_group(body, m.end() - 1)
            body = body[:m.start()] + body[after:]
    rows: list[Row] = []
    for chunk in split_top(body, "\\\\"):
        content, rules = _strip_rules(chunk)
        cells = [parse_cell(c) for c in split_top(content, "&")]
        empty = all(not c.text for c in cells)
        rows.append(Row(cells=cells, rules_before=rules, empty=empty))
    # a trailing chunk holding only rules is not a row
    while rows and rows[-1].empty and len(rows[-1].cells) == 1:
        rows.pop()
    return rows


def build_grid(rows: list[Row]) -> tuple[list[list[Cell | None]], list[list[str]], list[bool], int]:
    """Place cells on a grid (multicolumn spans), copy multirow labels down (or up)."""
    grid: list[list[Cell | None]] = []
    origins: list[list[str]] = []
    for r in rows:
        line: list[Cell | None] = []
        org: list[str] = []
        for c in r.cells:
            line.append(c)
            org.append("multirow_head" if c.origin == "multirow" else c.origin)
            for _ in range(c.span - 1):
                line.append(Cell(tex=c.tex, text=c.text, span=0, origin="multicolumn", value=None))
                org.append("span")
        grid.append(line)
        origins.append(org)
    width = max((len(g) for g in grid), default=0)
    for g, o in zip(grid, origins):
        while len(g) < width:
            g.append(None)
            o.append("")
    for ri, g in enumerate(grid):
        for ci, c in enumerate(g):
            if c is None or abs(c.mrows) <= 1 or not c.text:
                continue
            rng = range(ri + 1, min(len(grid), ri + c.mrows)) if c.mrows > 0 else range(max(0, ri + c.mrows + 1), ri)
            for rr in rng:
                span = max(1, c.span)
                for cc in range(ci, min(width, ci + span)):
                    tgt = grid[rr][cc]
                    if tgt is None or not tgt.text:
                        grid[rr][cc] = Cell(tex=c.tex, text=c.text, origin="multirow")
                        origins[rr][cc] = "multirow"
    empties = [rows[k].empty for k in range(len(rows))]
    return grid, origins, empties, width


# --------------------------------------------------------------------------------------------
# orientation

METRIC_WORDS = {
    "accuracy", "acc", "precision", "prec", "recall", "rec", "f1", "f1-score", "f-score", "f", "bleu", "rouge",
    "rouge-l", "rouge-1", "rouge-2", "meteor", "cider", "map", "auc", "roc", "auroc", "auprc", "error", "err",
    "loss", "time", "runtime", "ppl", "perplexity", "score", "mse", "rmse", "mae", "mape", "r2", "hv", "igd",
    "gd", "val", "valid", "validation", "test", "train", "top-1", "top-5", "top1", "top5", "em", "iou", "miou",
    "psnr", "ssim", "fid", "is", "ndcg", "mrr", "hits", "wer", "cer", "ter", "chrf", "bertscore", "spearman",
    "pearson", "kendall", "correlation", "latency", "throughput", "memory", "params", "flops", "speed",
    "mean", "median", "std", "sd", "variance", "avg", "average", "f1@", "p@1", "r@1", "success", "rate",
    "reward", "return", "likelihood", "nll", "elbo", "kl", "bpd", "bpc", "specificity", "sensitivity", "mcc",
    "kappa", "dice", "hd95", "ap", "ap50", "ap75", "mrr@10", "recall@10", "ndcg@10", "sari", "fkgl",
    "p", "r", "ρ", "τ", "rho", "tau",
}
CORNER_SYSTEM = {"method", "methods", "model", "models", "system", "systems", "approach", "approaches",
                 "algorithm", "algorithms", "baseline", "baselines", "backbone", "backbones", "architecture",
                 "classifier", "classifiers", "encoder", "network", "config", "configuration", "variant",
                 "variants", "ablation", "setting", "setup", "name", "technique", "strategy", "policy", "agent"}
CORNER_METRIC = {"metric", "metrics", "measure", "measures", "dataset", "datasets", "data", "benchmark",
                 "benchmarks", "task", "tasks", "function", "functions", "problem", "problems", "domain",
                 "domains", "corpus", "corpora", "language", "languages", "instance", "instances", "criterion",
                 "criteria", "statistic", "statistics", "split", "category", "categories", "class", "classes",
                 "environment", "environments", "game", "games", "subset", "scenario", "indicator"}


def _words(s: str) -> list[str]:
    ws = re.findall(r"[a-z0-9@\-α-ω]+", s.lower())
    return ws + [p for w in ws if "-" in w for p in w.split("-") if p]


def decide_orientation(corners: list[str], row_labels: list[str], col_labels: list[str]) -> tuple[str, str, bool]:
    """``corners``: the header text over each label column, left to right."""
    def first_term(c: str) -> list[str]:
        t = re.split(r"\s*(?:/|--|–|\\|\bvs\.?\b|\bversus\b|\bby\b|,|;|\|)\s*", c.strip().lower())[0]
        return _words(t)

    terms = [first_term(c) for c in corners if c.strip()]
    for fw in terms:
        if fw and (fw[0] in CORNER_SYSTEM or fw[-1] in CORNER_SYSTEM):
            return "systems_as_rows", "corner cell names systems: " + " | ".join(corners), False
    if terms and terms[0] and (terms[0][0] in CORNER_METRIC or terms[0][-1] in CORNER_METRIC):
        return "systems_as_columns", "corner cell names metrics/data: " + " | ".join(corners), False

    def hits(labels: list[str]) -> float:
        if not labels:
            return 0.0
        return sum(1 for lab in labels if any(w in METRIC_WORDS for w in _words(lab))) / len(labels)

    hr, hc = hits(sorted(set(row_labels))), hits(sorted(set(col_labels)))
    if hc >= 0.3 and hc > hr:
        return "systems_as_rows", f"metric words in column labels ({hc:.2f} vs rows {hr:.2f})", False
    names_across = sum(1 for lab in col_labels if wordy(lab)) / max(1, len(col_labels))
    if hr >= 0.5 and hc == 0 and names_across >= 0.5:
        # metrics down the side, names (not settings such as "1 4 16") across and no metric there:
        # usually a transposed table, but papers that
        # evaluate metrics put them as the systems in the rows, so this stays marked unsure
        return "systems_as_columns", f"metric words in row labels only ({hr:.2f})", True
    return "systems_as_rows", "default (no corner word, no metric words)", True


# --------------------------------------------------------------------------------------------
# table -> cells


@dataclass
class TableGold:
    number: str
    caption: str
    label: str
    full_width: bool
    features: list[str] = field(default_factory=list)
    cells: list[list[Any]] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    raws: list[str] = field(default_factory=list)
    row_values: list[list[str]] = field(default_factory=list)
    orientation: str = "systems_as_rows"
    orientation_rule: str = ""
    orientation_unsure: bool = False
    skip: str | None = None


def _joined(parts: list[str]) -> str:
    out: list[str] = []
    for p in parts:
        p = p.strip()
        if p and (not out or out[-1] != p):
            out.append(p)
    return " ".join(out)


def _fill_sparse_group_column(grid: list[list[Cell | None]], origins: list[list[str]], body: list[int],
                              rules_before: list[list[str]]) -> bool:
    """A first column written once per block of rows ("0.2" on the middle row of three, blocks
    ruled off by \\cline/\\hline) beside a column of names: the one entry names its whole block."""
    if len(body) < 2 or len(grid[body[0]]) < 3:
        return False
    col0 = [grid[k][0] for k in body]
    filled = [c for c in col0 if c is not None and c.text]
    if not filled or len(filled) > len(body) / 2:
        return False
    names = [grid[k][1] for k in body if grid[k][1] is not None and grid[k][1].text]
    if not names or sum(1 for c in names if wordy(c.text)) < len(names) / 2:
        return False
    blocks: list[list[int]] = []
    for k in body:
        if not blocks or rules_before[k]:
            blocks.append([])
        blocks[-1].append(k)
    if len(blocks) < 2:
        return False
    for blk in blocks:
        texts = {grid[k][0].text for k in blk if grid[k][0] is not None and grid[k][0].text}
        if len(texts) != 1:
            return False
    for blk in blocks:
        text = next(grid[k][0].text for k in blk if grid[k][0] is not None and grid[k][0].text)
        for k in blk:
            if grid[k][0] is None or not grid[k][0].text:
                grid[k][0] = Cell(tex=text, text=text, origin="multirow")
                origins[k][0] = "multirow"
    return True


STYLE_RE = re.compile(r"\\(textbf|textit|emph|underline|textsc|bfseries|itshape|scshape|bf|it|sc|textsl|uline)\b")


def table_cells(rows: list[Row], tg: TableGold) -> None:
    grid, origins, empties, width = build_grid(rows)
    keep = [k for k in range(len(grid)) if not empties[k]]
    # rules written before an empty row ("\\\\ \\hline \\\\") belong to the next real row
    rules_before: list[list[str]] = []
    carry: list[str] = []
    for k in range(len(rows)):
        rules_before.append(carry + rows[k].rules_before)
        carry = rules_before[-1] if empties[k] else []
    if not keep or width < 2:
        tg.skip = "no rows/columns"
        return

    def numeric_in(k: int, start: int) -> bool:
        return any(c is not None and c.span != 0 and c.value is not None and origins[k][j] != "multirow"
                   for j, c in enumerate(grid[k]) if j >= start)

    def header_like(k: int, start: int) -> bool:
        # text that starts in a value column (a row-group label spans from the first column)
        return any(c is not None and c.span != 0 and c.text and origins[k][j] != "multirow"
                   for j, c in enumerate(grid[k]) if j >= start)

    def header_count(start_col: int) -> int:
        h = 1
        while h < len(keep) and not numeric_in(keep[h], start_col) and header_like(keep[h], start_col):
            h += 1
        # rows above the first full rule under the first row are header rows too (a \\cmidrule or
        # \\cline under a spanning header cell is part of the header)
        for idx in range(1, min(len(keep), 5)):
            if any(r in ("midrule", "hline", "hdashline", "Xhline", "specialrule", "thickhline")
                   for r in rules_before[keep[idx]]):
                if all(header_like(keep[x], start_col) for x in range(1, idx)):
                    h = max(h, idx)
                break
        return min(h, len(keep) - 1) if len(keep) > 1 else 1

    h = header_count(1)
    r0 = grid[keep[0]]
    r0_vals = [c for c in r0[1:] if c is not None and c.span != 0 and c.value is not None]
    if (r0[0] is not None and wordy(r0[0].text) and len(r0_vals) >= max(1, (width - 1) / 2)
            and sum(1 for c in r0_vals if "." in c.value.raw) >= len(r0_vals) / 2
            and not (len(keep) > 1 and rules_before[keep[1]])):
        # a first row of decimals under no rule is data, and the table names no columns
        tg.skip = "no header row (the first row is a row of values)"
        return
    body = keep[h:]
    sparse_group = _fill_sparse_group_column(grid, origins, body, rules_before)
    if sparse_group:
        tg.features.append("sparse_group_column")
    # label columns: leading columns whose body cells are words
    L = 0
    for j in range(width):
        if j == 0 and sparse_group:
            L = 1
            continue
        vals = [grid[k][j] for k in body if grid[k][j] is not None and grid[k][j].text]
        if not vals:
            if j == 0:
                continue
            break
        words_share = sum(1 for c in vals if wordy(c.text) and c.value is None) / len(vals)
        num_share = sum(1 for c in vals if c.value is not None) / len(vals)
        if j == 0:
            if num_share > 0.5:
                break
            L = 1
            continue
        if words_share >= 0.5 and num_share < 0.25:
            L = j + 1
        else:
            break
    first_col = [grid[k][0].text for k in body if grid[k][0] is not None and grid[k][0].text]
    if L == 0 or (L == 1 and first_col and not sparse_group
                  and sum(1 for t in first_col if is_quantity(t)) / len(first_col) > 0.5):
        tg.skip = "row labels are mostly numbers/symbols, not names"
        return
    h = header_count(L)
    header = keep[:h]
    body = keep[h:]
    if len(header) > 1 and sum(1 for k in header if any(grid[k][j] is not None and grid[k][j].text
                                                        for j in range(L, width))) > 1:
        tg.features.append("multilevel_header")
    if L > 1:
        tg.features.append("multi_label_cols")
    col_parts: list[list[str]] = [[] for _ in range(width)]
    for k in header:
        for j in range(L, width):
            c = grid[k][j]
            if c is not None and c.text:
                col_parts[j].append(c.text)
    col_labels = [_joined(p) for p in col_parts]
    corners = [_joined([grid[k][j].text for k in header if grid[k][j] is not None and grid[k][j].text])
               for j in range(L)]
    group = ""
    seen: dict[tuple[str, str], float] = {}
    clash = 0
    numeric_labels = 0
    row_labels_all: list[str] = []
    for k in body:
        g = grid[k]
        label_cells = [g[j].text if g[j] is not None else "" for j in range(L)]
        value_cells = [g[j] for j in range(L, width)]
        has_values = any(c is not None and c.value is not None and c.span != 0 for c in value_cells)
        nonempty_vals = [c for c in value_cells if c is not None and c.text and c.span != 0]
        if not has_values:
            first_span = g[0].span if g[0] is not None else 1
            styled = g[0] is not None and bool(STYLE_RE.search(g[0].tex))
            ruled = bool(rules_before[k])
            if (any(label_cells) and not nonempty_vals and (styled or ruled or first_span >= 2)) \
                    or first_span >= max(2, width // 2):
                # a row-group label: spanning, set in another style, or ruled off (a plain label
                # with empty cells is a row without results, not a group)
                group = _joined([g[0].text if g[0] is not None else ""] + label_cells[1:])
                continue
            if len(nonempty_vals) >= max(1, (width - L) // 2) and all(wordy(c.text) for c in nonempty_vals) \
                    and (ruled or all(STYLE_RE.search(c.tex) for c in nonempty_vals)):
                # a second header block inside the body
                for j in range(L, width):
                    c = g[j]
                    col_labels[j] = c.text if c is not None and c.text else col_labels[j]
                tg.features.append("stacked_headers")
            continue
        own = _joined(label_cells)
        rlabel = _joined([group, own]) if group and group != own else own
        if not rlabel:
            continue
        if is_quantity(own):
            numeric_labels += 1  # a row named by a number is no system/benchmark name
            continue
        row_labels_all.append(rlabel)
        row_vals: list[str] = []
        for j in range(L, width):
            c = g[j]
            if c is None or c.value is None or c.span == 0:
                continue
            clabel = col_labels[j]
            fl = list(c.value.flags)
            if group:
                fl.append("group")
            if L > 1:
                fl.append("multi_label")
            if origins[k][j] in ("span",):
                fl.append("span")
            key = (rlabel, clabel)
            row_vals.append(c.value.raw)
            if key in seen:
                clash += abs(seen[key] - c.value.value) > 1e-9
                continue  # the same cell twice (a repeated row) is kept once
            seen[key] = c.value.value
            tg.cells.append([rlabel, clabel, c.value.value])
            tg.flags.append(",".join(fl))
            tg.raws.append(c.value.raw)
        if row_vals:
            tg.row_values.append(row_vals)
    if numeric_labels and numeric_labels >= len(tg.row_values):
        tg.skip = "row labels are mostly numbers/symbols, not names"
        return
    if len(tg.cells) < 2:
        tg.skip = f"only {len(tg.cells)} numeric cells"
        return
    if clash:
        tg.skip = f"row/column labels not unique ({clash} cells share a label pair with different values)"
        return
    if not any(col_labels[j] for j in range(L, width)):
        tg.skip = "no column header"
        return
    o, rule, unsure = decide_orientation(corners, row_labels_all, [col_labels[j] for j in range(L, width) if col_labels[j]])
    # a header of several rows whose label cell names each row ("Input" over "Metric"): the last
    # header row's name says what runs across the top
    own = [grid[k][0].text for k in header if grid[k][0] is not None and grid[k][0].text
           and origins[k][0] != "multirow"]
    if len(header) >= 2 and len(own) >= 2 and grid[header[-1]][0] is not None \
            and origins[header[-1]][0] != "multirow" and grid[header[-1]][0].text:
        last = _words(grid[header[-1]][0].text)
        if last and last[0] in CORNER_METRIC:
            o, rule, unsure = "systems_as_rows", "last header row is named as metrics/data: " + grid[header[-1]][0].text, False
        elif last and last[0] in CORNER_SYSTEM:
            o, rule, unsure = "systems_as_columns", "last header row is named as systems: " + grid[header[-1]][0].text, False
    tg.orientation, tg.orientation_rule, tg.orientation_unsure = o, rule, unsure


def sub_caption(ftex: str, b: int, e: int) -> str:
    """The sub-caption of the tabular at ftex[b:e]: the \\subcaption/\\caption of the subtable,
    subfigure or minipage holding it, or the optional argument of a \\subfloat around it."""
    best = None
    for env in SUB_ENVS + ("minipage",):
        for m in re.finditer(r"\\begin\s*\{" + env + r"\}", ftex):
            f = find_env(ftex, (env,), m.start())
            if f and f[1] <= b and f[3] >= e and (best is None or f[1] > best[0]):
                best = (f[1], f[3])
    if best:
        chunk = ftex[best[0]:best[1]]
        chunk_wo = chunk[:b - best[0]] + chunk[e - best[0]:]
        m = re.search(r"\\(?:subcaption|caption)\s*(\[[^\]]*\])?\s*\{", chunk_wo)
        if m:
            cap, _ = read_group(chunk_wo, m.end() - 1)
            return re.sub(r"^\(?[a-z]\)\s*", "", to_text(re.sub(r"\\label\s*\{[^}]*\}", "", cap or "")))
    for m in re.finditer(r"\\sub(?:float|table)\s*\[", ftex[:b]):
        cap, after = read_group(ftex, m.end() - 1, "[", "]")
        body_start = after
        while body_start < len(ftex) and ftex[body_start] in " \n\t":
            body_start += 1
        if body_start < len(ftex) and ftex[body_start] == "{":
            _, end = read_group(ftex, body_start)
            if body_start < b and end >= e and cap:
                return re.sub(r"^\(?[a-z]\)\s*", "", to_text(cap))
    return ""


def subtables_cells(all_rows: list[list[Row]], subs: list[str], tg: TableGold) -> None:
    """Several captioned sub-tables in one float: each is read on its own and its sub-caption
    heads its row labels, like a row-group label."""
    seen: dict[tuple[str, str], float] = {}
    first = None
    for rows, sub in zip(all_rows, subs):
        part = TableGold(number=tg.number, caption=tg.caption, label="", full_width=tg.full_width)
        table_cells(rows, part)
        if part.skip:
            continue
        first = first or part
        for (r, c, v), fl in zip(part.cells, part.flags):
            key = (f"{sub} {r}", c)
            if key in seen and abs(seen[key] - v) > 1e-9:
                tg.skip = "row/column labels not unique across sub-tables"
                return
            seen[key] = v
            tg.cells.append([f"{sub} {r}", c, v])
            tg.flags.append(",".join([x for x in fl.split(",") if x] + ["group"]))
        tg.raws.extend(part.raws)
        tg.row_values.extend(part.row_values)
        tg.features.extend(part.features)
    if first is None or len(tg.cells) < 2:
        tg.skip = f"only {len(tg.cells)} numeric cells"
        return
    tg.features.append("subtables_prefixed")
    tg.orientation, tg.orientation_rule, tg.orientation_unsure = (
        first.orientation, first.orientation_rule, first.orientation_unsure)


def table_features(float_tex: str, env_name: str) -> list[str]:
    f = []
    if re.search(r"\\(toprule|midrule|bottomrule)", float_tex):
        f.append("booktabs")
    if re.search(r"\\hline|\\cline|\|", float_tex.split("\\caption")[0] + float_tex) and "\\hline" in float_tex:
        f.append("ruled")
    if "\\multirow" in float_tex:
        f.append("multirow")
    if "\\multicolumn" in float_tex:
        f.append("multicolumn")
    if re.search(r"\\textbf|\\bf\b|\\bfseries|\\mathbf", float_tex):
        f.append("bold")
    if re.search(r"\\pm|±", float_tex):
        f.append("pm")
    if re.search(r"\d\s*\\%", float_tex):
        f.append("pct")
    return f


# --------------------------------------------------------------------------------------------
# document -> tables

FLOAT_ENVS = ("table", "table*", "sidewaystable", "sidewaystable*", "wraptable", "longtable")


CAPTION_RE = re.compile(r"\\(?:caption(?!setup|of|box|width|name)|tbl(?![A-Za-z]))\s*(\[[^\]]*\])?\s*"
                        r"(?:\\(?:tiny|scriptsize|footnotesize|small|normalsize|large|bf|it|bfseries)\s*)?\{")
SUB_ENVS = ("subtable", "subfigure", "subfloat")


def _without_subs(ftex: str) -> str:
    """The float without its sub-table/sub-figure environments (their captions have their own counter)."""
    out = ftex
    while True:
        f = find_env(out, SUB_ENVS)
        if not f:
            return out
        _, b, _, e = f
        out = out[:b] + " " + out[e:]


def document_tables(text: str) -> list[tuple[str, str, str, bool]]:
    """(number, float tex, env name, full width) for every numbered table, in order. A float with
    several captions in minipages gives one entry per minipage; ``\\captionof{table}`` outside
    floats gives an entry made of its caption and the tabular of its minipage (or the nearest one)."""
    doc_start = text.find("\\begin{document}")
    body = text[doc_start:] if doc_start >= 0 else text
    counter = 0
    out: list[tuple[str, str, str, bool]] = []
    pat = re.compile(r"\\begin\s*\{(table\*?|sidewaystable\*?|wraptable|longtable|SCtable\*?)\}|"
                     r"\\setcounter\s*\{table\}\s*\{(\d+)\}|\\captionof\s*\{table\}")
    pos = 0
    while True:
        m = pat.search(body, pos)
        if not m:
            break
        if m.group(2) is not None:
            counter = int(m.group(2))
            pos = m.end()
            continue
        if m.group(0).startswith("\\captionof"):
            counter += 1
            cap, after = read_group(body, m.end())
            mp = None
            for mm in re.finditer(r"\\begin\s*\{minipage\}", body[max(0, m.start() - 4000):m.start()]):
                st = max(0, m.start() - 4000) + mm.start()
                f = find_env(body, ("minipage",), st)
                if f and f[3] > m.start():
                    mp = f
            if mp:
                region = body[mp[1]:mp[3]]
            else:
                region = body[max(0, m.start() - 2500):after + 2500]
            tab = find_env(region, TABULAR_ENVS)
            if tab:
                ftex = "\\caption{" + (cap or "") + "}\n" + region[tab[1]:tab[3]]
                out.append((str(counter), ftex, "captionof", False))
            pos = after
            continue
        env = m.group(1)
        found = find_env(body, (env,), m.start())
        if not found:
            break
        _, b, bs, e = found
        ftex = body[b:e]
        caps = list(CAPTION_RE.finditer(_without_subs(ftex)))
        if len(caps) == 1:
            counter += 1
            out.append((str(counter), ftex, env, env.endswith("*")))
        elif len(caps) > 1:
            parts = []
            p2 = 0
            while True:
                f = find_env(ftex, ("minipage",), p2)
                if not f:
                    break
                chunk = ftex[f[1]:f[3]]
                if CAPTION_RE.search(chunk):
                    parts.append(chunk)
                p2 = f[3]
            if len(parts) == len(caps):
                for chunk in parts:
                    counter += 1
                    out.append((str(counter), chunk, env, False))
            else:
                counter += len(caps)
                out.append((str(counter - len(caps) + 1), ftex, env, env.endswith("*")))
        pos = e
    return out


def caption_text(ftex: str) -> str:
    m = CAPTION_RE.search(_without_subs(ftex))
    if not m:
        return ""
    cap, _ = read_group(_without_subs(ftex), m.end() - 1)
    cap = re.sub(r"\\label\s*\{[^}]*\}", "", cap or "")
    return to_text(cap)


# --------------------------------------------------------------------------------------------
# PDF agreement

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI", 7: "VII", 8: "VIII", 9: "IX", 10: "X", 11: "XI",
         12: "XII", 13: "XIII", 14: "XIV", 15: "XV", 16: "XVI", 17: "XVII", 18: "XVIII", 19: "XIX", 20: "XX"}
NUMTOK = re.compile(r"[+\-\u2212\u2013]?(?:\d+(?:[.,]\d+)*|\.\d+)")


def _norm_num(s: str) -> str:
    s = s.replace("\u2212", "-").replace("\u2013", "-").replace(",", "")
    if s.startswith("+"):
        s = s[1:]
    if s.startswith("-") and re.fullmatch(r"-0*\.?0*", s):
        s = s[1:]
    return s


def _norm_words(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return " ".join(re.findall(r"[a-z0-9]+", s.lower()))


class PdfPages:
    def __init__(self, pdf: Path):
        import pymupdf

        self.doc = pymupdf.open(str(pdf))
        self.texts = [p.get_text() for p in self.doc]
        self.compact = [_compact(t) for t in self.texts]
        self._lines: dict[tuple[int, bool], list[list[str]]] = {}

    def __len__(self) -> int:
        return len(self.texts)

    def lines(self, pno: int, rotated: bool = False) -> list[list[str]]:
        """Numbers of each visual line of page ``pno`` (0-based): words grouped by their vertical
        centre and read left to right; ``rotated``: grouped by horizontal centre and read bottom to
        top (a table turned by 90 degrees, e.g. sidewaystable)."""
        key = (pno, rotated)
        if key in self._lines:
            return self._lines[key]
        words = self.doc[pno].get_text("words")
        if rotated:
            items = sorted(((w[0] + w[2]) / 2, w[2] - w[0], -w[3], w[4]) for w in words)
        else:
            items = sorted(((w[1] + w[3]) / 2, w[3] - w[1], w[0], w[4]) for w in words)
        groups: list[list[tuple[float, float, float, str]]] = []
        for it in items:
            if groups:
                g = groups[-1]
                mid = sum(x[0] for x in g) / len(g)
                tol = max(1.5, 0.35 * min(it[1], min(x[1] for x in g)))
                if abs(it[0] - mid) <= tol:
                    g.append(it)
                    continue
            groups.append([it])
        out = []
        for g in groups:
            toks = " ".join(x[3] for x in sorted(g, key=lambda x: x[2]))
            out.append([_norm_num(t) for t in NUMTOK.findall(toks)])
        self._lines[key] = out
        return out

    def numbers(self, pno: int) -> set[str]:
        nums = {_norm_num(t) for t in NUMTOK.findall(self.texts[pno])}
        merged = re.sub(r"(?<=\d)[\s\u2009\u202f,](?=\d{3}(?!\d))", "", self.texts[pno])
        nums |= {_norm_num(t) for t in NUMTOK.findall(merged)}
        return nums

    def caption_pages(self, number: str, caption: str) -> list[tuple[int, str]]:
        """Pages holding "Table N" (or "TABLE <roman>") followed by the caption's first words.
        Letters and digits only, so line-end hyphenation and spacing do not matter; when the
        words differ a little (a PDF built from a slightly other version) a close match counts."""
        from difflib import SequenceMatcher

        cap = _compact(caption)[:60]
        labels = [f"table{number}"]
        if number.isdigit() and int(number) in ROMAN:
            labels.append(f"table{ROMAN[int(number)].lower()}")
        found = []
        for p, pc in enumerate(self.compact):
            got = None
            for lab in labels:
                for m in re.finditer(re.escape(lab), pc):
                    after = pc[m.end():m.end() + len(cap) + 4]
                    if not cap:
                        got = f"Table {number}"
                    elif after.startswith(cap[:24]) or SequenceMatcher(None, after[:len(cap)], cap).ratio() >= 0.8:
                        got = f"Table {number}"
                    if got:
                        break
                if got:
                    break
            if got is None and len(cap) >= 20:
                # the caption is there but under another number (appendix "Table A1", ...)
                k = pc.find(cap[:40])
                if k >= 0:
                    mm = re.search(r"(?:table|tab)([a-z]?\d+|[ivxlc]+)$", pc[max(0, k - 14):k])
                    if mm:
                        tok = mm.group(1)
                        inv = {v.lower(): k2 for k2, v in ROMAN.items()}
                        got = f"Table {inv.get(tok, tok.upper() if tok[0].isalpha() else tok)}"
            if got:
                found.append((p, got))
        return found


def _compact(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "", s.lower())


def pdf_agreement(tg: TableGold, pdf: PdfPages) -> tuple[int, str, float, float] | str:
    pages = pdf.caption_pages(tg.number, tg.caption)
    if not pages:
        return "caption not found in the PDF"
    best: tuple[int, str, float, float] | None = None
    why = ""
    for p, label in pages:
        nums = pdf.numbers(p)
        raws = [_norm_num(r) for r in tg.raws]
        share = sum(1 for r in raws if r in nums) / len(raws)
        if share < 0.9:
            why = f"only {share:.0%} of the values on page {p + 1}"
            continue
        ok_rows = 0
        bad = None
        for rotated in (False, True):
            lines = pdf.lines(p, rotated)
            ok_rows = 0
            bad = None
            for rv in tg.row_values:
                want = [_norm_num(x) for x in rv]
                if any(_subseq(want, ln) for ln in lines) or _subseq_merged(want, lines):
                    ok_rows += 1
                elif bad is None:
                    bad = rv
            if bad is None:
                break
        row_share = ok_rows / max(1, len(tg.row_values))
        if bad is not None:
            why = f"a row's values ({' '.join(bad[:4])}...) not in order on one line of page {p + 1}"
            continue
        cand = (p + 1, label, share, row_share)
        if best is None or share > best[2]:
            best = cand
    return best if best else why


def _subseq(want: list[str], have: list[str]) -> bool:
    i = 0
    for h in have:
        if i < len(want) and h == want[i]:
            i += 1
    return i == len(want)


def _subseq_merged(want: list[str], lines: list[list[str]]) -> bool:
    # thousands written with a thin space come out as two numbers ("1 000")
    for ln in lines:
        merged = []
        k = 0
        while k < len(ln):
            if k + 1 < len(ln) and re.fullmatch(r"\d{1,3}", ln[k]) and re.fullmatch(r"\d{3}(\.\d+)?", ln[k + 1]):
                merged.append(ln[k] + ln[k + 1])
                k += 2
                continue
            merged.append(ln[k])
            k += 1
        if _subseq(want, merged):
            return True
    return False


# --------------------------------------------------------------------------------------------
# main entry


def make_gold(src: Path, pdf_path: Path, main_hint: str | None = None, meta: dict[str, Any] | None = None) -> dict[str, Any]:
    main = find_main(src, main_hint)
    text = load_source(main)
    # the paper's own macros, including those of style files it carries and loads
    local_sty = ""
    for m in re.finditer(r"\\usepackage\s*(?:\[[^\]]*\])?\s*\{([^}]*)\}", text):
        for name in m.group(1).split(","):
            for cand in (main.parent / f"{name.strip()}.sty", src / f"{name.strip()}.sty"):
                if cand.is_file():
                    local_sty += strip_comments(cand.read_text(encoding="utf-8", errors="replace"))
                    break
    macros = collect_macros(local_sty + text)
    pdf = PdfPages(pdf_path)
    tables: list[dict[str, Any]] = []
    skipped: list[dict[str, str]] = []
    for number, ftex, env, full in document_tables(text):
        ftex_x = expand_macros(ftex, macros)
        tg = TableGold(number=number, caption=caption_text(ftex_x), label="", full_width=full or env.startswith("sideways"))
        found = find_env(ftex_x, TABULAR_ENVS) if env != "longtable" else ("longtable", 0, len("\\begin{longtable}"), len(ftex_x))
        if not found:
            skipped.append({"table": f"Table {number}", "reason": "no tabular"})
            continue
        tg.features = table_features(ftex_x, env)
        if tg.full_width:
            tg.features.append("full_width")
        n_tab = 0
        pos = 0
        all_rows: list[list[Row]] = []
        spans: list[tuple[int, int]] = []
        while True:
            f = find_env(ftex_x, TABULAR_ENVS, pos)
            if not f:
                break
            name, b, bs, e = f
            all_rows.append(parse_tabular(name, ftex_x, bs, e))
            spans.append((b, e))
            n_tab += 1
            pos = e
        if n_tab > 1:
            tg.features.append("multi_tabular")
            subs = [sub_caption(ftex_x, b, e) for b, e in spans]
            if not all(subs):
                skipped.append({"table": f"Table {number}",
                                "reason": f"{n_tab} tabulars in one float without a sub-caption each"})
                continue
            subtables_cells(all_rows, subs, tg)
        else:
            table_cells(all_rows[0], tg)
        if tg.skip:
            skipped.append({"table": f"Table {number}", "reason": tg.skip})
            continue
        agree = pdf_agreement(tg, pdf)
        if isinstance(agree, str):
            skipped.append({"table": f"Table {number}", "reason": "PDF disagrees: " + agree})
            continue
        page, label, vshare, rshare = agree
        flags = tg.flags
        tables.append({
            "caption_starts": label,
            "page": page,
            "orientation": tg.orientation,
            "orientation_rule": tg.orientation_rule,
            "orientation_unsure": tg.orientation_unsure,
            "caption": tg.caption[:200],
            "features": sorted(set(tg.features)),
            "cells": tg.cells,
            "pm_cells": [k for k, f in enumerate(flags) if "pm" in f.split(",")],
            "cell_flags": flags,
            "pdf_value_check": round(vshare, 3),
            "pdf_row_check": round(rshare, 3),
        })
    out: dict[str, Any] = dict(meta or {})
    out.setdefault("tex_path", str(main.relative_to(src)))
    out["pdf_pages"] = len(pdf)
    out["made_by"] = "benchmarks/tex_table_gold.py"
    out["tables"] = tables
    out["skipped"] = skipped
    return out


# --------------------------------------------------------------------------------------------
# agreement between two gold files


def _tb_words(s: str) -> list[str]:
    return re.sub(r"[^a-z0-9.]+", " ", str(s).lower()).split()


def compare(gold: dict[str, Any], ours: dict[str, Any], verbose: bool = False) -> dict[str, Any]:
    """Cells of ``gold`` reproduced by ``ours`` (same table number, same value, labels equal after
    whitespace normalisation = exact; the same texbench words = words), and extra cells of ours."""
    def norm(s: str) -> str:
        return re.sub(r"\s+", " ", str(s)).strip()

    def tnum(t: dict[str, Any]) -> str:
        return t["caption_starts"]

    by = {tnum(t): t for t in ours.get("tables", [])}
    exact = words = total = 0
    misses = []
    orient = [0, 0]
    page = [0, 0]
    for t in gold["tables"]:
        o = by.get(tnum(t))
        if o is not None:
            orient[1] += 1
            orient[0] += o["orientation"] == t["orientation"]
            page[1] += 1
            page[0] += o["page"] == t["page"]
        oc = o["cells"] if o else []
        ex = {(norm(r), norm(c), round(float(v), 9)) for r, c, v in oc}
        wd = {(tuple(sorted(set(_tb_words(r)))), tuple(sorted(set(_tb_words(c)))), round(float(v), 9)) for r, c, v in oc}
        for r, c, v in t["cells"]:
            total += 1
            e = (norm(r), norm(c), round(float(v), 9)) in ex
            w = (tuple(sorted(set(_tb_words(r)))), tuple(sorted(set(_tb_words(c)))), round(float(v), 9)) in wd
            exact += e
            words += w or e
            if not e:
                misses.append(f"{tnum(t)}: {r} | {c} = {v}" + ("  (words match)" if w else ""))
    gold_keys = {(tnum(t), norm(r), norm(c), round(float(v), 9)) for t in gold["tables"] for r, c, v in t["cells"]}
    gold_tables = {tnum(t) for t in gold["tables"]}
    extra = [(tnum(t), r, c, v) for t in ours.get("tables", []) for r, c, v in t["cells"]
             if (tnum(t), norm(r), norm(c), round(float(v), 9)) not in gold_keys]
    extra_in_gold_tables = [x for x in extra if x[0] in gold_tables]
    res = {"gold_cells": total, "exact": exact, "words": words, "extra": len(extra),
           "extra_in_gold_tables": len(extra_in_gold_tables), "orientation": orient, "page": page,
           "misses": misses, "extras": extra}
    if verbose:
        for m in misses:
            print("   miss:", m)
        for x in extra[:40]:
            print("   extra:", x)
    return res


def _sources_rows(root: Path = NEWPAPERS) -> list[dict[str, str]]:
    f = root / "SOURCES.tsv"
    if not f.exists():
        return []
    lines = [ln for ln in f.read_text(encoding="utf-8").splitlines() if ln.strip()]
    head = lines[0].split("\t")
    return [dict(zip(head, ln.split("\t"))) for ln in lines[1:]]


def main(argv: list[str]) -> None:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return
    if argv[0] == "--compare":
        gold = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
        ours = json.loads(Path(argv[2]).read_text(encoding="utf-8"))
        r = compare(gold, ours, "-v" in argv)
        print(f"gold cells {r['gold_cells']}: exact {r['exact']} ({r['exact'] / max(1, r['gold_cells']):.3f}), "
              f"same words {r['words']} ({r['words'] / max(1, r['gold_cells']):.3f}); extra cells {r['extra']} "
              f"({r['extra_in_gold_tables']} in gold's tables); orientation {r['orientation'][0]}/{r['orientation'][1]}, "
              f"page {r['page'][0]}/{r['page'][1]}")
        return
    if argv[0] == "--summary":
        import hashlib

        folder = Path(argv[1])
        print("| paper | half | tables | cells | systems as columns | orientation unsure | skipped (reason) |")
        print("| --- | --- | ---: | ---: | ---: | ---: | --- |")
        tot = [0, 0, 0]
        for f in sorted(folder.glob("*.json")):
            g = json.loads(f.read_text(encoding="utf-8"))
            half = "tune" if int(hashlib.sha1(f.stem.encode()).hexdigest(), 16) % 2 == 0 else "blind"
            cells = sum(len(t["cells"]) for t in g["tables"])
            cols = sum(1 for t in g["tables"] if t["orientation"] == "systems_as_columns")
            unsure = sum(1 for t in g["tables"] if t.get("orientation_unsure"))
            sk = "; ".join(f"{x['table']}: {x['reason']}" for x in g["skipped"]) or "-"
            print(f"| {f.stem} | {half} | {len(g['tables'])} | {cells} | {cols} | {unsure} | {sk} |")
            tot = [tot[0] + len(g["tables"]), tot[1] + cells, tot[2] + len(g["skipped"])]
        print(f"\n{tot[0]} tables, {tot[1]} cells, {tot[2]} tables skipped")
        return
    if argv[0] == "--newpapers":
        out_dir = Path(argv[argv.index("--out-dir") + 1]) if "--out-dir" in argv else ROOT / "tests" / "data" / "gold" / "tables_new23"
        root = Path(argv[argv.index("--root") + 1]) if "--root" in argv else NEWPAPERS
        rows = _sources_rows(root)
        if not rows:
            print(f"no {root / 'SOURCES.tsv'}: nothing to do")
            return
        out_dir.mkdir(parents=True, exist_ok=True)
        for r in rows:
            pid = r.get("id", "").strip()
            src = root / "sources" / pid
            pdf = root / "pdfs" / f"{pid}.pdf"
            if not pid or not src.is_dir() or not pdf.is_file():
                print(f"{pid}: sources or pdf missing, skipped")
                continue
            tex_path = r.get("tex_path", "").strip()
            meta = {"id": pid, "source_repo": r.get("source_repo", ""), "source_commit": r.get("source_commit", ""),
                    "tex_path": tex_path, "local_pdf": f"newpapers/pdfs/{pid}.pdf", "license": r.get("license", "")}
            try:
                g = make_gold(src, pdf, tex_path or None, meta)
            except Exception as exc:  # one paper's odd source must not stop the others
                print(f"{pid}: failed: {exc!r}")
                continue
            (out_dir / f"{pid}.json").write_text(json.dumps(g, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
            print(f"{pid}: {len(g['tables'])} tables, {sum(len(t['cells']) for t in g['tables'])} cells, "
                  f"{len(g['skipped'])} skipped")
        return
    src, pdf = Path(argv[0]), Path(argv[1])
    hint = argv[argv.index("--main") + 1] if "--main" in argv else None
    pid = argv[argv.index("--id") + 1] if "--id" in argv else src.name
    g = make_gold(src, pdf, hint, {"id": pid})
    text = json.dumps(g, indent=1, ensure_ascii=False) + "\n"
    if "--out" in argv:
        Path(argv[argv.index("--out") + 1]).write_text(text, encoding="utf-8")
        print(f"{pid}: {len(g['tables'])} tables, {sum(len(t['cells']) for t in g['tables'])} cells, "
              f"{len(g['skipped'])} skipped")
        for s in g["skipped"]:
            print("   skipped", s["table"], "-", s["reason"])
    else:
        print(text)


if __name__ == "__main__":
    main(sys.argv[1:])
