import type { Readable, Writable } from 'node:stream';

type Pending = { resolve: (result: Record<string, unknown>) => void; reject: (error: Error) => void };
type Listener = (params: Record<string, unknown>, sessionId: string | undefined) => void;

/**
 * The Chrome DevTools protocol over the pipe of `--remote-debugging-pipe` (Chromium reads commands from its
 * fd 3 and writes replies and events to fd 4, each message JSON ended by a NUL byte). A pipe, not a port:
 * nothing else on the machine can reach the browser, and no socket is opened.
 */
export class DevtoolsPipe {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly waiting = new Set<(error: Error) => void>();
  private buffered: Buffer[] = [];
  private closedWith: Error | null = null;

  constructor(private readonly toBrowser: Writable, fromBrowser: Readable) {
    fromBrowser.on('data', (chunk: Buffer) => this.receive(chunk));
    fromBrowser.on('close', () => this.close(new Error('the browser closed its DevTools pipe')));
    fromBrowser.on('error', (error) => this.close(error));
    toBrowser.on('error', (error) => this.close(error));
  }

  /** Sends a command (to a page's session, given one) and resolves with its result; a protocol error rejects. */
  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    if (this.closedWith) return Promise.reject(this.closedWith);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  }

  /** Resolves at the next event `method` (of `sessionId`, given one); rejects if the pipe closes first. */
  next(method: string, sessionId?: string): Promise<Record<string, unknown>> {
    if (this.closedWith) return Promise.reject(this.closedWith);
    return new Promise((resolve, reject) => {
      const listener: Listener = (params, from) => {
        if (sessionId && from !== sessionId) return;
        this.listeners.get(method)?.delete(listener);
        this.waiting.delete(reject);
        resolve(params);
      };
      this.waiting.add(reject);
      this.on(method, listener);
    });
  }

  /** Calls `listener` at every event `method`, until the pipe closes. */
  on(method: string, listener: Listener): void {
    if (!this.listeners.has(method)) this.listeners.set(method, new Set());
    this.listeners.get(method)!.add(listener);
  }

  /** Fails every command and wait still open: the browser is gone. */
  close(error: Error): void {
    if (this.closedWith) return;
    this.closedWith = error;
    for (const { reject } of this.pending.values()) reject(error);
    for (const reject of this.waiting) reject(error);
    this.pending.clear();
    this.waiting.clear();
    this.listeners.clear();
  }

  private receive(chunk: Buffer) {
    let from = 0;
    for (let end = chunk.indexOf(0); end !== -1; end = chunk.indexOf(0, from)) {
      this.buffered.push(chunk.subarray(from, end));
      const text = Buffer.concat(this.buffered).toString('utf8');
      this.buffered = [];
      from = end + 1;
      this.dispatch(text);
    }
    if (from < chunk.length) this.buffered.push(chunk.subarray(from));
  }

  private dispatch(text: string) {
    let message: { id?: number; method?: string; params?: Record<string, unknown>; result?: Record<string, unknown>; error?: { message?: string }; sessionId?: string };
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    if (typeof message.id === 'number') {
      const pending = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (!pending) return;
      if (message.error) pending.reject(new Error(message.error.message ?? 'the browser refused a command'));
      else pending.resolve(message.result ?? {});
    } else if (message.method) {
      for (const listener of [...(this.listeners.get(message.method) ?? [])]) listener(message.params ?? {}, message.sessionId);
    }
  }
}
