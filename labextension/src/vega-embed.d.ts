/**
 * The part of vega-embed's API the chart widget uses. vega-embed 7 publishes its
 * types through `exports` only, which this project's `moduleResolution: "node"`
 * does not read; rspack bundles the real module.
 */
declare module 'vega-embed' {
  export type VisualizationSpec = Record<string, unknown>;

  export interface IStateOptions {
    signals?: (name?: string) => boolean;
    data?: (name?: string) => boolean;
    recurse?: boolean;
  }

  export interface View {
    addSignalListener(name: string, handler: (name: string, value: unknown) => void): View;
    getState(options?: IStateOptions): unknown;
    setState(state: unknown): View;
    runAsync(): Promise<View>;
    finalize(): View;
  }

  export interface Result {
    view: View;
    finalize(): void;
  }

  export default function embed(
    el: HTMLElement | string,
    spec: VisualizationSpec | string,
    options?: Record<string, unknown>
  ): Promise<Result>;
}
