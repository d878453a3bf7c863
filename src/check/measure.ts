import type { PreparedDeck } from '../pipeline.js';
import { isolatedPage, withBrowser, type BrowserLaunch } from '../browser/launch.js';
import { openDeck } from '../browser/deck-page.js';
import { blockedWarnings, stageSite } from '../browser/stage.js';
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
      const { page, blocked } = await isolatedPage(started, { ...prepared.deck.meta.size, root: site.dir });
      await openDeck(page, site.url(), false);
      const slides = await page.evaluate<MeasuredSlide[]>('window.lectern.overflow()');
      return { slides, warnings: blockedWarnings(blocked, prepared.deck.file) };
    });
  } finally {
    await site.dispose();
  }
}
