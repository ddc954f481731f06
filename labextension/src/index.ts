/**
 * The jupyter-fragments JupyterLab extension: its plugins, one per file.
 * Stale indication and label visibility are plain CSS (style/base.css) on the
 * classes the kernel sets.
 */
import { JupyterFrontEndPlugin } from '@jupyterlab/application';
import commandsPlugin from './commandsPlugin';
import controlPlugin from './controlPlugin';
import outlinePlugin from './outlinePlugin';
import statusPlugin from './statusPlugin';
import widgetsPlugin from './widgetsPlugin';

export * from './tokens';

const plugins: JupyterFrontEndPlugin<any>[] = [
  controlPlugin,
  commandsPlugin,
  outlinePlugin,
  statusPlugin,
  widgetsPlugin
];

export default plugins;
