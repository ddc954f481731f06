/**
 * Gives every notebook panel a control channel to its kernel's
 * `jupyter_fragments.control` comm, for the other plugins to use.
 */
import { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { INotebookTracker, NotebookPanel } from '@jupyterlab/notebook';
import { ControlChannel } from './channel';
import { IFragmentsControl } from './tokens';

const plugin: JupyterFrontEndPlugin<IFragmentsControl> = {
  id: 'jupyter-fragments:control',
  description: 'The control comm of each notebook kernel that runs apps.',
  autoStart: true,
  // Optional, so that the extension stays inert where there are no notebooks (Voila).
  optional: [INotebookTracker],
  provides: IFragmentsControl,
  activate: (_app: JupyterFrontEnd, tracker: INotebookTracker | null): IFragmentsControl => {
    const channels = new WeakMap<NotebookPanel, ControlChannel>();
    const channelFor = (panel: NotebookPanel): ControlChannel => {
      let channel = channels.get(panel);
      if (!channel) {
        const created = new ControlChannel(
          panel.sessionContext,
          () => panel.content.node.querySelector('.jf-app') !== null
        );
        channels.set(panel, created);
        panel.disposed.connect(() => created.dispose());
        channel = created;
      }
      return channel;
    };
    tracker?.widgetAdded.connect((_, panel) => void channelFor(panel));
    tracker?.forEach(panel => void channelFor(panel));
    return { channelFor };
  }
};

export default plugin;
