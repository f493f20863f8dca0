/**
 * Typed wrappers of the jupyter-review REST API (server side: jupyter_review/server/handlers.py).
 * All paths are relative to the Jupyter server root and use "/" separators.
 */
import { URLExt } from '@jupyterlab/coreutils';
import { ServerConnection } from '@jupyterlab/services';

export const NAMESPACE = 'jupyter-review';

/** One saved review, as listed by GET reviews?dir= */
export interface IReviewSummary {
  sidecar: string;
  paper: string | null;
  notebook: string | null;
  title?: string;
  decided?: number;
  total?: number;
  open_gaps?: number;
  counts?: Record<string, number>;
  updated?: string;
}

export interface IReviewList {
  dir: string;
  reviews: IReviewSummary[];
}

export interface INotebookCreated {
  path: string;
  created: boolean;
}

/** An error reply from the server, with the server's own message. */
export class ReviewRequestError extends Error {
  constructor(
    message: string,
    readonly status: number
  ) {
    super(message);
  }
}

/** Call the server extension; resolves to the parsed JSON reply. */
export async function requestAPI<T>(
  endpoint: string,
  init: RequestInit = {}
): Promise<T> {
  const settings = ServerConnection.makeSettings();
  const url = URLExt.join(settings.baseUrl, NAMESPACE, endpoint);
  let response: Response;
  try {
    response = await ServerConnection.makeRequest(url, init, settings);
  } catch (error) {
    throw new ServerConnection.NetworkError(error as TypeError);
  }
  const text = await response.text();
  let data: any = null;
  if (text.length > 0) {
    try {
      data = JSON.parse(text);
    } catch {
      data = text;
    }
  }
  if (!response.ok) {
    const message =
      (data && typeof data === 'object' && data.message) ||
      response.statusText ||
      `HTTP ${response.status}`;
    throw new ReviewRequestError(String(message), response.status);
  }
  return data as T;
}

/** Ask the server to write "<stem>.review.ipynb" beside the paper. */
export function createReviewNotebook(
  paper: string,
  supplements: string[],
  overwrite = false
): Promise<INotebookCreated> {
  return requestAPI<INotebookCreated>('notebooks', {
    method: 'POST',
    body: JSON.stringify({ paper, supplements, overwrite })
  });
}

/** The saved reviews in one folder (non-recursive). */
export function listReviews(dir: string): Promise<IReviewList> {
  return requestAPI<IReviewList>(
    'reviews?dir=' + encodeURIComponent(dir)
  );
}
