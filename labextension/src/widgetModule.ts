/**
 * The name and version under which the extension's ipywidgets models are
 * registered. The kernel's widgets (`_widgets/vega.py`) ask for the module
 * `jupyter-fragments` at `^1.0.0`: this is the version of that protocol (the
 * traits and their meaning), not of the package, so a package release does not
 * break saved notebooks.
 */
export const WIDGET_MODULE = 'jupyter-fragments';
export const WIDGET_VERSION = '1.0.0';
