/**
 * A status bar item for the current notebook: "N apps · M timers", from the
 * control comm's snapshot; hidden while the kernel holds no app.
 */
import { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { INotebookTracker } from '@jupyterlab/notebook';
import { IStatusBar } from '@jupyterlab/statusbar';
import { Signal } from '@lumino/signaling';
import { Widget } from '@lumino/widgets';
import { IControlChannel, IFragmentsControl, IKernelStatus } from './tokens';

export const STATUS_ITEM_ID = 'jupyter-fragments:status';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function statusText(status: IKernelStatus): string {
  return `${plural(status.apps.length, 'app')} · ${plural(status.timers, 'timer')}`;
}

const plugin: JupyterFrontEndPlugin<void> = {
  id: 'jupyter-fragments:status',
  description: 'Shows how many apps and live timers the notebook kernel holds.',
  autoStart: true,
  requires: [INotebookTracker, IFragmentsControl],
  optional: [IStatusBar],
  activate: (
    _app: JupyterFrontEnd,
    tracker: INotebookTracker,
    control: IFragmentsControl,
    statusBar: IStatusBar | null
  ): void => {
    if (!statusBar) {
      return;
    }
    const item = new Widget();
    item.addClass('jf-StatusItem');
    item.addClass('jp-StatusBar-TextItem');
    item.node.title = 'jupyter-fragments apps and run_every timers in this kernel';
    const activeStateChanged = new Signal<Widget, void>(item);
    let channel: IControlChannel | null = null;

    const render = (): void => {
      const status = channel?.status ?? null;
      item.node.textContent = status ? statusText(status) : '';
      activeStateChanged.emit(undefined);
    };
    const follow = (): void => {
      channel?.statusChanged.disconnect(render);
      const panel = tracker.currentWidget;
      channel = panel ? control.channelFor(panel) : null;
      channel?.statusChanged.connect(render);
      render();
    };
    tracker.currentChanged.connect(follow);
    follow();

    statusBar.registerStatusItem(STATUS_ITEM_ID, {
      item,
      align: 'left',
      rank: 4,
      isActive: () => (channel?.status?.apps.length ?? 0) > 0,
      activeStateChanged
    });
  }
};

export default plugin;
