/** Opens a staged deck in a browser page and waits until Reveal (and its print view) are laid out. */
import { ExitCode, LecternError } from '../errors.js';
import type { Page } from './cdp/page.js';

/** For loading the page, then again for Reveal to lay it out: a 2,600-slide deck on a busy machine takes a while. */
const READY_TIMEOUT_MS = 60_000;

// Registered before any page script runs, so the one-off `pdf-ready` event cannot be missed.
const LISTEN_FOR_PDF_READY = `window.__lecternPdfReady = new Promise((resolve) => {
  document.addEventListener('pdf-ready', () => resolve(true), { once: true });
});`;

/** Loads `url` and resolves once the deck is fitted and, with `print`, Reveal's print layout is done (and fitted in it). */
export async function openDeck(page: Page, url: string, print: boolean): Promise<void> {
  const errors: string[] = [];
  // Only while the deck opens: the same tab may open another page after.
  const stopListening = page.onPageError((error) => errors.push(error.message));
  if (print) await page.addInitScript(LISTEN_FOR_PDF_READY);
  await page.goto(url, READY_TIMEOUT_MS);
  const waitFor = print
    ? 'Promise.all([window.__lecternPdfReady, window.lectern && window.lectern.ready]).then(() => true)'
    : 'Promise.resolve(window.lectern && window.lectern.ready).then(() => true)';
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`the deck did not become ready within ${READY_TIMEOUT_MS / 1000}s`)), READY_TIMEOUT_MS);
  });
  try {
    await Promise.race([page.evaluate(waitFor), timeout]);
  } catch (error) {
    const reason = errors[0] ?? (error instanceof Error ? error.message : String(error));
    throw new LecternError(`the deck failed to load in the browser: ${reason}`, { exitCode: ExitCode.browser, cause: error });
  } finally {
    clearTimeout(timer);
    stopListening();
  }
  if (errors.length > 0) throw new LecternError(`the deck raised an error in the browser: ${errors[0]}`, { exitCode: ExitCode.browser });
}
