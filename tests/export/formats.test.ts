import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/errors.js';
import { chooseFormat } from '../../src/export/formats.js';
import { selectSlides } from '../../src/export/select-slides.js';
import { prepareDeck, type PreparedDeck } from '../../src/pipeline.js';
import { exportOk, normalise, pdfInfo, pdfPages, pngSize, SEED_ARTICLE, SKIP_BROWSER_TESTS, tempDir } from './helpers.js';
import { runCliInProcess as runCli } from '../helpers/cli.js';

describe('the format from the output name', () => {
  it('takes --format first, then the ending, then the fallback (the config file’s, else the default)', () => {
    expect(chooseFormat('PPTX', 'talk.pdf', 'pdf')).toBe('pptx');
    expect(chooseFormat(undefined, 'talk.pptx', 'pdf')).toBe('pptx');
    expect(chooseFormat(undefined, 'a/Talk.TXT', 'pdf')).toBe('txt');
    expect(chooseFormat(undefined, 'talk.md', 'pdf')).toBe('md');
    expect(chooseFormat(undefined, 'talk.htm', 'pdf')).toBe('html');
    expect(chooseFormat(undefined, 'slide.png', 'pdf')).toBe('png');
    expect(chooseFormat(undefined, 'images/', 'pdf')).toBe('png');
    expect(chooseFormat(undefined, 'talk', 'pdf')).toBe('pdf');
    expect(chooseFormat(undefined, undefined, 'pdf')).toBe('pdf');
    expect(chooseFormat(undefined, undefined, 'pptx')).toBe('pptx');
    expect(chooseFormat(undefined, 'talk.pdf', 'pptx')).toBe('pdf');
  });

  it('-o x.docx is a usage error that lists the known endings and writes nothing', async () => {
    const dir = tempDir();
    const { code, stderr } = await runCli(['export', SEED_ARTICLE, '-o', join(dir, 'x.docx')]);
    expect(code).toBe(ExitCode.usage);
    expect(stderr).toContain('.docx');
    for (const known of ['.pdf', '.png', '.html', '.pptx', '.txt', '.md']) expect(stderr).toContain(known);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a .png file without one slide named is a usage error', async () => {
    const dir = tempDir();
    const { code, stderr } = await runCli(['export', SEED_ARTICLE, '-o', join(dir, 'one.png')]);
    expect(code).toBe(ExitCode.usage);
    expect(stderr).toMatch(/--slides N/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('does not overwrite a file of another type with a new format', async () => {
    const dir = tempDir();
    const notes = join(dir, 'talk.txt');
    writeFileSync(notes, 'my own notes\n');
    const other = join(dir, 'talk.pptx');
    writeFileSync(other, 'not a zip');
    const { code } = await runCli(['export', SEED_ARTICLE, '-o', other, '--quiet']);
    expect(code).toBe(ExitCode.output);
    expect(readFileSync(other, 'utf8')).toBe('not a zip');
    // A text file of one's own is not the speaker's script, so it stays; a previous script is replaced.
    expect((await runCli(['export', SEED_ARTICLE, '-o', notes, '--quiet'])).code).toBe(ExitCode.output);
    expect(readFileSync(notes, 'utf8')).toBe('my own notes\n');
    const script = join(dir, 'script.txt');
    await exportOk([SEED_ARTICLE, '-o', script, '--slides', '1', '--quiet']);
    await exportOk([SEED_ARTICLE, '-o', script, '--quiet']);
    expect(readFileSync(script, 'utf8')).toContain('\n2. ');
  });
});

describe('--slides for every format', () => {
  let prepared: PreparedDeck;
  beforeAll(async () => {
    prepared = await prepareDeck(SEED_ARTICLE);
  });

  it('cuts the deck down to the chosen slides, sections following their slides', () => {
    const { deck } = prepared;
    const second = deck.sections[1];
    expect(second).toBeDefined();
    const start = second?.slideIndex ?? 0;
    const picked = selectSlides(prepared, [0, start, start + 1]).deck;
    expect(picked.slides.map((slide) => slide.id)).toEqual([0, start, start + 1].map((index) => deck.slides[index]?.id));
    expect(picked.sections.map((section) => [section.title, section.slideIndex])).toContainEqual([second?.title, 1]);
    expect(picked.meta.totalTime).toBe([0, start, start + 1].reduce((sum, index) => sum + (deck.slides[index]?.timing ?? 0), 0));
  });

  it('the single HTML file holds only the chosen slides', async () => {
    const out = join(tempDir(), 'some.html');
    await exportOk([SEED_ARTICLE, '-o', out, '--slides', '2-3,5', '--quiet']);
    const html = readFileSync(out, 'utf8');
    const ids = [...html.matchAll(/<section[^>]* id="(s-[^"]+)"/g)].map((match) => match[1]);
    expect(ids).toEqual([1, 2, 4].map((index) => prepared.deck.slides[index]?.id));
  });
});

describe.skipIf(SKIP_BROWSER_TESTS)('PDF and PNG by name', () => {
  it('--slides picks the pages of a PDF', async () => {
    const out = join(tempDir(), 'some.pdf');
    await exportOk([SEED_ARTICLE, '-o', out, '--slides', '2-3,6', '--quiet']);
    expect(Number(pdfInfo(out).Pages)).toBe(3);
    const { deck } = await prepareDeck(SEED_ARTICLE);
    const pages = pdfPages(out).map(normalise);
    for (const [page, index] of [1, 2, 5].entries()) expect(pages[page]).toContain(normalise(deck.slides[index]?.title ?? ''));
  }, 120_000);

  it('-o dir/ --format png writes the images into the folder; -o x.png --slides N one image', async () => {
    const dir = tempDir();
    const folder = join(dir, 'images') + '/';
    await exportOk([SEED_ARTICLE, '--format', 'png', '-o', folder, '--slides', '1-2', '--scale', '0.5', '--quiet']);
    expect(readdirSync(folder).sort()).toEqual(['.lectern-output', '001.png', '002.png']);
    const one = join(dir, 'third.png');
    await exportOk([SEED_ARTICLE, '-o', one, '--slides', '3', '--scale', '0.5', '--quiet']);
    // Half of the default 16:9 slide, 1280×720.
    expect(pngSize(one)).toEqual({ width: 640, height: 360 });
    expect(readdirSync(dir).sort()).toEqual(['images', 'third.png']);
    expect(existsSync(join(dir, '.third.png'))).toBe(false);
  }, 120_000);
});
