/**
 * The control comm client for one notebook's kernel: opens the comm when the
 * kernel has the target, keeps the last snapshot, and never fails loudly when
 * the package is not loaded. It knows nothing of the DOM.
 */
import { ISessionContext } from '@jupyterlab/apputils';
import { Kernel, KernelMessage } from '@jupyterlab/services';
import { JSONObject } from '@lumino/coreutils';
import { IDisposable } from '@lumino/disposable';
import { ISignal, Signal } from '@lumino/signaling';
import {
  CONTROL_TARGET,
  ControlAction,
  IControlChannel,
  IKernelStatus
} from './tokens';

/** Where a notebook hints that the kernel may now have the control target. */
const PACKAGE_HINT = /jupyter_fragments|%%app/;

/** How long to gather kernel round trips before one detailed refresh (ms). */
const REFRESH_DELAY = 100;

/** How often a detailed view polls while timers run (ms). */
const TIMER_POLL = 1000;

/**
 * A comm whose messages go to the kernel's main shell, not to a subshell.
 *
 * JupyterLab 4.6 puts each comm target on a kernel subshell by default; the
 * control comm's first open fails whenever the package is not loaded yet, and
 * after such a close the kernel answered later messages of the target with
 * "Unknown subshell_id". Control actions are rare and may wait for a running
 * cell, so this comm skips subshells (through a private field of
 * KernelConnection; where that is absent, the default applies).
 */
function createMainShellComm(kernel: Kernel.IKernelConnection): Kernel.IComm {
  const connection = kernel as unknown as { _commsOverSubshells?: unknown };
  const previous = connection._commsOverSubshells;
  if (previous === undefined) {
    return kernel.createComm(CONTROL_TARGET);
  }
  connection._commsOverSubshells = 'disabled';
  try {
    return kernel.createComm(CONTROL_TARGET);
  } finally {
    connection._commsOverSubshells = previous;
  }
}

export class ControlChannel implements IControlChannel, IDisposable {
  constructor(
    session: ISessionContext,
    private readonly _pageHasApps: () => boolean
  ) {
    session.kernelChanged.connect(this._onKernelChanged, this);
    this._attach(session.session?.kernel ?? null);
  }

  get status(): IKernelStatus | null {
    return this._status;
  }

  get statusChanged(): ISignal<IControlChannel, IKernelStatus | null> {
    return this._statusChanged;
  }

  get isDisposed(): boolean {
    return this._disposed;
  }

  async send(action: ControlAction, modelId?: string | null): Promise<boolean> {
    if (!this._comm) {
      await this._open();
    }
    const comm = this._comm;
    if (!comm || comm.isDisposed) {
      return false;
    }
    const data: JSONObject = { action };
    if (modelId) {
      data.model_id = modelId;
    }
    try {
      const future = comm.send(data);
      this._own(future.msg.header.msg_id);
      return true;
    } catch {
      return false;
    }
  }

  setDetailed(owner: unknown, detailed: boolean): void {
    if (detailed) {
      this._detailedOwners.add(owner);
      this._scheduleRefresh();
    } else {
      this._detailedOwners.delete(owner);
    }
    this._updatePoll();
  }

  dispose(): void {
    if (this._disposed) {
      return;
    }
    this._disposed = true;
    this._detach();
    Signal.clearData(this);
  }

  private _onKernelChanged(
    _: ISessionContext,
    change: { newValue: Kernel.IKernelConnection | null }
  ): void {
    this._attach(change.newValue);
  }

  private _attach(kernel: Kernel.IKernelConnection | null): void {
    this._detach();
    this._kernel = kernel;
    if (!kernel) {
      return;
    }
    // A kernel that already runs apps (page reload) or loads the package from
    // its profile has the target from the start: try once when it is ready.
    this._hinted = true;
    kernel.iopubMessage.connect(this._onIOPub, this);
    kernel.anyMessage.connect(this._onAnyMessage, this);
    kernel.statusChanged.connect(this._onKernelStatus, this);
    kernel.connectionStatusChanged.connect(this._onConnectionStatus, this);
    if (kernel.connectionStatus === 'connected' && kernel.status === 'idle') {
      void this._open();
    }
  }

  private _detach(): void {
    const kernel = this._kernel;
    if (kernel) {
      kernel.iopubMessage.disconnect(this._onIOPub, this);
      kernel.anyMessage.disconnect(this._onAnyMessage, this);
      kernel.statusChanged.disconnect(this._onKernelStatus, this);
      kernel.connectionStatusChanged.disconnect(this._onConnectionStatus, this);
    }
    this._kernel = null;
    this._dropComm();
  }

  private _dropComm(): void {
    const comm = this._comm;
    this._comm = null;
    this._ownMessages.clear();
    if (comm && !comm.isDisposed) {
      comm.dispose();
    }
    this._setStatus(null);
  }

  private _onKernelStatus(
    _: Kernel.IKernelConnection,
    status: KernelMessage.Status
  ): void {
    if (status === 'restarting' || status === 'autorestarting' || status === 'dead') {
      this._dropComm();
      this._hinted = true;
    } else if (status === 'idle' && this._hinted && !this._comm) {
      void this._open();
    }
  }

  private _onConnectionStatus(
    kernel: Kernel.IKernelConnection,
    status: Kernel.ConnectionStatus
  ): void {
    if (status === 'connected' && kernel.status === 'idle' && !this._comm) {
      void this._open();
    }
  }

  private _onAnyMessage(_: Kernel.IKernelConnection, args: Kernel.IAnyMessageArgs): void {
    const msg = args.msg;
    if (args.direction !== 'send' || msg.header.msg_type !== 'execute_request') {
      return;
    }
    const code = (msg.content as { code?: unknown }).code;
    if (typeof code === 'string' && PACKAGE_HINT.test(code)) {
      this._hinted = true;
    }
  }

  private _onIOPub(_: Kernel.IKernelConnection, msg: KernelMessage.IIOPubMessage): void {
    if (!KernelMessage.isStatusMsg(msg) || msg.content.execution_state !== 'idle') {
      return;
    }
    const parent = msg.parent_header as Partial<KernelMessage.IHeader>;
    const parentId = parent.msg_id ?? '';
    if (this._ownMessages.delete(parentId)) {
      return;
    }
    const parentType = parent.msg_type;
    if (parentType === 'execute_request') {
      if (this._comm) {
        // Cheap (one per cell) and keeps the counts right after any cell.
        this._scheduleRefresh(true);
      } else if (this._hinted || this._pageHasApps()) {
        void this._open();
      }
    } else if (parentType === 'comm_msg' && this._comm) {
      // Widget events rerun apps: only detailed views need new run counts.
      this._scheduleRefresh();
    }
  }

  private async _open(): Promise<void> {
    const kernel = this._kernel;
    if (this._comm || this._opening || !kernel || kernel.isDisposed) {
      return this._opening ?? undefined;
    }
    this._hinted = false;
    this._opening = (async () => {
      let comm: Kernel.IComm | null = null;
      try {
        comm = createMainShellComm(kernel);
        const opened = comm;
        opened.onMsg = msg => this._onCommMsg(opened, msg);
        opened.onClose = () => {
          if (this._comm === opened) {
            this._comm = null;
            this._setStatus(null);
          }
        };
        this._comm = opened;
        const future = opened.open({});
        this._own(future.msg.header.msg_id);
        // A kernel without the target answers with comm_close before idle.
        await future.done;
      } catch {
        // No target, a restart, or a closed connection: stay quiet, retry later.
        if (comm && this._comm === comm) {
          this._comm = null;
        }
      }
      if (comm && this._comm === comm && !comm.isDisposed) {
        await this.send('status');
      }
    })();
    try {
      await this._opening;
    } finally {
      this._opening = null;
    }
  }

  private _onCommMsg(comm: Kernel.IComm, msg: KernelMessage.ICommMsgMsg): void {
    if (comm !== this._comm) {
      return;
    }
    const data = msg.content.data as Partial<IKernelStatus> & { action?: string };
    if (data.action !== 'status') {
      return;
    }
    this._setStatus({
      apps: Array.isArray(data.apps) ? data.apps : [],
      timers: typeof data.timers === 'number' ? data.timers : 0,
      stale_delay: typeof data.stale_delay === 'number' ? data.stale_delay : undefined
    });
  }

  private _setStatus(status: IKernelStatus | null): void {
    if (status === null && this._status === null) {
      return;
    }
    this._status = status;
    this._updatePoll();
    this._statusChanged.emit(status);
  }

  private _scheduleRefresh(always = false): void {
    if (!this._comm || (!always && this._detailedOwners.size === 0)) {
      return;
    }
    if (this._refreshTimer !== null) {
      return;
    }
    this._refreshTimer = window.setTimeout(() => {
      this._refreshTimer = null;
      if (this._comm && !this._disposed) {
        void this.send('status');
      }
    }, REFRESH_DELAY);
  }

  private _updatePoll(): void {
    const wanted =
      !this._disposed &&
      this._detailedOwners.size > 0 &&
      (this._status?.timers ?? 0) > 0;
    if (wanted && this._pollTimer === null) {
      this._pollTimer = window.setInterval(() => this._scheduleRefresh(), TIMER_POLL);
    } else if (!wanted && this._pollTimer !== null) {
      window.clearInterval(this._pollTimer);
      this._pollTimer = null;
    }
  }

  /** Remember a message we sent, so its idle does not trigger a refresh. */
  private _own(msgId: string): void {
    this._ownMessages.add(msgId);
    if (this._ownMessages.size > 200) {
      const oldest = this._ownMessages.values().next().value;
      if (oldest !== undefined) {
        this._ownMessages.delete(oldest);
      }
    }
  }

  private _kernel: Kernel.IKernelConnection | null = null;
  private _comm: Kernel.IComm | null = null;
  private _opening: Promise<void> | null = null;
  private _hinted = false;
  private _status: IKernelStatus | null = null;
  private _statusChanged = new Signal<IControlChannel, IKernelStatus | null>(this);
  private _detailedOwners = new Set<unknown>();
  private _ownMessages = new Set<string>();
  private _refreshTimer: number | null = null;
  private _pollTimer: number | null = null;
  private _disposed = false;
}
