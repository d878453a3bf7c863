/** Starts the found browser (playwright-core is imported only here, only when an export needs it). */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ExitCode, LecternError } from '../errors.js';
import { findBrowser } from './browser-finder.js';

export const BROWSER_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Runs `use` with a launched browser, which is closed afterwards whatever happens. */
export async function withBrowser<T>(explicitPath: string | undefined, use: (browser: Browser) => Promise<T>): Promise<T> {
  const executablePath = findBrowser({ explicit: explicitPath });
  const { chromium } = await import('playwright-core');
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath, headless: true, args: BROWSER_FLAGS });
  } catch (error) {
    throw browserError(`could not start the browser at ${executablePath}`, error);
  }
  try {
    return await use(browser);
  } catch (error) {
    if (error instanceof LecternError) throw error;
    throw browserError('the browser failed while exporting', error);
  } finally {
    await browser.close().catch(() => undefined);
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

/** A page whose every non-local request is aborted (and recorded), so exports never reach the network. */
export async function isolatedPage(
  browser: Browser,
  options: { width: number; height: number; scale?: number },
): Promise<{ context: BrowserContext; page: Page; blocked: string[] }> {
  const context = await browser.newContext({
    viewport: { width: options.width, height: options.height },
    deviceScaleFactor: options.scale ?? 1,
    serviceWorkers: 'block',
  });
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocalUrl(url)) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  return { context, page, blocked };
}

function browserError(message: string, error: unknown): LecternError {
  const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new LecternError(`${message}: ${detail}`, {
    exitCode: ExitCode.browser,
    hint: 'run again with --debug for details, or try another browser with --browser',
    cause: error,
  });
}
