/**
 * "Outline fragments": a developer toggle that draws each fragment's
 * boundary and labels it with its function name and rerun count, from the
 * kernel snapshot, refreshed after every kernel round trip while it is on.
 */
import { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { ICommandPalette } from '@jupyterlab/apputils';
import { INotebookTracker, NotebookPanel } from '@jupyterlab/notebook';
import { CATEGORY } from './commandsPlugin';
import { appFor, fragmentScopes } from './locate';
import { IFragmentsControl, IKernelStatus } from './tokens';

export const OUTLINE_COMMAND = 'jupyter-fragments:toggle-outline';
const OUTLINE_CLASS = 'jf-mod-outline';
const LABEL_ATTRIBUTE = 'data-jf-label';

function runsLabel(runs: number): string {
  return runs === 1 ? '1 run' : `${runs} runs`;
}

/** Put the name and run count of each fragment on its element. */
async function paint(panel: NotebookPanel, status: IKernelStatus | null): Promise<void> {
  const labelled = new Set<Element>();
  if (status) {
    for (const appEl of Array.from(panel.content.node.querySelectorAll<HTMLElement>('.jf-app'))) {
      const app = await appFor(panel, appEl, status);
      if (!app) {
        continue;
      }
      for (const [el, scope] of await fragmentScopes(panel, appEl, app)) {
        el.setAttribute(LABEL_ATTRIBUTE, `${scope.name} · ${runsLabel(scope.runs)}`);
        labelled.add(el);
      }
    }
  }
  for (const el of Array.from(panel.content.node.querySelectorAll(`[${LABEL_ATTRIBUTE}]`))) {
    if (!labelled.has(el)) {
      el.removeAttribute(LABEL_ATTRIBUTE);
    }
  }
}

const plugin: JupyterFrontEndPlugin<void> = {
  id: 'jupyter-fragments:outline',
  description: 'Outline fragments with their names and rerun counts.',
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
    let enabled = false;
    const onStatus = new Map<NotebookPanel, (_: unknown, s: IKernelStatus | null) => void>();

    const attach = (panel: NotebookPanel): void => {
      if (onStatus.has(panel)) {
        return;
      }
      const channel = control.channelFor(panel);
      const slot = (_: unknown, status: IKernelStatus | null): void => {
        void paint(panel, status);
      };
      onStatus.set(panel, slot);
      panel.addClass(OUTLINE_CLASS);
      channel.statusChanged.connect(slot);
      channel.setDetailed(plugin, true);
      void paint(panel, channel.status);
      panel.disposed.connect(() => onStatus.delete(panel));
    };

    const detach = (panel: NotebookPanel): void => {
      const slot = onStatus.get(panel);
      if (!slot) {
        return;
      }
      const channel = control.channelFor(panel);
      onStatus.delete(panel);
      panel.removeClass(OUTLINE_CLASS);
      channel.statusChanged.disconnect(slot);
      channel.setDetailed(plugin, false);
      void paint(panel, null);
    };

    tracker.widgetAdded.connect((_, panel) => {
      if (enabled) {
        attach(panel);
      }
    });

    app.commands.addCommand(OUTLINE_COMMAND, {
      label: 'Outline Fragments',
      caption: 'Outline fragments with their function names and rerun counts',
      isToggled: () => enabled,
      execute: () => {
        enabled = !enabled;
        tracker.forEach(panel => (enabled ? attach(panel) : detach(panel)));
        app.commands.notifyCommandChanged(OUTLINE_COMMAND);
      }
    });
    palette?.addItem({ command: OUTLINE_COMMAND, category: CATEGORY });
  }
};

export default plugin;
