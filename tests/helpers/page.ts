import type { Browser, BrowserContext, Page } from 'playwright-core';

export interface GuardedContext {
  context: BrowserContext;
  /** Every URL the pages asked for. */
  requests: string[];
  /** The URLs refused because they were not allowed: any is a finding. */
  refused: string[];
  /** Every alert, confirm or prompt (`type: message`), dismissed. */
  dialogs: string[];
}

/**
 * A 1280×800 browser context from which nothing leaves the machine: a request whose URL does not start with `allowed`
 * (or match it) is refused and recorded, and every dialog is recorded and dismissed.
 */
export async function guardedContext(browser: Browser, allowed: string | RegExp): Promise<GuardedContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const requests: string[] = [];
  const refused: string[] = [];
  const dialogs: string[] = [];
  const isAllowed = (url: string): boolean => (typeof allowed === 'string' ? url.startsWith(allowed) : allowed.test(url));
  await context.route('**/*', (route) => {
    const url = route.request().url();
    requests.push(url);
    if (isAllowed(url)) return route.continue();
    refused.push(url);
    return route.abort();
  });
  context.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return { context, requests, refused, dialogs };
}

/** Waits until the deck's runtime has started Reveal.js and fitted the slides. */
export async function waitForDeck(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.lecternReady === 'true', null, { timeout });
}
