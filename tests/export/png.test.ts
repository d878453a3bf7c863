import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportPng } from '../../src/export/png.js';
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
