/**
 * Commands that drive the app around the focus (or in the active cell):
 * rerun it, stop its timers, clear cached data. `R` reruns, as in Streamlit,
 * when focus is inside an app's output and not in a text field.
 */
import { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { ICommandPalette } from '@jupyterlab/apputils';
import { INotebookTracker } from '@jupyterlab/notebook';
import { appFor, currentAppElement } from './locate';
import { ControlAction, IControlChannel, IFragmentsControl } from './tokens';

export const CATEGORY = 'Fragments';

/** Focus inside an app of a notebook in command mode, outside any text field. */
const IN_APP = '.jp-Notebook.jp-mod-commandMode:not(.jp-mod-readWrite) .jf-app';

const COMMANDS: { id: string; label: string; action: ControlAction; keys?: string[] }[] = [
  { id: 'jupyter-fragments:rerun-app', label: 'Rerun App', action: 'rerun', keys: ['R'] },
  { id: 'jupyter-fragments:stop-timers', label: 'Stop App Timers', action: 'stop_timers' },
  { id: 'jupyter-fragments:clear-cache', label: 'Clear App Cached Data', action: 'clear_cache' }
];

/** Resolves on the channel's next snapshot, or after `ms`. */
function nextStatus(channel: IControlChannel, ms: number): Promise<void> {
  return new Promise(resolve => {
    const done = (): void => {
      window.clearTimeout(timer);
      channel.statusChanged.disconnect(done);
      resolve();
    };
    const timer = window.setTimeout(done, ms);
    channel.statusChanged.connect(done);
  });
}

const plugin: JupyterFrontEndPlugin<void> = {
  id: 'jupyter-fragments:commands',
  description: 'Rerun apps, stop their timers and clear their caches.',
  autoStart: true,
  requires: [IFragmentsControl],
  optional: [INotebookTracker, ICommandPalette],
  activate: (
    app: JupyterFrontEnd,
    control: IFragmentsControl,
    tracker: INotebookTracker | null,
    palette: ICommandPalette | null
  ): void => {
    if (!tracker) {
      return; // no notebooks here (Voila)
    }
    /** Send to the app around the focus, else to every app of the kernel. */
    const sendToCurrentApp = async (action: ControlAction): Promise<boolean> => {
      const panel = tracker.currentWidget;
      if (!panel) {
        return false;
      }
      const channel = control.channelFor(panel);
      const appEl = currentAppElement(panel);
      if (!appEl) {
        return channel.send(action);
      }
      if (!channel.status) {
        // Opens the comm; its first snapshot tells which app this is.
        const arrived = nextStatus(channel, 2000);
        if (await channel.send('status')) {
          await arrived;
        }
      }
      const status = channel.status;
      const target = status ? await appFor(panel, appEl, status) : null;
      if (!target && (status?.apps.length ?? 0) > 1) {
        console.warn('jupyter-fragments: cannot tell which app has the focus');
        return false;
      }
      return channel.send(action, target?.model_id);
    };

    for (const { id, label, action, keys } of COMMANDS) {
      app.commands.addCommand(id, {
        label,
        caption: `${label} (the app around the focus, else every app)`,
        isEnabled: () => tracker.currentWidget !== null,
        execute: () => sendToCurrentApp(action)
      });
      palette?.addItem({ command: id, category: CATEGORY });
      if (keys) {
        // Two selectors: focus on an element inside the app, or on the app itself.
        // Both outrank the notebook's own command-mode `R` (change cell to raw).
        for (const selector of [`${IN_APP} :focus`, `${IN_APP}:focus`]) {
          app.commands.addKeyBinding({ command: id, keys, selector });
        }
      }
    }
  }
};

export default plugin;
