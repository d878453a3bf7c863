/** A launched Chromium-family browser: pages on demand, and a close that always leaves no process behind. */
import { Connection } from './connection.js';
import { Page } from './page.js';
import { BrowserProcess } from './process.js';

/** How long a browser may take to answer its first command. */
const LAUNCH_TIMEOUT_MS = 60_000;
/** How long `Browser.close` may take before the process group is killed. */
const CLOSE_GRACE_MS = 3_000;

export interface LaunchOptions {
  executablePath: string;
  args: readonly string[];
}

export class Browser {
  private closing: Promise<void> | undefined;
  /** The first tab, asked for together with the browser itself (see `launch`). */
  private firstPage: Promise<Page> | undefined;

  private constructor(
    private readonly process: BrowserProcess,
    private readonly connection: Connection,
  ) {}

  /** Starts the browser and resolves once it answers over the pipe; on failure nothing is left running. */
  static async launch(options: LaunchOptions): Promise<Browser> {
    const child = await BrowserProcess.start(options.executablePath, options.args);
    const connection = new Connection(child.toBrowser, child.fromBrowser);
    const browser = new Browser(child, connection);
    // Asked for now, the first tab is created the moment the browser is up, even while Lectern is still busy
    // reading the deck and cannot answer at once.
    browser.firstPage = Page.open(connection);
    browser.firstPage.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        connection.send('Browser.getVersion', {}),
        child.exited.then(() => Promise.reject(new Error(child.describeExit()))),
        new Promise((_resolve, reject) => {
          timer = setTimeout(() => reject(new Error(`it did not answer within ${LAUNCH_TIMEOUT_MS / 1000}s`)), LAUNCH_TIMEOUT_MS);
        }),
      ]);
    } catch (error) {
      await browser.close();
      // A closed pipe says less than the exit itself: prefer the exit code and the browser's last words.
      throw child.hasExited ? new Error(child.describeExit(), { cause: error }) : error;
    } finally {
      clearTimeout(timer);
    }
    return browser;
  }

  /** The browser's process id and profile folder, for diagnostics. */
  get processInfo(): { pid: number | undefined; profile: string } {
    return { pid: this.process.pid, profile: this.process.profile };
  }

  /** A new tab (the first one is already on its way); `newWindow` for one that draws frames beside another (see `Page.open`). */
  newPage(options: { newWindow?: boolean } = {}): Promise<Page> {
    if (options.newWindow) return Page.open(this.connection, options);
    const first = this.firstPage;
    this.firstPage = undefined;
    return first ?? Page.open(this.connection);
  }

  /**
   * Ends the browser and removes its profile. Where its helpers share its process group (not Windows), the group is
   * killed at once: the profile is thrown away, so nothing needs the browser's orderly shutdown, which took 100-200 ms
   * after a PDF's last print. Elsewhere the browser is asked to quit (it then ends its helpers), and killed if it has
   * not after a grace period. Safe to call more than once.
   */
  close(): Promise<void> {
    this.closing ??= (async () => {
      if (!this.process.hasExited) {
        if (this.process.killsHelpers) this.process.kill();
        else await this.askToQuit();
        await this.process.exited;
      }
      // Any helper that outlived the browser goes with its group.
      this.process.kill();
      this.connection.close(new Error('the browser was closed'));
      await this.process.removeProfile();
    })();
    return this.closing;
  }

  /** Sends `Browser.close`; kills the browser if it has not quit after a grace period. */
  private async askToQuit(): Promise<void> {
    this.connection.send('Browser.close', {}).catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), CLOSE_GRACE_MS)));
    const late = (await Promise.race([this.process.exited, grace])) === 'late';
    clearTimeout(timer);
    if (late) this.process.kill();
  }
}
