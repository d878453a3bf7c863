import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LocalImages } from '../../src/files/local-images.js';
import type { Deck, Slide } from '../../src/outline/types.js';
import { collectMedia } from '../../src/site/media.js';

const PNG = { ext: '.png', mime: 'image/png' };
const slide = (id: string, extra: Partial<Slide>): Slide => ({ id, layout: 'image', notes: [], timing: 10, lines: [1, 1], ...extra }) as Slide;
const deckOf = (slides: Slide[]): Deck => ({ meta: { title: 'Boats' }, sections: [], slides }) as unknown as Deck;
const nameOf = (bytes: string, ext: string): string => `media/${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}${ext}`;

describe('collectMedia', () => {
  it('names each copy by its content and rewrites image slides and <img> in HTML to it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lectern-media-'));
    writeFileSync(join(dir, 'boat.png'), 'boat bytes');
    writeFileSync(join(dir, 'quay.png'), 'quay bytes');
    const images: LocalImages = new Map([
      ['boat.png', { file: join(dir, 'boat.png'), type: PNG }],
      ['img/quay.png', { file: join(dir, 'quay.png'), type: PNG }],
    ]);
    const deck = deckOf([
      slide('s-boat', { image: { src: 'boat.png', alt: 'A boat' } }),
      slide('s-quay', { layout: 'html', html: '<p><img src="img/quay.png" alt="Quay"> and <img src="https://example.org/x.png"></p>' }),
    ]);
    const { deck: rewritten, media } = await collectMedia(deck, images);
    expect(media).toEqual([
      { from: join(dir, 'boat.png'), to: nameOf('boat bytes', '.png'), mime: 'image/png' },
      { from: join(dir, 'quay.png'), to: nameOf('quay bytes', '.png'), mime: 'image/png' },
    ]);
    expect(rewritten.slides[0]!.image).toEqual({ src: nameOf('boat bytes', '.png'), alt: 'A boat' });
    expect(rewritten.slides[1]!.html).toContain(`src="${nameOf('quay bytes', '.png')}"`);
    // A remote image is the viewer's browser's business: left as written.
    expect(rewritten.slides[1]!.html).toContain('src="https://example.org/x.png"');
    // The deck passed in is not changed.
    expect(deck.slides[0]!.image!.src).toBe('boat.png');
  });

  it('gives identical bytes under two names one copy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lectern-media-'));
    writeFileSync(join(dir, 'a.png'), 'same');
    writeFileSync(join(dir, 'b.png'), 'same');
    const images: LocalImages = new Map([
      ['a.png', { file: join(dir, 'a.png'), type: PNG }],
      ['b.png', { file: join(dir, 'b.png'), type: PNG }],
    ]);
    const deck = deckOf([slide('s-a', { image: { src: 'a.png', alt: 'A' } }), slide('s-b', { image: { src: 'b.png', alt: 'B' } })]);
    const { deck: rewritten, media } = await collectMedia(deck, images);
    expect(media).toHaveLength(1);
    expect(rewritten.slides.map((s) => s.image?.src)).toEqual([media[0]!.to, media[0]!.to]);
  });

  it('returns the deck itself when it shows no local image', async () => {
    const deck = deckOf([slide('s-text', { layout: 'points', points: [] })]);
    const result = await collectMedia(deck, new Map());
    expect(result.deck).toBe(deck);
    expect(result.media).toEqual([]);
  });
});
