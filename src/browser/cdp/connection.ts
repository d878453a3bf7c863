/**
 * The DevTools Protocol over Chromium's `--remote-debugging-pipe`: JSON messages separated by NUL bytes, written to
 * the browser's fd 3 and read from its fd 4. Commands get ids and resolve with their result; events go to the
 * handlers registered for their session (flattened sessions share the one pipe).
 */
import type { Readable, Writable } from 'node:stream';
import type { CommandName, CommandParams, CommandResult, EventName, EventParams } from './protocol.js';

/** An error the browser answered a command with. */
export class ProtocolError extends Error {
  constructor(method: string, message: string) {
    super(`${method}: ${message}`);
    this.name = 'ProtocolError';
  }
}

interface Pending {
  method: string;
  sessionId: string | undefined;
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

interface Message {
  id?: number;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { message: string; data?: string };
  sessionId?: string;
}

type Handler = (params: never) => void;

export class Connection {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly closeHandlers: Array<(reason: Error) => void> = [];
  private buffered: Buffer[] = [];
  private closedBy: Error | undefined;

  constructor(
    private readonly output: Writable,
    input: Readable,
  ) {
    input.on('data', (chunk: Buffer) => this.receive(chunk));
    input.on('close', () => this.close(new Error('the browser closed the connection')));
    // A write to a browser that has just exited fails with EPIPE; its commands are rejected by close().
    input.on('error', (error) => this.close(error));
    output.on('error', (error) => this.close(error));
  }

  /** Sends a command (to a page when `sessionId` is given) and resolves with the browser's result. */
  send<M extends CommandName>(method: M, params: CommandParams<M>, sessionId?: string): Promise<CommandResult<M>> {
    if (this.closedBy) return Promise.reject(this.closedBy);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { method, sessionId, resolve: resolve as (result: unknown) => void, reject });
      this.output.write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
    });
  }

  /** Calls `handler` for each `event` of the session (or of the browser, with no session); returns an unsubscribe. */
  on<E extends EventName>(event: E, sessionId: string | undefined, handler: (params: EventParams<E>) => void): () => void {
    const key = `${sessionId ?? ''} ${event}`;
    let set = this.handlers.get(key);
    if (!set) this.handlers.set(key, (set = new Set()));
    set.add(handler);
    return () => {
      set.delete(handler);
      if (set.size === 0) this.handlers.delete(key);
    };
  }

  /** Why the connection closed, once it has. */
  get closeReason(): Error | undefined {
    return this.closedBy;
  }

  /** Rejects the commands still waiting on a session that can no longer answer (closed or crashed). */
  failSession(sessionId: string, error: Error): void {
    for (const [id, pending] of this.pending) {
      if (pending.sessionId !== sessionId) continue;
      this.pending.delete(id);
      pending.reject(error);
    }
  }

  /** Rejects every waiting command with `reason`; later commands fail at once. */
  close(reason: Error): void {
    if (this.closedBy) return;
    this.closedBy = reason;
    for (const pending of this.pending.values()) pending.reject(reason);
    this.pending.clear();
    this.handlers.clear();
    this.output.destroy();
    for (const handler of this.closeHandlers.splice(0)) handler(reason);
  }

  /** Calls `handler` once when the connection closes, with the reason. */
  onClose(handler: (reason: Error) => void): void {
    if (this.closedBy) handler(this.closedBy);
    else this.closeHandlers.push(handler);
  }

  private receive(chunk: Buffer): void {
    let start = 0;
    for (let end = chunk.indexOf(0); end !== -1 && !this.closedBy; end = chunk.indexOf(0, start)) {
      this.buffered.push(chunk.subarray(start, end));
      const text = Buffer.concat(this.buffered).toString('utf8');
      this.buffered = [];
      start = end + 1;
      const message = parseMessage(text);
      if (typeof message === 'string') {
        // A garbled frame may have been any command's reply, so no waiting command can count on its answer: the
        // connection fails as a whole (and the browser, its pipe closed, quits) rather than hang or throw.
        this.close(new Error(`the browser sent ${message}: ${preview(text)}`));
        return;
      }
      this.dispatch(message);
    }
    if (start < chunk.length && !this.closedBy) this.buffered.push(chunk.subarray(start));
  }

  private dispatch(message: Message): void {
    if (message.id !== undefined) {
      const pending = this.pending.get(message.id);
      if (!pending) return;
      this.pending.delete(message.id);
      if (message.error)
        pending.reject(new ProtocolError(pending.method, message.error.data ? `${message.error.message} (${message.error.data})` : message.error.message));
      else pending.resolve(message.result);
      return;
    }
    if (message.method === undefined) return;
    const handlers = this.handlers.get(`${message.sessionId ?? ''} ${message.method}`);
    if (!handlers) return;
    for (const handler of [...handlers]) (handler as (params: unknown) => void)(message.params);
  }
}

/** The message in a frame, or what is wrong with the frame. */
function parseMessage(text: string): Message | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'a message that is not JSON';
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : 'JSON that is not a DevTools message';
}

/** The start of a bad frame, for the error message. */
function preview(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
