/**
 * jupyter-review lab extension:
 *  - "Review paper…" on .pdf files in the file browser's context menu and in the
 *    command palette: a dialog to pick supplements, then the server writes
 *    "<stem>.review.ipynb" beside the PDF; it is opened and run.
 *  - a launcher card "Review a paper";
 *  - a left-sidebar panel listing the reviews in the current folder.
 */
import {
  ILabShell,
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import {
  Dialog,
  ICommandPalette,
  showDialog,
  showErrorMessage
} from '@jupyterlab/apputils';
import { IDocumentManager } from '@jupyterlab/docmanager';
import { IDefaultFileBrowser } from '@jupyterlab/filebrowser';
import { ILauncher } from '@jupyterlab/launcher';
import { NotebookActions, NotebookPanel } from '@jupyterlab/notebook';
import { Contents } from '@jupyterlab/services';

import { IReviewChoice, ReviewDialogBody } from './dialog';
import { reviewIcon } from './icon';
import { dirname, isPdf, localPath } from './paths';
import { createReviewNotebook, IReviewSummary } from './request';
import { ReviewsPanel } from './sidebar';

export namespace CommandIDs {
  export const reviewPaper = 'jupyter-review:review-paper';
  export const reviewSelected = 'jupyter-review:review-selected-paper';
  export const openPanel = 'jupyter-review:open-panel';
}

const CATEGORY = 'Paper review';

const plugin: JupyterFrontEndPlugin<void> = {
  id: 'jupyter-review:plugin',
  description:
    'Review a paper PDF from the file browser; list saved reviews in a sidebar.',
  autoStart: true,
  requires: [IDocumentManager],
  optional: [IDefaultFileBrowser, ICommandPalette, ILauncher, ILabShell],
  activate: (
    app: JupyterFrontEnd,
    docManager: IDocumentManager,
    browser: IDefaultFileBrowser | null,
    palette: ICommandPalette | null,
    launcher: ILauncher | null,
    labShell: ILabShell | null
  ) => {
    const { commands, serviceManager } = app;

    /** The single PDF selected in the file browser, if any. */
    const selectedPdf = (): string | null => {
      if (!browser) {
        return null;
      }
      const items = Array.from(browser.selectedItems());
      if (items.length !== 1 || items[0].type === 'directory') {
        return null;
      }
      return isPdf(items[0].path) ? localPath(items[0].path) : null;
    };

    /** The PDFs in a folder (server-root relative paths), sorted by name. */
    const pdfsIn = async (folder: string): Promise<string[]> => {
      const model = await serviceManager.contents.get(folder, {
        content: true
      });
      const entries = (model.content ?? []) as Contents.IModel[];
      return entries
        .filter(e => e.type !== 'directory' && isPdf(e.name))
        .map(e => e.path)
        .sort((a, b) => a.localeCompare(b));
    };

    /** Open a review notebook and run its cells once the kernel is ready. */
    const openAndRun = async (path: string, run: boolean): Promise<void> => {
      const widget = docManager.openOrReveal(path);
      if (!widget) {
        throw new Error(`could not open ${path}`);
      }
      if (!run || !(widget instanceof NotebookPanel)) {
        return;
      }
      await widget.context.ready;
      await widget.sessionContext.ready;
      await NotebookActions.runAll(widget.content, widget.sessionContext);
    };

    const chooseAndCreate = async (
      paper: string | null,
      folder: string
    ): Promise<void> => {
      const pdfs = await pdfsIn(folder);
      if (paper === null && pdfs.length === 0) {
        await showErrorMessage(
          'Review paper',
          'There is no PDF in this folder. Open the folder that holds the paper first.'
        );
        return;
      }
      const body = new ReviewDialogBody(pdfs, paper);
      const result = await showDialog<IReviewChoice>({
        title: 'Review paper',
        body,
        buttons: [
          Dialog.cancelButton(),
          Dialog.okButton({ label: 'Create review' })
        ],
        focusNodeSelector: 'select, input'
      });
      if (!result.button.accept || !result.value || !result.value.paper) {
        return;
      }
      const reply = await createReviewNotebook(
        result.value.paper,
        result.value.supplements
      );
      await openAndRun(reply.path, true);
      void panel.refresh();
    };

    const run = async (paper: string | null, folder: string) => {
      try {
        await chooseAndCreate(paper, folder);
      } catch (error) {
        await showErrorMessage('Review paper', (error as Error).message);
      }
    };

    commands.addCommand(CommandIDs.reviewPaper, {
      label: args => (args.isLauncher ? 'Review a paper' : 'Review paper…'),
      caption:
        'Check a paper PDF (and its supplements) for disclosure gaps in a review notebook',
      icon: args => (args.isPalette ? undefined : reviewIcon),
      execute: async args => {
        const given = typeof args.path === 'string' ? args.path : null;
        const paper = given ?? selectedPdf();
        const folder =
          paper !== null
            ? dirname(paper)
            : typeof args.cwd === 'string'
              ? args.cwd
              : localPath(browser?.model.path ?? '');
        await run(paper, folder);
      }
    });

    commands.addCommand(CommandIDs.reviewSelected, {
      label: 'Review paper…',
      caption: 'Review this PDF for disclosure gaps',
      icon: reviewIcon,
      isVisible: () => selectedPdf() !== null,
      execute: async () => {
        const paper = selectedPdf();
        if (paper !== null) {
          await run(paper, dirname(paper));
        }
      }
    });

    app.contextMenu.addItem({
      command: CommandIDs.reviewSelected,
      selector: '.jp-DirListing-item[data-file-type="PDF"]',
      rank: 3
    });

    palette?.addItem({ command: CommandIDs.reviewPaper, category: CATEGORY });

    launcher?.add({
      command: CommandIDs.reviewPaper,
      category: 'Other',
      rank: 1,
      args: { isLauncher: true }
    });

    const panel = new ReviewsPanel({
      browser,
      open: async (review: IReviewSummary) => {
        try {
          if (review.notebook) {
            await openAndRun(review.notebook, false);
          } else if (review.paper) {
            const reply = await createReviewNotebook(review.paper, []);
            await openAndRun(reply.path, true);
          }
        } catch (error) {
          await showErrorMessage('Open review', (error as Error).message);
        }
      }
    });
    app.shell.add(panel, 'left', { rank: 600 });

    commands.addCommand(CommandIDs.openPanel, {
      label: 'Show paper reviews',
      execute: () => {
        if (labShell) {
          labShell.activateById(panel.id);
        } else {
          app.shell.activateById(panel.id);
        }
      }
    });
    palette?.addItem({ command: CommandIDs.openPanel, category: CATEGORY });
  }
};

export default plugin;
