/**
 * Starting the browser takes about as long as reading and outlining a deck, so the commands that need one (`check`,
 * and `export` to PDF or PNG) start it first and read the deck while it comes up.
 */
import { closeBrowser, launchBrowser, type BrowserLaunch } from './launch.js';

/**
 * Finds the browser (none: throws at once, before any other work) and starts it without waiting, runs `work` with
 * the launch meanwhile, then waits until the browser has quit, whatever `work` did.
 */
export async function whileBrowserStarts<T>(browserPath: string | undefined, work: (browser: BrowserLaunch) => Promise<T>): Promise<T> {
  const browser = launchBrowser(browserPath);
  try {
    return await work(browser);
  } finally {
    await closeBrowser(browser);
  }
}
