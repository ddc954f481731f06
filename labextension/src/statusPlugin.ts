/**
 * A notebook toolbar item: "N apps · M timers" for the notebook's kernel, from
 * the control comm's snapshot; hidden while the kernel holds no app. A toolbar
 * item (not a status bar one) shows in JupyterLab and in Notebook 7 alike.
 */
import { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { INotebookTracker, NotebookPanel } from '@jupyterlab/notebook';
import { Widget } from '@lumino/widgets';
import { IFragmentsControl, IKernelStatus } from './tokens';

export const STATUS_ITEM_NAME = 'jupyter-fragments-status';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function statusText(status: IKernelStatus): string {
  return `${plural(status.apps.length, 'app')} · ${plural(status.timers, 'timer')}`;
}

function addStatusItem(panel: NotebookPanel, control: IFragmentsControl): void {
  const item = new Widget();
  item.addClass('jf-StatusItem');
  item.node.title = 'jupyter-fragments apps and run_every timers in this kernel';
  item.hide();
  const channel = control.channelFor(panel);
  const render = (_: unknown, status: IKernelStatus | null): void => {
    const show = status !== null && status.apps.length > 0;
    item.node.textContent = show ? statusText(status) : '';
    item.setHidden(!show);
  };
  channel.statusChanged.connect(render);
  item.disposed.connect(() => channel.statusChanged.disconnect(render));
  render(null, channel.status);
  panel.toolbar.insertItem(10, STATUS_ITEM_NAME, item);
}

const plugin: JupyterFrontEndPlugin<void> = {
  id: 'jupyter-fragments:status',
  description: 'Shows how many apps and live timers the notebook kernel holds.',
  autoStart: true,
  requires: [IFragmentsControl],
  optional: [INotebookTracker],
  activate: (
    _app: JupyterFrontEnd,
    control: IFragmentsControl,
    tracker: INotebookTracker | null
  ): void => {
    tracker?.widgetAdded.connect((_, panel) => addStatusItem(panel, control));
    tracker?.forEach(panel => addStatusItem(panel, control));
  }
};

export default plugin;
