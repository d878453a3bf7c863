import { readFile } from 'node:fs/promises';
import type { LocalImages } from '../files/local-images.js';
import { sha256 } from '../files/sha256.js';
import { mapSlideHtml } from '../files/local-images.js';
import type { Deck } from '../outline/types.js';

/**
 * Copies of the local images a deck shows, and the deck with their paths rewritten to the copies. `images` holds only
 * images already checked (`checkLocalImages`: inside the article's roots, real image bytes); nothing else is copied.
 */
export async function collectMedia(deck: Deck, images: LocalImages): Promise<{ deck: Deck; media: Array<{ from: string; to: string; mime: string }> }> {
  const names = new Map<string, string>();
  const media = new Map<string, { from: string; mime: string }>();
  for (const [src, image] of images) {
    const bytes = await readFile(image.file);
    // Content-addressed names keep builds deterministic and let identical images share one file; the extension
    // comes from the bytes, so identical bytes always get one name.
    const to = `media/${sha256(bytes, 'hex').slice(0, 16)}${image.type.ext}`;
    names.set(src, to);
    media.set(to, { from: image.file, mime: image.type.mime });
  }
  if (names.size === 0) return { deck, media: [] };
  const logo = deck.meta.logo === undefined ? undefined : names.get(deck.meta.logo);
  const meta = logo === undefined ? deck.meta : { ...deck.meta, logo };
  const slides = deck.slides.map((slide) => {
    const next = mapSlideHtml(slide, (src) => names.get(src) ?? null);
    const to = next.image ? names.get(next.image.src) : undefined;
    return next.image && to ? { ...next, image: { ...next.image, src: to } } : next;
  });
  return { deck: { ...deck, meta, slides }, media: [...media].map(([to, { from, mime }]) => ({ from, to, mime })) };
}
