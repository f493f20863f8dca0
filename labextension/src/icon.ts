import { LabIcon } from '@jupyterlab/ui-components';

/** A page with a check mark: the jupyter-review icon. */
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 24 24">
  <g class="jp-icon3" fill="#616161">
    <path d="M6 2h9l5 5v13a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2zm8 1.5V8h4.5L14 3.5z"/>
  </g>
  <g class="jp-icon-contrast0" fill="#ffffff">
    <path d="M8.3 14.2l1.4-1.4 2 2 4.6-4.6 1.4 1.4-6 6z"/>
  </g>
</svg>`;

export const reviewIcon = new LabIcon({
  name: 'jupyter-review:review',
  svgstr: SVG
});
