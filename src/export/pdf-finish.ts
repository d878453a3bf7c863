/** The printed parts as the finished PDF: joined, with the deck's metadata and bookmarks. */
import type { Deck } from '../outline/types.js';
import { deckDate, PdfJoiner, printedPageCount, type Bookmark } from './pdf-join.js';
import { UnsupportedPdf } from './pdf-objects.js';

export type { Bookmark } from './pdf-join.js';

/**
 * Printed parts joined as they come, in page order: by Lectern's own joiner for parts as Chromium prints them, or,
 * once a part is in any other form (a browser that writes cross-reference streams, say), by pdf-lib, loaded only
 * then. Both give the same pages, metadata and bookmarks.
 */
export class PrintedParts {
  private joiner: PdfJoiner | undefined = new PdfJoiner();
  private readonly parts: Uint8Array[] = [];

  add(bytes: Uint8Array): void {
    this.parts.push(bytes);
    if (!this.joiner) return;
    try {
      this.joiner.add(bytes);
    } catch (error) {
      if (!(error instanceof UnsupportedPdf)) throw error;
      this.joiner = undefined;
    }
  }

  async finish(deck: Deck, bookmarks: Bookmark[], producer: string): Promise<{ bytes: Uint8Array; pageCount: number }> {
    if (this.joiner) return this.joiner.finish(deck, bookmarks, producer);
    const { finishPdfWithPdfLib } = await import('./pdf-metadata.js');
    return finishPdfWithPdfLib(this.parts, deck, bookmarks, producer, deckDate(deck.meta.date));
  }
}

/** The parts, joined in order, with the deck's metadata and the given bookmarks; deterministic for the same input. */
export async function finishPdf(parts: Uint8Array[], deck: Deck, bookmarks: Bookmark[], producer: string): Promise<{ bytes: Uint8Array; pageCount: number }> {
  const printed = new PrintedParts();
  for (const part of parts) printed.add(part);
  return printed.finish(deck, bookmarks, producer);
}

/** The number of pages the browser printed. */
export async function pageCount(bytes: Uint8Array): Promise<number> {
  try {
    return printedPageCount(bytes);
  } catch (error) {
    if (!(error instanceof UnsupportedPdf)) throw error;
  }
  const { pageCountWithPdfLib } = await import('./pdf-metadata.js');
  return pageCountWithPdfLib(bytes);
}
