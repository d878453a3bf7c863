import type { PreparedDeck } from '../pipeline.js';
import { SLIDE_HEIGHT, SLIDE_WIDTH } from '../render/reveal-config.js';
import { isolatedPage, withBrowser, type BrowserLaunch } from '../export/browser.js';
import { openDeck } from '../export/deck-page.js';
import { stageSite } from '../export/stage.js';
import type { MeasuredSlide } from './report.js';

/** Opens the deck as the audience sees it (real layout and fonts) and measures every slide's overflow. */
export async function measureDeck(prepared: PreparedDeck, browser?: BrowserLaunch | string): Promise<MeasuredSlide[]> {
  const site = await stageSite(prepared, { hash: false, respondToHashChanges: false, transition: 'none' });
  try {
    return await withBrowser(browser, async (started) => {
      const { page } = await isolatedPage(started, { width: SLIDE_WIDTH, height: SLIDE_HEIGHT });
      await openDeck(page, site.url(), false);
      return (await page.evaluate('window.lectern.overflow()')) as MeasuredSlide[];
    });
  } finally {
    await site.dispose();
  }
}
