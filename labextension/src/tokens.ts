/**
 * The shared vocabulary of the extension's plugins: the kernel snapshot as the
 * control comm reports it, and the token through which plugins reach the
 * control channel of a notebook's kernel.
 */
import { NotebookPanel } from '@jupyterlab/notebook';
import { Token } from '@lumino/coreutils';
import { ISignal } from '@lumino/signaling';

/** The comm target the kernel extension registers. */
export const CONTROL_TARGET = 'jupyter_fragments.control';

/** Actions the kernel accepts on the control comm (docs/architecture.md). */
export type ControlAction = 'status' | 'rerun' | 'stop_timers' | 'clear_cache';

/** One rerun scope of an app: the app itself or one call site of a fragment. */
export interface IScopeInfo {
  id: string;
  kind: 'app' | 'fragment';
  name: string;
  model_id: string;
  body_model_id?: string;
  parent: string | null;
  runs: number;
  run_every: number | null;
  error: string | null;
}

/** One live app in the kernel. */
export interface IAppInfo {
  id: string;
  name: string;
  model_id: string;
  timers: number;
  strict?: boolean;
  scopes?: IScopeInfo[];
}

/** The kernel's snapshot, as sent in every `status` reply. */
export interface IKernelStatus {
  apps: IAppInfo[];
  timers: number;
  /** Seconds a rerun lasts before the kernel marks its scope stale (a kernel setting). */
  stale_delay?: number;
}

/** The control comm of one notebook's kernel. */
export interface IControlChannel {
  /** The last snapshot received, or null while no comm is open. */
  readonly status: IKernelStatus | null;
  /** Emitted with each snapshot, and with null when the comm goes away. */
  readonly statusChanged: ISignal<IControlChannel, IKernelStatus | null>;
  /**
   * Send an action, opening the comm first if needed.
   * Resolves false when the kernel has no control target (package not loaded).
   */
  send(action: ControlAction, modelId?: string | null): Promise<boolean>;
  /**
   * Ask for a fresh snapshot after every kernel round trip (and every second
   * while timers run), for views that show per-scope details.
   */
  setDetailed(owner: unknown, detailed: boolean): void;
}

/** Gives each notebook panel its control channel. */
export interface IFragmentsControl {
  channelFor(panel: NotebookPanel): IControlChannel;
}

export const IFragmentsControl = new Token<IFragmentsControl>(
  'jupyter-fragments:IFragmentsControl',
  'The control comm of each notebook kernel that runs jupyter-fragments apps.'
);
