/**
 * The body of the "Review paper…" dialog: choose the paper (when none was
 * right-clicked) and tick supplement files.  File names are shown with
 * textContent only — they are user data.
 */
import { PathExt } from '@jupyterlab/coreutils';
import { Widget } from '@lumino/widgets';

import { looksLikeSupplement } from './paths';

export interface IReviewChoice {
  paper: string;
  supplements: string[];
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

export class ReviewDialogBody extends Widget {
  /**
   * @param pdfs PDF paths (server-root relative) in the folder, sorted
   * @param paper the right-clicked paper, or null to let the user choose
   */
  constructor(
    private readonly pdfs: string[],
    paper: string | null
  ) {
    super();
    this.addClass('jr-dialog');
    const node = this.node;

    const paperRow = el('div', 'jr-dialog-row');
    paperRow.appendChild(el('span', 'jr-dialog-label', 'Paper'));
    if (paper) {
      this._paper = paper;
      paperRow.appendChild(
        el('span', 'jr-dialog-paper-name', PathExt.basename(paper))
      );
    } else {
      const select = el('select', 'jr-dialog-paper jp-mod-styled');
      for (const p of pdfs) {
        const option = el('option', undefined, PathExt.basename(p));
        option.value = p;
        select.appendChild(option);
      }
      this._paper = pdfs[0] ?? '';
      select.addEventListener('change', () => {
        // another paper: its own supplements, not the previous paper's ticks
        this._paper = select.value;
        this._extra.value = '';
        this._renderSupplements(false);
      });
      paperRow.appendChild(select);
    }
    node.appendChild(paperRow);

    node.appendChild(
      el(
        'div',
        'jr-dialog-label',
        'Supplements (read together with the paper)'
      )
    );
    this._list = el('ul', 'jr-dialog-supplements');
    node.appendChild(this._list);

    const extraLabel = el(
      'label',
      'jr-dialog-label',
      'Other supplement files (one path per line, relative to the Jupyter root)'
    );
    this._extra = el('textarea', 'jr-dialog-extra jp-mod-styled');
    this._extra.rows = 2;
    extraLabel.appendChild(this._extra);
    node.appendChild(extraLabel);

    this._renderSupplements();
  }

  /**
   * List the other PDFs as supplement check boxes.  Names that look like a
   * supplement of the paper are pre-ticked; with `keep`, the user's ticks are kept.
   */
  private _renderSupplements(keep = true): void {
    const list = this._list;
    const previous = new Set(keep ? this._checked() : []);
    list.replaceChildren();
    const others = this.pdfs.filter(p => p !== this._paper);
    if (others.length === 0) {
      list.appendChild(
        el('li', 'jr-dialog-empty', 'No other PDF files in this folder.')
      );
      return;
    }
    for (const p of others) {
      const li = el('li', 'jr-dialog-supplement');
      const label = el('label');
      const box = el('input');
      box.type = 'checkbox';
      box.value = p;
      box.dataset.path = p;
      box.checked =
        previous.has(p) || looksLikeSupplement(this._paper, p);
      label.appendChild(box);
      label.appendChild(document.createTextNode(' ' + PathExt.basename(p)));
      li.appendChild(label);
      list.appendChild(li);
    }
  }

  private _checked(): string[] {
    return Array.from(
      this._list.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')
    )
      .filter(b => b.checked)
      .map(b => b.value);
  }

  /** Called by the Dialog when the user accepts. */
  getValue(): IReviewChoice {
    const extra = this._extra.value
      .split('\n')
      .map(s => s.trim())
      .filter(s => s.length > 0);
    const supplements = Array.from(new Set([...this._checked(), ...extra]));
    return { paper: this._paper, supplements };
  }

  private _paper = '';
  private _list: HTMLUListElement;
  private _extra: HTMLTextAreaElement;
}
