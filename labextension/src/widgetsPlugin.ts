/**
 * Registers the extension's ipywidgets models (the Vega-Lite chart that reports
 * its selections) with the widget manager of JupyterLab, Notebook 7 and Voila.
 * The chart's code (vega-embed, bundled: no CDN) loads on first use only.
 */
import { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { IJupyterWidgetRegistry } from '@jupyter-widgets/base';
import { WIDGET_MODULE, WIDGET_VERSION } from './widgetModule';

const plugin: JupyterFrontEndPlugin<void> = {
  id: 'jupyter-fragments:widgets',
  description: 'The ipywidgets models of jupyter-fragments (charts with selections).',
  autoStart: true,
  // Optional: without the ipywidgets manager there is nothing to register with.
  optional: [IJupyterWidgetRegistry],
  activate: (_app: JupyterFrontEnd, registry: IJupyterWidgetRegistry | null): void => {
    registry?.registerWidget({
      name: WIDGET_MODULE,
      version: WIDGET_VERSION,
      exports: async () => {
        const { VegaChartModel, VegaChartView } = await import('./vegaChart');
        return { VegaChartModel, VegaChartView };
      }
    });
  }
};

export default plugin;
