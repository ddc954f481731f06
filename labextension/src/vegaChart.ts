/**
 * The Vega-Lite chart widget of `st.altair_chart` / `st.vega_lite_chart` with
 * `on_select`: draws the model's `spec` with vega-embed and reports the values of
 * the selection params named in `params` as the model's `selection`
 * (`{param: value}`, Streamlit's shapes: an interval's `{field: [min, max]}`, a
 * point selection's list of `{field: value}`, `{}` when cleared).
 *
 * A selection is sent when it settles: a drag sends once, after the pointer is
 * released, and a click once its point is resolved, so a brush costs one rerun.
 */
import { DOMWidgetModel, DOMWidgetView } from '@jupyter-widgets/base';
import embed, { Result, VisualizationSpec } from 'vega-embed';
import { WIDGET_MODULE, WIDGET_VERSION } from './widgetModule';

type Selection = Record<string, unknown>;

/** How long a selection may go on changing (a click's point, a key) before it is sent. */
const SETTLE_MS = 120;

export class VegaChartModel extends DOMWidgetModel {
  defaults(): any {
    return {
      ...super.defaults(),
      _model_name: 'VegaChartModel',
      _model_module: WIDGET_MODULE,
      _model_module_version: WIDGET_VERSION,
      _view_name: 'VegaChartView',
      _view_module: WIDGET_MODULE,
      _view_module_version: WIDGET_VERSION,
      spec: {},
      params: [],
      selection: {}
    };
  }
}

/** A selection signal's value as Streamlit returns it (and JSON only). */
export function selectionValue(value: unknown): unknown {
  if (value === null || value === undefined) {
    return {};
  }
  let shown: unknown = value;
  const point = (value as { vlPoint?: { or?: unknown } }).vlPoint;
  if (typeof value === 'object' && point && typeof point === 'object' && 'or' in point) {
    shown = point.or;
  }
  const plain: unknown = JSON.parse(JSON.stringify(shown) ?? '{}');
  return plain ?? {};
}

export class VegaChartView extends DOMWidgetView {
  private result: Result | null = null;
  private drawn = 0; // a newer draw supersedes one still embedding
  private pending = new Map<string, unknown>();
  private dragging = false;
  private timer: ReturnType<typeof setTimeout> | null = null;

  render(): void {
    this.el.classList.add('jf-vega-chart');
    this.listenTo(this.model, 'change:spec', () => void this.draw(true));
    this.listenTo(this.model, 'change:params', () => void this.draw(true));
    this.el.addEventListener('pointerdown', this.onPointerDown);
    window.addEventListener('pointerup', this.onPointerUp, true);
    window.addEventListener('pointercancel', this.onPointerUp, true);
    void this.draw(false);
  }

  remove(): any {
    window.removeEventListener('pointerup', this.onPointerUp, true);
    window.removeEventListener('pointercancel', this.onPointerUp, true);
    this.clearTimer();
    this.drawn += 1;
    this.result?.finalize();
    this.result = null;
    return super.remove();
  }

  private params(): string[] {
    return (this.model.get('params') as string[] | undefined) ?? [];
  }

  /** Embed the spec; on a new spec keep the brushes the user drew where they still apply. */
  private async draw(keep: boolean): Promise<void> {
    const generation = ++this.drawn;
    const previous = this.result;
    const params = this.params();
    const stores = new Set(params.map(name => `${name}_store`));
    // a brush is its store (what it selects) and its pixel extent (where it is drawn);
    // its other signals (pan and zoom gestures) do not survive a new view
    const extents = new Set(params.flatMap(name => [`${name}_x`, `${name}_y`]));
    const ofParam = (name?: string): boolean => name !== undefined && extents.has(name);
    let state: unknown = undefined;
    if (keep && previous) {
      try {
        state = previous.view.getState({
          signals: ofParam,
          data: (name?: string) => name !== undefined && stores.has(name),
          recurse: true
        });
      } catch {
        state = undefined;
      }
    }
    previous?.finalize();
    this.result = null;
    const target = document.createElement('div');
    this.el.replaceChildren(target);
    let result: Result;
    try {
      const spec = this.model.get('spec') as VisualizationSpec;
      result = await embed(target, spec, { actions: false, mode: 'vega-lite' });
    } catch (error) {
      if (generation === this.drawn) {
        const message = document.createElement('pre');
        message.textContent = `Vega-Lite could not draw this chart: ${String(error)}`;
        this.el.replaceChildren(message);
      }
      return;
    }
    if (generation !== this.drawn) {
      result.finalize();
      return;
    }
    this.result = result;
    if (state !== undefined) {
      try {
        result.view.setState(state);
      } catch {
        // the new spec has other data or params: its selections start empty
      }
    }
    for (const name of this.params()) {
      try {
        result.view.addSignalListener(name, (_signal: string, value: unknown) =>
          this.changed(name, value)
        );
      } catch {
        // a param the compiled chart does not expose as a signal cannot be reported
      }
    }
  }

  private changed(name: string, value: unknown): void {
    this.pending.set(name, value);
    if (!this.dragging) {
      this.schedule();
    }
  }

  private onPointerDown = (event: PointerEvent): void => {
    if (event.button === 0) {
      this.dragging = true;
      this.clearTimer();
    }
  };

  private onPointerUp = (): void => {
    if (!this.dragging) {
      return;
    }
    this.dragging = false;
    // vega handles this same pointerup: let its dataflow finish before reading
    const settled = this.result ? this.result.view.runAsync() : Promise.resolve();
    settled.then(
      () => this.schedule(),
      () => this.schedule()
    );
  };

  private schedule(): void {
    this.clearTimer();
    this.timer = setTimeout(() => this.flush(), SETTLE_MS);
  }

  private clearTimer(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
  }

  private flush(): void {
    this.timer = null;
    if (this.pending.size === 0 || this.dragging) {
      return;
    }
    const current = (this.model.get('selection') as Selection | undefined) ?? {};
    const next: Selection = { ...current };
    let changed = false;
    this.pending.forEach((value, name) => {
      next[name] = selectionValue(value);
      changed ||= JSON.stringify(next[name]) !== JSON.stringify(current[name]);
    });
    this.pending.clear();
    if (changed) {
      this.model.set('selection', next);
      this.touch();
    }
  }
}
