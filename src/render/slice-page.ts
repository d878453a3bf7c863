/**
 * A deck's page holding only some of its slides, for an export tab that prints or photographs only those
 * (src/export/pdf.ts, png.ts). It must print them exactly as the whole page does, links included: Chromium writes a
 * link to a slide in the deck only when the page holds that slide, and writes the slide's destination only when the
 * page holds a link to it.
 */
import { joinSlides } from './render.js';

/**
 * The opening tag of a link, quoted attribute values taken whole (a `>` inside one does not end it). SVG's `<a>` and
 * image maps' `<area>` link too.
 */
const LINK_TAG = /<(?:a|area)(?=[\s/>])(?:[^>"']|"[^"]*"|'[^']*')*>/gi;

/** A `#` as written or as a character reference (a numeric one holds a `#` itself; the named one is `&num;`). */
const HASH = /#|&num;/i;

/**
 * Whether a slide may link to a place in the deck: any link tag with a `#` anywhere in it counts, so no link within the
 * deck is ever missed (an outside address with a fragment only costs the slice pages a little).
 */
export function mayLinkWithinDeck(slideHtml: string): boolean {
  for (const [tag] of slideHtml.matchAll(LINK_TAG)) if (HASH.test(tag)) return true;
  return false;
}

/**
 * The page for the slides in [from, to): `page` renders them, and when any slide may link within the deck the other
 * slides follow out of sight (not laid out, not printed, outside Reveal's `.slides`), so every link and every target
 * is in the page as in the whole one.
 */
export function slicePage(page: string, slides: string[], from: number, to: number, linked: boolean): string {
  if (!linked) return page;
  const others = `<div hidden style="display: none !important">\n${joinSlides([...slides.slice(0, from), ...slides.slice(to)])}\n</div>\n`;
  const end = page.lastIndexOf('</body>');
  return end === -1 ? page + others : page.slice(0, end) + others + page.slice(end);
}
