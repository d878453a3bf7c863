import type { PreparedDeck } from '../pipeline.js';
import { SLIDE_HEIGHT, SLIDE_WIDTH } from '../render/reveal-config.js';
import { isolatedPage, withBrowser, type BrowserLaunch } from '../export/browser.js';
import { openDeck } from '../export/deck-page.js';
import { blockedWarnings, stageSite } from '../export/stage.js';
import type { Warning } from '../errors.js';
import type { MeasuredSlide } from './report.js';

/**
 * Opens the deck as the audience sees it (real layout and fonts) and measures every slide's overflow; `warnings`
 * names each request the page made outside the deck, refused.
 */
export async function measureDeck(prepared: PreparedDeck, browser?: BrowserLaunch | string): Promise<{ slides: MeasuredSlide[]; warnings: Warning[] }> {
  const site = await stageSite(prepared, { hash: false, respondToHashChanges: false, transition: 'none' });
  try {
    return await withBrowser(browser, async (started) => {
      const { page, blocked } = await isolatedPage(started, { width: SLIDE_WIDTH, height: SLIDE_HEIGHT, root: site.dir });
      await openDeck(page, site.url(), false);
      const slides = await page.evaluate<MeasuredSlide[]>('window.lectern.overflow()');
      return { slides, warnings: blockedWarnings(blocked, prepared.deck.file) };
    });
  } finally {
    await site.dispose();
  }
}
