/** A browser tab driven over a flattened DevTools session: what exports do with a page, and nothing more. */
import type { Connection } from './connection.js';
import type { EventName, EventParams, ExceptionDetails, FontFamilies, RemoteObject } from './protocol.js';

/** Pixels per inch of CSS pixels, for paper sizes. */
const CSS_PX_PER_INCH = 96;
const IO_CHUNK = 1024 * 1024;

/**
 * Generic font families as a desktop Chrome has them; headless Chromium has none configured, so without these a
 * theme's `sans-serif` or `monospace` would fall to whatever fontconfig picks.
 */
const FONT_FAMILIES: Partial<Record<NodeJS.Platform, FontFamilies>> = {
  linux: { standard: 'Times New Roman', fixed: 'Monospace', serif: 'Times New Roman', sansSerif: 'Arial', cursive: 'Comic Sans MS', fantasy: 'Impact' },
  win32: { standard: 'Times New Roman', fixed: 'Consolas', serif: 'Times New Roman', sansSerif: 'Arial', cursive: 'Comic Sans MS', fantasy: 'Impact' },
  darwin: { standard: 'Times', fixed: 'Courier', serif: 'Times', sansSerif: 'Helvetica', cursive: 'Apple Chancery', fantasy: 'Papyrus' },
};

export interface PdfOptions {
  /** Paper size in CSS pixels. */
  width: number;
  height: number;
}

export type Clip = { x: number; y: number; width: number; height: number };

export class Page {
  /** The main frame's default JavaScript context, where `evaluate` runs; it changes with every navigation. */
  private contextId: number | undefined;
  private readonly pageErrorHandlers = new Set<(error: Error) => void>();
  /** Set once the page can no longer answer: it crashed, was closed, or the browser went away. */
  private failure: Error | undefined;
  private readonly failureHandlers = new Set<(error: Error) => void>();

  private constructor(
    private readonly connection: Connection,
    private readonly sessionId: string,
    private readonly targetId: string,
  ) {
    this.listen('Runtime.executionContextCreated', ({ context }) => {
      // auxData is typed as `any` by the protocol; Chromium sets isDefault and frameId on a frame's main world.
      const aux = context.auxData as { isDefault?: boolean; frameId?: string } | undefined;
      if (aux?.isDefault && aux.frameId === this.targetId) this.contextId = context.id;
    });
    this.listen('Runtime.executionContextDestroyed', ({ executionContextId }) => {
      if (executionContextId === this.contextId) this.contextId = undefined;
    });
    this.listen('Runtime.executionContextsCleared', () => (this.contextId = undefined));
    this.listen('Runtime.exceptionThrown', ({ exceptionDetails }) => {
      const error = pageError(exceptionDetails);
      for (const handler of this.pageErrorHandlers) handler(error);
    });
    this.listen('Inspector.targetCrashed', () => this.fail(new Error('the page crashed')));
    connection.on('Target.detachedFromTarget', undefined, (event) => {
      if (event.sessionId === sessionId) this.fail(new Error('the page was closed'));
    });
    connection.onClose((reason) => this.fail(reason));
  }

  /** Opens a blank tab and attaches to it. */
  /**
   * A new tab. `newWindow` puts it in a window of its own: only a window's front tab draws frames, and a screenshot
   * waits for one, so a second tab taking screenshots at the same time as the first needs its own window (which
   * costs time to make, so the first tab does without).
   */
  static async open(connection: Connection, options: { newWindow?: boolean } = {}): Promise<Page> {
    const { targetId } = await connection.send('Target.createTarget', { url: 'about:blank', ...(options.newWindow ? { newWindow: true } : {}) });
    const { sessionId } = await connection.send('Target.attachToTarget', { targetId, flatten: true });
    const page = new Page(connection, sessionId, targetId);
    const fontFamilies = FONT_FAMILIES[process.platform] ?? FONT_FAMILIES.linux;
    await Promise.all([
      page.send('Page.enable', {}),
      page.send('Page.setLifecycleEventsEnabled', { enabled: true }),
      page.send('Runtime.enable', {}),
      page.send('Inspector.enable', {}),
      // A tab that does not have focus gets its frames throttled: Reveal's print layout of a 2,800-slide deck took
      // 13 s instead of 1.7 s. Export tabs act as the focused one.
      page.send('Emulation.setFocusEmulationEnabled', { enabled: true }),
      fontFamilies ? page.send('Page.setFontFamilies', { fontFamilies }) : undefined,
    ]);
    return page;
  }

  /** Calls `handler` with each uncaught error (or unhandled rejection) in the page; returns an unsubscribe. */
  onPageError(handler: (error: Error) => void): () => void {
    this.pageErrorHandlers.add(handler);
    return () => this.pageErrorHandlers.delete(handler);
  }

  /** Runs `source` in every document this page loads from now on, before the document's own scripts. */
  async addInitScript(source: string): Promise<void> {
    await this.send('Page.addScriptToEvaluateOnNewDocument', { source });
  }

  /** Tells the page's CSS that the viewer asks for less motion (`prefers-reduced-motion: reduce`). */
  async emulateReducedMotion(): Promise<void> {
    await this.send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-reduced-motion', value: 'reduce' }] });
  }

  async setViewport(options: { width: number; height: number; deviceScaleFactor?: number }): Promise<void> {
    const { width, height } = options;
    await this.send('Emulation.setDeviceMetricsOverride', {
      width,
      height,
      deviceScaleFactor: options.deviceScaleFactor ?? 1,
      mobile: false,
      screenWidth: width,
      screenHeight: height,
    });
  }

  /**
   * Pauses every request whose URL matches one of `patterns` (`*` and `?` wildcards) and lets `allow` decide: continue
   * it, or fail it as blocked by the client. Requests that match no pattern never leave the browser.
   */
  async interceptRequests(patterns: string[], allow: (url: string) => boolean): Promise<void> {
    this.listen('Fetch.requestPaused', ({ requestId, request }) => {
      const answer = allow(request.url)
        ? this.send('Fetch.continueRequest', { requestId })
        : this.send('Fetch.failRequest', { requestId, errorReason: 'BlockedByClient' });
      // The request may have been cancelled meanwhile (the page navigated or closed): nothing left to answer.
      answer.catch(() => undefined);
    });
    await this.send('Fetch.enable', { patterns: patterns.map((urlPattern) => ({ urlPattern })) });
  }

  /** Navigates to `url` and resolves once its `load` event has fired. */
  async goto(url: string, timeoutMs: number): Promise<void> {
    const loaded = new Set<string>();
    let expected: string | undefined;
    let done: (() => void) | undefined;
    let failed: ((error: Error) => void) | undefined;
    const stop = this.listen('Page.lifecycleEvent', ({ name, frameId, loaderId }) => {
      if (name !== 'load' || frameId !== this.targetId) return;
      loaded.add(loaderId);
      if (loaderId === expected) done?.();
    });
    try {
      await this.withTimeout(`loading ${url}`, timeoutMs, async () => {
        const navigation = await this.send('Page.navigate', { url });
        if (navigation.errorText) throw new Error(`could not open ${url}: ${navigation.errorText}`);
        expected = navigation.loaderId;
        // Without a loader the navigation stayed within the document: nothing more to load.
        if (expected === undefined || loaded.has(expected)) return;
        await new Promise<void>((resolve, reject) => {
          if (this.failure) return reject(this.failure);
          done = resolve;
          failed = reject;
          this.failureHandlers.add(reject);
        });
      });
    } finally {
      stop();
      if (failed) this.failureHandlers.delete(failed);
    }
  }

  /** Evaluates an expression in the page, awaiting it when it is a promise; resolves with its value as JSON. */
  evaluate<R>(expression: string): Promise<R>;
  /** Calls `fn(arg)` in the page; `fn` must be self-contained (it is sent as source) and `arg` plain JSON. */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  async evaluate<A, R>(code: string | ((arg: A) => R | Promise<R>), arg?: A): Promise<R> {
    const reply =
      typeof code === 'string'
        ? await this.send('Runtime.evaluate', { expression: code, awaitPromise: true, returnByValue: true, contextId: this.contextId })
        : await this.send('Runtime.callFunctionOn', {
            functionDeclaration: code.toString(),
            arguments: [{ value: arg }],
            ...(this.contextId === undefined ? { objectId: await this.globalObject() } : { executionContextId: this.contextId }),
            awaitPromise: true,
            returnByValue: true,
          });
    if (reply.exceptionDetails) throw evaluationError(reply.exceptionDetails);
    return valueOf(reply.result) as R;
  }

  /** Prints the page to PDF at the given paper size with no margins and backgrounds on, read back as a stream. */
  async printToPDF(options: PdfOptions): Promise<Uint8Array> {
    const { stream } = await this.send('Page.printToPDF', {
      transferMode: 'ReturnAsStream',
      printBackground: true,
      paperWidth: options.width / CSS_PX_PER_INCH,
      paperHeight: options.height / CSS_PX_PER_INCH,
      marginTop: 0,
      marginBottom: 0,
      marginLeft: 0,
      marginRight: 0,
      preferCSSPageSize: false,
      generateTaggedPDF: false,
      generateDocumentOutline: false,
    });
    // The protocol sends a stream handle only for `ReturnAsStream`, which is what was asked for.
    if (stream === undefined) throw new Error('Page.printToPDF: the browser returned no stream');
    return this.readStream(stream);
  }

  /** A PNG of `clip` (CSS pixels from the document's top left, even beyond the viewport), at the device scale. */
  async screenshot(clip: Clip): Promise<Uint8Array> {
    const { data } = await this.send('Page.captureScreenshot', { format: 'png', clip: { ...clip, scale: 1 }, captureBeyondViewport: true });
    return Buffer.from(data, 'base64');
  }

  async close(): Promise<void> {
    await this.connection.send('Target.closeTarget', { targetId: this.targetId }).catch(() => undefined);
  }

  private send: Connection['send'] = (method, params) => (this.failure ? Promise.reject(this.failure) : this.connection.send(method, params, this.sessionId));

  /** Rejects whatever still waits on the page: its commands and a navigation's load. */
  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.connection.failSession(this.sessionId, error);
    for (const handler of this.failureHandlers) handler(error);
  }

  private listen<E extends EventName>(event: E, handler: (params: EventParams<E>) => void): () => void {
    return this.connection.on(event, this.sessionId, handler);
  }

  /** Big PDFs come back in chunks, so no single message has to hold the whole file. */
  private async readStream(handle: string): Promise<Uint8Array> {
    const chunks: Buffer[] = [];
    try {
      for (;;) {
        const { data, eof, base64Encoded } = await this.send('IO.read', { handle, size: IO_CHUNK });
        chunks.push(Buffer.from(data, base64Encoded ? 'base64' : 'utf8'));
        if (eof) break;
      }
    } finally {
      await this.send('IO.close', { handle }).catch(() => undefined);
    }
    return Buffer.concat(chunks);
  }

  /** The main frame's global object, to call a function on when its context has not been announced (yet). */
  private async globalObject(): Promise<string> {
    const { result } = await this.send('Runtime.evaluate', { expression: 'globalThis', awaitPromise: false, returnByValue: false });
    if (result.objectId === undefined) throw new Error('the page has no JavaScript context');
    return result.objectId;
  }

  private async withTimeout<T>(what: string, timeoutMs: number, run: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took longer than ${timeoutMs / 1000}s`)), timeoutMs);
    });
    try {
      return await Promise.race([run(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** A value returned by value; numbers JSON cannot carry come as `unserializableValue`. */
function valueOf(object: RemoteObject): unknown {
  if (object.unserializableValue === undefined) return object.value;
  const text = object.unserializableValue;
  if (text.endsWith('n')) return BigInt(text.slice(0, -1));
  return text === '-0' ? -0 : Number(text);
}

/** The head of an exception's description: `TypeError: x is not a function`, without the stack. */
function describe(details: ExceptionDetails): string {
  const exception = details.exception;
  if (exception?.subtype === 'error' && exception.description) return exception.description.split(/\n\s+at /)[0] ?? exception.description;
  if (exception && 'value' in exception) return String(exception.value);
  return exception?.description ?? details.text;
}

/** An error thrown by code we evaluated, named as the page named it. */
function evaluationError(details: ExceptionDetails): Error {
  return new Error(describe(details));
}

/** An uncaught error in the page: its message without the `Name: ` prefix, its name kept as the error's name. */
function pageError(details: ExceptionDetails): Error {
  const head = describe(details);
  const match = details.exception?.subtype === 'error' ? /^([\w$.]+): ([\s\S]*)$/.exec(head) : null;
  const error = new Error(match ? match[2] : head);
  if (match?.[1]) error.name = match[1];
  return error;
}
