/** Starts the found browser under Lectern's own DevTools driver (`./cdp/`) and opens pages that cannot reach the network. */
import { ExitCode, LecternError } from '../errors.js';
import { findBrowser } from './browser-finder.js';
import { Browser } from './cdp/browser.js';
import type { Page } from './cdp/page.js';

export const BROWSER_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Every host name (IP literals included) fails to resolve, except loopback: what a page asks for never leaves the machine. */
const OFFLINE_HOSTS = 'MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1 , EXCLUDE ::1';

/**
 * What exports add to BROWSER_FLAGS: pages only where we open them, output as a desktop Chrome renders it (no
 * scrollbars taking width, sRGB colours), no timers slowed in a tab nobody looks at, no keyring prompts, no network.
 * Headless Chromium still builds a browser window around each tab, and preloading that window's omnibox popups
 * (WebUI pages) costs about as much CPU as laying out the deck: they are switched off.
 */
const EXPORT_FLAGS = [
  '--no-startup-window',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
  '--hide-scrollbars',
  '--force-color-profile=srgb',
  '--mute-audio',
  '--disable-extensions',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
  '--password-store=basic',
  '--use-mock-keychain',
  `--host-resolver-rules=${OFFLINE_HOSTS}`,
];

/** Requests that could reach a network; everything else (file:, data:, blob:) is served inside the browser. */
const NETWORK_URLS = ['http://*', 'https://*'];

/** A browser starting in the background. */
export type BrowserLaunch = Promise<Browser>;

/**
 * Finds the browser, throwing at once when there is none, and starts it without waiting, so that it comes up while
 * the deck is read and outlined. Whoever calls this must end it with `closeBrowser` (or hand it to `withBrowser`).
 */
export function launchBrowser(explicitPath: string | undefined): BrowserLaunch {
  const executablePath = findBrowser({ explicit: explicitPath });
  const launching = Browser.launch({ executablePath, args: [...BROWSER_FLAGS, ...EXPORT_FLAGS] }).catch((error: unknown) => {
    throw browserError(`could not start the browser at ${executablePath}`, error);
  });
  // Awaited later; until then a failed start must not count as an unhandled rejection.
  launching.catch(() => undefined);
  return launching;
}

/** Ends a launched browser, whether or not it managed to start. */
export async function closeBrowser(launch: BrowserLaunch): Promise<void> {
  await launch.then(
    (browser) => browser.close(),
    () => undefined,
  );
}

/**
 * Runs `use` with a browser, which is told to quit as soon as `use` is done, whatever happens. Given a path (or none),
 * the browser is found, started and waited for until it has quit. Given a launch, the browser belongs to the caller,
 * who waits for its end with `closeBrowser`: meanwhile it shuts down while the caller finishes its own work.
 */
export async function withBrowser<T>(browser: BrowserLaunch | string | undefined, use: (browser: Browser) => Promise<T>): Promise<T> {
  const owned = typeof browser !== 'object';
  const launching = typeof browser === 'object' ? browser : launchBrowser(browser);
  try {
    const started = await launching;
    try {
      return await use(started);
    } catch (error) {
      if (error instanceof LecternError) throw error;
      throw browserError('the browser failed while exporting', error);
    }
  } finally {
    const closing = closeBrowser(launching);
    if (owned) await closing;
  }
}

/** True for URLs a deck may load: its own files and inline data, never the network. */
export function isLocalUrl(url: string): boolean {
  if (/^(?:file|data|blob|about):/i.test(url)) return true;
  try {
    const { hostname } = new URL(url);
    return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
  } catch {
    return false;
  }
}

/** A page of the given size whose every non-local request is refused (and recorded), so exports never reach the network. */
export async function isolatedPage(
  browser: Browser,
  options: { width: number; height: number; scale?: number },
): Promise<{ page: Page; blocked: string[] }> {
  const page = await browser.newPage();
  const blocked: string[] = [];
  await Promise.all([
    page.setViewport({ width: options.width, height: options.height, deviceScaleFactor: options.scale ?? 1 }),
    page.interceptRequests(NETWORK_URLS, (url) => {
      if (isLocalUrl(url)) return true;
      blocked.push(url);
      return false;
    }),
  ]);
  return { page, blocked };
}

function browserError(message: string, error: unknown): LecternError {
  const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new LecternError(`${message}: ${detail}`, {
    exitCode: ExitCode.browser,
    hint: 'run again with --debug for details, or try another browser with --browser',
    cause: error,
  });
}
