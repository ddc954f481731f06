/**
 * Maps the page to the kernel snapshot: which `.jf-app` element the user is
 * in, and which widget model id an app or fragment element shows. Model ids
 * are not in the DOM, so this asks, in order: the notebook's cell outputs
 * (an app cell displays its root Output), the ipywidgets manager's views, and
 * last the DOM order of the elements (see `byDomOrder`).
 */
import type { Cell, ICodeCellModel } from '@jupyterlab/cells';
import { NotebookPanel } from '@jupyterlab/notebook';
import { Widget } from '@lumino/widgets';
import { IAppInfo, IKernelStatus, IScopeInfo } from './tokens';

const WIDGET_VIEW_MIME = 'application/vnd.jupyter.widget-view+json';

/** The app elements under `root` that are not nested in another app. */
function topLevelApps(root: Element): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>('.jf-app')).filter(
    el => !el.parentElement?.closest('.jf-app')
  );
}

/** The app element around the focus, else the one in the active cell. */
export function currentAppElement(panel: NotebookPanel): HTMLElement | null {
  const focused = document.activeElement;
  if (focused && panel.node.contains(focused)) {
    const app = focused.closest<HTMLElement>('.jf-app');
    if (app) {
      return app;
    }
  }
  return panel.content.activeCell?.node.querySelector<HTMLElement>('.jf-app') ?? null;
}

function cellOf(panel: NotebookPanel, el: Element): Cell | null {
  return panel.content.widgets.find(cell => cell.node.contains(el)) ?? null;
}

/** Widget model ids a code cell displays as outputs, in output order. */
function outputModelIds(cell: Cell): string[] {
  if (cell.model.type !== 'code') {
    return [];
  }
  const outputs = (cell.model as ICodeCellModel).outputs;
  const ids: string[] = [];
  for (let i = 0; i < outputs.length; i++) {
    const view = outputs.get(i).data[WIDGET_VIEW_MIME] as { model_id?: unknown } | undefined;
    if (view && typeof view.model_id === 'string') {
      ids.push(view.model_id);
    }
  }
  return ids;
}

/**
 * The snapshot app an app element shows, or null when it cannot be told.
 *
 * When neither the cell outputs nor the widget views say which app it is,
 * the element's index among the notebook's app elements picks the app with
 * that index in the snapshot (apps are listed in creation order, which is the
 * page order for a notebook run top to bottom).
 */
export async function appFor(
  panel: NotebookPanel,
  appEl: HTMLElement,
  status: IKernelStatus
): Promise<IAppInfo | null> {
  const byModel = new Map(status.apps.map(app => [app.model_id, app]));
  const cell = cellOf(panel, appEl);
  if (cell) {
    const shown = outputModelIds(cell).filter(id => byModel.has(id));
    const inCell = topLevelApps(cell.node);
    const index = inCell.indexOf(appEl);
    if (shown.length === inCell.length && index >= 0) {
      return byModel.get(shown[index]) ?? null;
    }
  }
  const views = await viewElements(panel, status.apps.map(app => app.model_id));
  const viewed = views.get(appEl);
  if (viewed) {
    return byModel.get(viewed) ?? null;
  }
  return byDomOrder(topLevelApps(panel.content.node), appEl, status.apps);
}

/** The snapshot scope each `.jf-fragment` element inside an app shows. */
export async function fragmentScopes(
  panel: NotebookPanel,
  appEl: HTMLElement,
  app: IAppInfo
): Promise<Map<HTMLElement, IScopeInfo>> {
  const scopes = (app.scopes ?? []).filter(scope => scope.kind === 'fragment');
  const elements = Array.from(appEl.querySelectorAll<HTMLElement>('.jf-fragment')).filter(
    el => el.parentElement?.closest('.jf-app') === appEl
  );
  const result = new Map<HTMLElement, IScopeInfo>();
  const views = await viewElements(
    panel,
    scopes.map(scope => scope.model_id)
  );
  const byModel = new Map(scopes.map(scope => [scope.model_id, scope]));
  for (const el of elements) {
    const scope = byModel.get(views.get(el) ?? '') ?? byDomOrder(elements, el, scopes);
    if (scope) {
      result.set(el, scope);
    }
  }
  return result;
}

/** The item whose index matches the element's index, when the counts agree. */
function byDomOrder<T>(elements: HTMLElement[], el: HTMLElement, items: T[]): T | null {
  const index = elements.indexOf(el);
  return elements.length === items.length && index >= 0 ? items[index] : null;
}

/**
 * The elements of the views of the given widget models in this notebook.
 *
 * Reaches the ipywidgets manager through a widget renderer in the notebook's
 * outputs (`_manager`, a private field of @jupyter-widgets/jupyterlab-manager's
 * WidgetRenderer); returns an empty map when that is not as expected.
 */
async function viewElements(
  panel: NotebookPanel,
  modelIds: string[]
): Promise<Map<Element, string>> {
  const found = new Map<Element, string>();
  const manager = await widgetManager(panel);
  if (!manager || modelIds.length === 0) {
    return found;
  }
  await Promise.all(
    modelIds.map(async id => {
      try {
        const model = await manager.get_model(id);
        const views = Object.values(model?.views ?? {});
        for (const view of await Promise.all(views)) {
          if (view?.el && panel.node.contains(view.el)) {
            found.set(view.el, id);
          }
        }
      } catch {
        // A closed model or a manager of another shape: fall back to DOM order.
      }
    })
  );
  return found;
}

interface IWidgetManagerLike {
  get_model(id: string): Promise<{ views?: Record<string, Promise<{ el?: Element }>> }>;
}

async function widgetManager(panel: NotebookPanel): Promise<IWidgetManagerLike | null> {
  for (const cell of panel.content.widgets) {
    if (cell.model.type !== 'code' || !cell.node.querySelector('.jupyter-widgets')) {
      continue;
    }
    const renderer = findWidget(cell, w => (w as any).mimeType === WIDGET_VIEW_MIME);
    const promise = (renderer as any)?._manager?.promise;
    if (promise && typeof promise.then === 'function') {
      const manager = await promise;
      if (manager && typeof manager.get_model === 'function') {
        return manager as IWidgetManagerLike;
      }
    }
  }
  return null;
}

function findWidget(root: Widget, test: (w: Widget) => boolean): Widget | null {
  for (const child of root.children()) {
    if (test(child)) {
      return child;
    }
    const found = findWidget(child, test);
    if (found) {
      return found;
    }
  }
  return null;
}
