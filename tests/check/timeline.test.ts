import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureDeck } from '../../src/check/measure.js';
import { prepareDeck } from '../../src/pipeline.js';
import { SLIDE_SIZE_PRESETS } from '../../src/slide-size.js';
import { hasBrowser } from '../helpers/browser.js';

// The fullest timelines the outline makes (four events of sixteen words across the slide; six events down it, each
// wrapping, under a two-line title) and one an author wrote out with a lead line: none may overflow its frame.
const ARTICLE = `# The quarry at Pen Rhos

## Four long events

- In 1851 the first quarrymen cut slate from the northern face above the village church.
- In 1867 the company laid a narrow railway down to the harbour for the heavy slate wagons.
- In 1889 a fire destroyed the cutting sheds and most of the winter's stock of roofing slate.
- In 1902 the owners brought in steam drills and doubled the number of men working the face.

## Six events

- In 1921 the first ferry crossed the estuary with twelve passengers and a cart.
- In 1948 a diesel boat replaced the old steamer on the crossing.
- On June 2nd, 1963, the council bought the service from its owner.
- In March 1977 a winter storm sank the spare boat at its mooring.
- In 1995 a new slipway let cars drive straight on and off.
- In 2014 the bridge upstream opened and the ferry ran its last crossing.

<!-- slide: timeline -->
### What the parish minute books record about the ferry and the quarry

The parish kept a careful record of both trades through the century.

- 1851 — The first quarrymen cut slate from the northern face
- 1867 — The company laid a railway down to the harbour
- 1921 — The first ferry crossed the estuary with a cart
- 1948 — A diesel boat replaced the old steamer
- 1995 — A new slipway let cars drive straight on
- 2014 — The bridge opened and the ferry ran its last crossing
`;

describe.skipIf(!hasBrowser && !process.env.CI).each(['16:9', '4:3'] as const)('timeline slides at %s', (name) => {
  it('fit their frame in Chromium, the outlined ones without shrinking', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lectern-timeline-'));
    const file = join(dir, 'quarry.md');
    writeFileSync(file, ARTICLE);
    const prepared = await prepareDeck(file, { size: SLIDE_SIZE_PRESETS[name] });
    const { slides } = await measureDeck(prepared);
    const timelines = prepared.deck.slides.flatMap((slide, index) => (slide.layout === 'timeline' ? [{ slide, measured: slides[index]! }] : []));
    expect(timelines.map(({ slide }) => slide.events?.length)).toEqual([4, 6, 6]);
    for (const { slide, measured } of timelines) {
      expect(measured.x, slide.id).toBeLessThanOrEqual(1);
      expect(measured.y, slide.id).toBeLessThanOrEqual(1);
    }
    expect(timelines.slice(0, 2).map(({ measured }) => measured.scale)).toEqual([1, 1]);
  }, 60_000);
});
