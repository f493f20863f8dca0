/**
 * Left-sidebar panel: the saved reviews in the file browser's current folder,
 * with progress (decided / total) and open-gap counts.  Clicking one opens its
 * review notebook (creating it when only the saved review exists).
 * Every text from the server goes in with textContent, never innerHTML.
 */
import { PathExt } from '@jupyterlab/coreutils';
import { FileBrowser } from '@jupyterlab/filebrowser';
import { Message } from '@lumino/messaging';
import { Widget } from '@lumino/widgets';

import { reviewIcon } from './icon';
import { localPath } from './paths';
import { IReviewSummary, listReviews } from './request';

const POLL_MS = 10000;

export interface IReviewsPanelOptions {
  browser: FileBrowser | null;
  /** Open (creating if needed) the notebook of one review. */
  open: (review: IReviewSummary) => Promise<void>;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

export class ReviewsPanel extends Widget {
  constructor(private readonly options: IReviewsPanelOptions) {
    super();
    this.id = 'jupyter-review-sidebar';
    this.addClass('jr-sidebar');
    this.title.icon = reviewIcon;
    this.title.caption = 'Paper reviews in this folder';

    const header = el('div', 'jr-sidebar-header');
    const heading = el('div', 'jr-sidebar-heading', 'Reviews');
    const refresh = el('button', 'jr-sidebar-refresh jp-Button jp-mod-minimal', '↻');
    refresh.title = 'Refresh';
    refresh.addEventListener('click', () => void this.refresh());
    header.append(heading, refresh);
    this._folder = el('div', 'jr-sidebar-folder');
    this._status = el('div', 'jr-sidebar-status');
    this._list = el('ul', 'jr-sidebar-list');
    this.node.append(header, this._folder, this._status, this._list);

    const browser = options.browser;
    if (browser) {
      browser.model.pathChanged.connect(() => void this.refresh(), this);
      browser.model.refreshed.connect(() => {
        if (this.isVisible) {
          void this.refresh();
        }
      }, this);
    }
  }

  /** The folder shown: the default file browser's current folder. */
  get folder(): string {
    return localPath(this.options.browser?.model.path ?? '');
  }

  async refresh(): Promise<void> {
    const folder = this.folder;
    const ticket = ++this._ticket;
    this._folder.textContent = folder === '' ? '/' : '/' + folder;
    try {
      const reply = await listReviews(folder);
      if (ticket !== this._ticket) {
        return;
      }
      this._render(reply.reviews);
      this._status.textContent = '';
    } catch (error) {
      if (ticket !== this._ticket) {
        return;
      }
      this._list.replaceChildren();
      this._status.textContent = `Could not list reviews: ${(error as Error).message}`;
    }
  }

  private _render(reviews: IReviewSummary[]): void {
    this._list.replaceChildren();
    if (reviews.length === 0) {
      this._list.appendChild(
        el(
          'li',
          'jr-sidebar-empty',
          'No reviews in this folder yet. Right-click a PDF and choose "Review paper…".'
        )
      );
      return;
    }
    for (const review of reviews) {
      this._list.appendChild(this._item(review));
    }
  }

  private _item(review: IReviewSummary): HTMLLIElement {
    const li = el('li', 'jr-sidebar-item');
    li.tabIndex = 0;
    li.setAttribute('role', 'button');
    const paperName = review.paper ? PathExt.basename(review.paper) : '';
    li.dataset.paper = review.paper ?? '';
    li.dataset.notebook = review.notebook ?? '';
    const title = (review.title || '').trim() || paperName || review.sidecar;
    li.appendChild(el('div', 'jr-sidebar-title', title));
    if (paperName && paperName !== title) {
      li.appendChild(el('div', 'jr-sidebar-paper', paperName));
    }
    const decided = review.decided ?? 0;
    const total = review.total ?? 0;
    const bar = el('div', 'jr-sidebar-bar');
    const fill = el('div', 'jr-sidebar-bar-fill');
    fill.style.width = total > 0 ? `${Math.round((100 * decided) / total)}%` : '0%';
    bar.appendChild(fill);
    li.appendChild(bar);
    const stats = el('div', 'jr-sidebar-stats');
    stats.appendChild(el('span', 'jr-sidebar-progress', `${decided} / ${total} decided`));
    const gaps = review.open_gaps ?? 0;
    stats.appendChild(
      el(
        'span',
        'jr-sidebar-gaps' + (gaps > 0 ? ' jr-mod-open' : ''),
        `${gaps} open gap${gaps === 1 ? '' : 's'}`
      )
    );
    li.appendChild(stats);
    li.title = review.notebook
      ? `Open ${review.notebook}`
      : 'Create and open the review notebook';
    const open = () => void this.options.open(review);
    li.addEventListener('click', open);
    li.addEventListener('keydown', event => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        open();
      }
    });
    return li;
  }

  protected onAfterShow(msg: Message): void {
    super.onAfterShow(msg);
    void this.refresh();
    this._startPolling();
  }

  protected onAfterHide(msg: Message): void {
    super.onAfterHide(msg);
    this._stopPolling();
  }

  dispose(): void {
    this._stopPolling();
    super.dispose();
  }

  private _startPolling(): void {
    this._stopPolling();
    this._timer = window.setInterval(() => {
      if (this.isVisible) {
        void this.refresh();
      }
    }, POLL_MS);
  }

  private _stopPolling(): void {
    if (this._timer !== null) {
      window.clearInterval(this._timer);
      this._timer = null;
    }
  }

  private _folder: HTMLDivElement;
  private _status: HTMLDivElement;
  private _list: HTMLUListElement;
  private _ticket = 0;
  private _timer: number | null = null;
}
