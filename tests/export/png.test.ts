import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportPng, pngName } from '../../src/export/png.js';
import { prepareDeck } from '../../src/pipeline.js';
import { exportOk, pngSize, SEED_ARTICLE, SKIP_BROWSER_TESTS, tempDir } from './helpers.js';

describe.skipIf(SKIP_BROWSER_TESTS)('lectern export --format png', () => {
  const dir = tempDir();
  const all = join(dir, 'all');
  const some = join(dir, 'some');
  let slides = 0;

  beforeAll(async () => {
    slides = (await prepareDeck(SEED_ARTICLE)).deck.slides.length;
    await exportOk([SEED_ARTICLE, '--format', 'png', '--out', all, '--quiet']);
    await exportOk([SEED_ARTICLE, '--format', 'png', '--out', some, '--slides', '2,4-5', '--scale', '1', '--quiet']);
  }, 120_000);

  it('writes one PNG per slide, 001.png onwards, at twice the 16:9 slide size', () => {
    // Beside the images, the marker that lets the next export replace this folder.
    const files = readdirSync(all)
      .filter((name) => name !== '.lectern-output')
      .sort();
    expect(readdirSync(all)).toContain('.lectern-output');
    expect(files).toEqual(Array.from({ length: slides }, (_, index) => `${String(index + 1).padStart(3, '0')}.png`));
    for (const file of files) expect(pngSize(join(all, file))).toEqual({ width: 2560, height: 1440 });
  });

  it('--slides picks slides by 1-based number and --scale sets the resolution', () => {
    expect(readdirSync(some).sort()).toEqual(['.lectern-output', '002.png', '004.png', '005.png']);
    expect(pngSize(join(some, '004.png'))).toEqual({ width: 1280, height: 720 });
  });

  it('replaces the folder as a whole: nothing left from an earlier export', async () => {
    await exportOk([SEED_ARTICLE, '--format', 'png', '--out', some, '--slides', '1', '--scale', '0.25', '--quiet']);
    expect(readdirSync(some).sort()).toEqual(['.lectern-output', '001.png']);
    expect(readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual([]);
  });
});

describe.skipIf(SKIP_BROWSER_TESTS)('lectern export --format png in two tabs', () => {
  it('writes the same images, byte for byte, as one tab', async () => {
    const prepared = await prepareDeck(SEED_ARTICLE);
    const [serial, parallel] = [join(tempDir(), 'serial'), join(tempDir(), 'parallel')];
    const slides = [0, 1, 2, 3, 4, 5, 6];
    await exportPng(prepared, serial, { scale: 0.5, slides, tabs: 1 });
    await exportPng(prepared, parallel, { scale: 0.5, slides, tabs: 2 });
    const names = readdirSync(serial)
      .filter((name) => name.endsWith('.png'))
      .sort();
    expect(names).toHaveLength(slides.length);
    expect(
      readdirSync(parallel)
        .filter((name) => name.endsWith('.png'))
        .sort(),
    ).toEqual(names);
    for (const name of names) expect(readFileSync(join(parallel, name)).equals(readFileSync(join(serial, name))), name).toBe(true);
  }, 120_000);
});

describe.skipIf(SKIP_BROWSER_TESTS)('lectern export --format png, each tab with only its own slides', () => {
  const dir = tempDir();
  const source = join(dir, 'harbour.md');
  const far = [150, 151, 152, 153, 154, 155];
  let prepared: Awaited<ReturnType<typeof prepareDeck>>;

  beforeAll(async () => {
    // 160 slides of round markers, whose edges show where in its page a slide was drawn. Every third berth's sign is in
    // a script no font here covers, and every fifth's (from the second) in a second character of it: of the far slides,
    // the first three hold one character and the last three both. The last berth links to the first.
    const sign = (n: number): string => (n % 3 === 0 ? '\u{18B01}' : '') + (n % 5 === 2 ? '\u{18B02}' : '');
    const berths = Array.from(
      { length: 160 },
      (_, n) =>
        `### Berth ${n + 1}\n\n- Berth ${n + 1} took ${n % 7} ferries before noon.\n- Its crane lifts ${20 + (n % 9)} tonnes.\n` +
        (sign(n + 1) ? `- Its sign reads ${sign(n + 1)}.\n` : '') +
        (n === 159 ? '- Its twin is [berth 1](#s-berth-1).\n' : ''),
    );
    writeFileSync(source, `---\ntitle: Harbour Berths\n---\n\n## Quay\n\n${berths.join('\n')}`);
    prepared = await prepareDeck(source);
  }, 60_000);

  it('lays out only the slides from each tab’s first image to its last, not the whole deck', async () => {
    const one = await exportPng(prepared, join(dir, 'one'), { scale: 1, slides: [4], tabs: 1 });
    expect(one.tabSlides).toEqual([1]);
    const two = await exportPng(prepared, join(dir, 'two'), { scale: 1, slides: far, tabs: 2 });
    expect(two.tabSlides).toEqual([3, 3]);
    const linked = await exportPng(prepared, join(dir, 'linked'), { scale: 1, slides: [159], tabs: 1 });
    expect(linked.tabSlides).toEqual([1]);
    expect(pngSize(join(dir, 'linked', pngName(159, prepared.deck.slides.length)))).toEqual({ width: 1280, height: 720 });
  }, 120_000);

  it('draws a slide the same, byte for byte, whichever slides share its page and however many tabs take them', async () => {
    // Far down a page of 156 slides in one tab, then at the top of pages of three in two tabs.
    const deep = await exportPng(prepared, join(dir, 'deep'), { scale: 2, slides: [0, ...far], tabs: 1 });
    const near = await exportPng(prepared, join(dir, 'near'), { scale: 2, slides: far, tabs: 2 });
    // Each tab looks for characters no font draws in its own slides: one held by both tabs counts once.
    for (const { warnings } of [deep, near]) {
      const khitan = warnings.filter((warning) => warning.message.includes('Khitan'));
      expect(khitan.map((warning) => warning.message)).toEqual([expect.stringMatching(/^no font for Khitan Small Script text \(2 characters/)]);
    }
    for (const index of far) {
      const name = pngName(index, prepared.deck.slides.length);
      expect(readFileSync(join(dir, 'near', name)).equals(readFileSync(join(dir, 'deep', name))), name).toBe(true);
    }
  }, 120_000);
});
