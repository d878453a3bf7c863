/** Starts the found browser under Lectern's own DevTools driver (`./cdp/`) and opens pages that cannot reach the network. */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExitCode, LecternError } from '../errors.js';
import { findBrowser } from './finder.js';
import { Browser } from './cdp/browser.js';
import { watchCpu } from './cores.js';
import type { Page } from './cdp/page.js';

/** The flags every browser Lectern starts runs with; `sandboxFlags()` adds `--no-sandbox` only where it must. */
export const BROWSER_FLAGS = [
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** What decides whether Chromium may keep its sandbox. */
export interface SandboxFacts {
  uid: number | undefined;
  inContainer: boolean;
  noSandboxEnv: string | undefined;
}

/**
 * Chromium's sandbox cannot start as root, and seldom inside a container (no user namespaces); everywhere else it
 * stays on, so a page that got past every other guard is still confined. `LECTERN_NO_SANDBOX=1` turns it off by hand.
 */
export function sandboxFlags(facts: SandboxFacts = currentSandboxFacts()): string[] {
  const needed = facts.uid === 0 || facts.inContainer || facts.noSandboxEnv === '1';
  return needed ? ['--no-sandbox'] : [];
}

function currentSandboxFacts(): SandboxFacts {
  return { uid: process.getuid?.(), inContainer: runsInContainer(), noSandboxEnv: process.env.LECTERN_NO_SANDBOX };
}

/** Docker, Podman and Kubernetes leave these marks; a false answer only means the sandbox is tried. */
function runsInContainer(): boolean {
  if (process.env.container !== undefined || existsSync('/.dockerenv') || existsSync('/run/.containerenv')) return true;
  try {
    return /docker|kubepods|containerd|libpod|lxc/.test(readFileSync('/proc/1/cgroup', 'utf8'));
  } catch {
    return false;
  }
}

/** Every host name and IP literal, loopback included, fails to resolve: what a page asks for never leaves the browser. */
const OFFLINE_HOSTS = 'MAP * ~NOTFOUND';

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

/** Every request a page makes is paused and judged by `exportMayLoad`, file: URLs included. */
const ALL_URLS = ['*'];

/** A browser starting in the background. */
export type BrowserLaunch = Promise<Browser>;

/**
 * Finds the browser, throwing at once when there is none, and starts it without waiting, so that it comes up while
 * the deck is read and outlined. Whoever calls this must end it with `closeBrowser` (or hand it to `withBrowser`).
 */
export function launchBrowser(explicitPath: string | undefined): BrowserLaunch {
  const executablePath = findBrowser({ explicit: explicitPath });
  const sandbox = sandboxFlags();
  const args = [...BROWSER_FLAGS, ...sandbox, ...EXPORT_FLAGS];
  // Whether a second tab will have a core of its own is told by what other programs do from now on.
  watchCpu();
  const launching = Browser.launch({ executablePath, args }).catch((error: unknown) => {
    // A temporary folder that cannot hold the browser's profile says so itself (src/files/scratch.ts).
    if (error instanceof LecternError) throw error;
    throw browserError(`could not start the browser at ${executablePath}`, error, sandbox.length === 0 ? SANDBOX_HINT : undefined);
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

/**
 * True for what an exported page may load: files inside the staged deck's folder (`root`, opened over file://) and
 * inline data. Everything else is refused: any host, loopback in every spelling (127.1, 0x7f000001, [::1]) included,
 * since the runner's own services listen there, and any file outside the deck.
 */
export function exportMayLoad(url: string, root: string): boolean {
  if (/^(?:data|blob):/i.test(url) || url === 'about:blank') return true;
  if (!/^file:/i.test(url)) return false;
  let path: string;
  try {
    path = fileURLToPath(url); // refuses a host (file://server/…) and encoded slashes
  } catch {
    return false;
  }
  const inside = relative(resolve(root), resolve(path));
  return inside !== '' && inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside);
}

/**
 * A page of the given size that may load only the staged deck under `root` and inline data; every other request is
 * refused and recorded in `blocked`, so exports never reach the network, the machine's services or its other files.
 * `page`: a new tab asked for earlier (`browser.newPage()`), that has loaded nothing yet.
 */
export async function isolatedPage(
  browser: Browser,
  options: { width: number; height: number; scale?: number; root: string; newWindow?: boolean; page?: Promise<Page> },
): Promise<{ page: Page; blocked: string[] }> {
  const page = await (options.page ?? browser.newPage({ newWindow: options.newWindow }));
  const blocked: string[] = [];
  const seen = new Set<string>();
  await Promise.all([
    page.setViewport({ width: options.width, height: options.height, deviceScaleFactor: options.scale ?? 1 }),
    page.interceptRequests(ALL_URLS, (url) => {
      if (exportMayLoad(url, options.root)) return true;
      if (!seen.has(url)) blocked.push(url);
      seen.add(url);
      return false;
    }),
  ]);
  return { page, blocked };
}

const SANDBOX_HINT = 'if the browser cannot start its sandbox here, set LECTERN_NO_SANDBOX=1';

function browserError(message: string, error: unknown, extraHint?: string): LecternError {
  const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
  const hint = 'run again with --debug for details, or try another browser with --browser';
  return new LecternError(`${message}: ${detail}`, {
    exitCode: ExitCode.browser,
    hint: extraHint ? `${hint}; ${extraHint}` : hint,
    cause: error,
  });
}
