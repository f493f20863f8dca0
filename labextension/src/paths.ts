/** Small helpers for contents paths ("/"-separated, relative to the server root). */
import { PathExt } from '@jupyterlab/coreutils';

export function isPdf(path: string): boolean {
  return PathExt.extname(path).toLowerCase() === '.pdf';
}

/** Drop a drive prefix such as "RTC:" that the file browser may add. */
export function localPath(path: string): string {
  const i = path.indexOf(':');
  return i >= 0 && path.indexOf('/') > i ? path.slice(i + 1) : path;
}

export function dirname(path: string): string {
  const d = PathExt.dirname(path);
  return d === '.' ? '' : d;
}

const SUPPLEMENT_WORDS = /(supp|supplement|supplementary|appendix|appendices|\bsi\b|extended|additional)/i;

/**
 * Whether a file looks like a supplement of the given paper: it names itself a
 * supplement/appendix and shares the paper's leading name part ("stockmixer-main"
 * and "stockmixer-supplement").  Only a pre-selection; the user decides.
 */
export function looksLikeSupplement(paper: string, candidate: string): boolean {
  const stem = (p: string) =>
    PathExt.basename(p, PathExt.extname(p)).toLowerCase();
  const a = stem(paper);
  const b = stem(candidate);
  if (!SUPPLEMENT_WORDS.test(b.replace(/[_.-]+/g, ' '))) {
    return false;
  }
  if (SUPPLEMENT_WORDS.test(a.replace(/[_.-]+/g, ' '))) {
    return false; // the paper itself is a supplement: pre-select nothing
  }
  const head = a.split(/[-_. ]+/)[0];
  // "main.pdf" + "supplement.pdf": a folder-level pair with generic names
  const generic = /^(main|paper|manuscript|article|submission)$/.test(a);
  return generic || (head.length >= 3 && b.startsWith(head));
}
