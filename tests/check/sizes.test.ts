import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureDeck } from '../../src/check/measure.js';
import { prepareDeck } from '../../src/pipeline.js';
import { SLIDE_SIZE_PRESETS } from '../../src/slide-size.js';
import { hasBrowser } from '../helpers/browser.js';
import { FIXTURE_ARTICLES, SHARED_ARTICLES } from '../helpers/paths.js';

const articles = [
  ...readdirSync(FIXTURE_ARTICLES)
    .filter((name) => /\.(md|txt|html)$/.test(name) && name !== 'README.md')
    .map((name) => join(FIXTURE_ARTICLES, name)),
  ...readdirSync(SHARED_ARTICLES).map((name) => join(SHARED_ARTICLES, name)),
];

// The layout budget follows the slide size: at each size every fixture's slides must fit their frame, as `check`
// measures them in Chromium.
describe.skipIf(!hasBrowser && !process.env.CI).each(['16:9', '4:3'] as const)('every fixture at %s', (name) => {
  const size = SLIDE_SIZE_PRESETS[name];

  it.each(articles.map((file) => [file.slice(file.lastIndexOf('/') + 1), file]))(
    '%s: no slide overflows',
    async (_label, file) => {
      const prepared = await prepareDeck(file, { size });
      expect(prepared.deck.meta.size).toEqual(size);
      const { slides } = await measureDeck(prepared);
      expect(slides).toHaveLength(prepared.deck.slides.length);
      expect(slides.filter((slide) => slide.x > 1 || slide.y > 1)).toEqual([]);
    },
    60_000,
  );
});
