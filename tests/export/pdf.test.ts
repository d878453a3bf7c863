import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/errors.js';
import { exportPdf, PARALLEL_FROM_PAGES, printPlan, sliceSlides } from '../../src/export/pdf.js';
import { prepareDeck } from '../../src/pipeline.js';
import { namedLinks } from './pdf-links.js';
import { closeBrowser, launchBrowser } from '../../src/browser/launch.js';
import {
  DEFAULT_DECK,
  deckWithHeadings,
  exportOk,
  LONG_NOTES,
  normalise,
  pageDeviations,
  pdfInfo,
  pdfPages,
  SEED_ARTICLE,
  sentences,
  SKIP_BROWSER_TESTS,
  tempDir,
} from './helpers.js';

/** Bookmarks read straight from the catalog: title and 0-based page index of each top-level /Outlines entry. */
async function outline(file: string): Promise<Array<{ title: string; page: number }>> {
  const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const pages = new Map(doc.getPages().map((page, index) => [page.ref.toString(), index] as const));
  const root = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const entries = [];
  for (let item = root?.lookupMaybe(PDFName.of('First'), PDFDict); item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
    const title = item.lookup(PDFName.of('Title'));
    const dest = item.lookup(PDFName.of('Dest'));
    const target = dest instanceof PDFArray ? dest.get(0) : undefined;
    entries.push({
      title: title instanceof PDFHexString || title instanceof PDFString ? title.decodeText() : '',
      page: target instanceof PDFRef ? (pages.get(target.toString()) ?? -1) : -1,
    });
  }
  return entries;
}

/** Hebrew, Arabic (pdftotext reorders them) and Khitan (no font here, so no glyphs to read back). */
const UNREADABLE_LETTERS = /[\u0590-\u08ff\p{Script=Khitan_Small_Script}]/gu;

/** A notes page's header label (`Slide 3/17 · notes`, maybe `(continued)`), which opens the page. */
function notesHeader(page: string, slide: number, total: number): { continued: boolean; rest: string } | undefined {
  const text = page.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ''); // bidi marks pdftotext adds
  const match = new RegExp(`^\\s*Slide ${slide}/${total} · notes( \\(continued\\))?\\s*\\n`).exec(text);
  return match ? { continued: match[1] !== undefined, rest: text.slice(match[0].length) } : undefined;
}

/**
 * Walks a notes PDF slide by slide: each slide's page, then its notes pages, in order.
 * Returns, per slide, the notes text found on its pages, without the headers of notes pages.
 */
function notesBySlide(pages: string[], { deck, headings }: Shown): string[] {
  const total = deck.slides.length;
  const found: string[] = [];
  let at = 0;
  deck.slides.forEach((slide, index) => {
    const page = pages[at] ?? '';
    // Letters pdftotext cannot read back (right-to-left scripts, a script with no font) are left out of the comparison.
    const readable = (text: string): string => normalise(text).replace(UNREADABLE_LETTERS, '');
    expect(readable(page), `page ${at + 1} shows slide ${index + 1}`).toContain(readable(headings[index] ?? ''));
    let text = '';
    at += 1;
    if (slide.notes.length > 0) {
      const header = notesHeader(pages[at] ?? '', index + 1, total);
      expect(header && !header.continued, `a notes page follows slide ${index + 1}`).toBe(true);
      text += header?.rest ?? '';
      at += 1;
    }
    for (let header = notesHeader(pages[at] ?? '', index + 1, total); header?.continued; header = notesHeader(pages[at] ?? '', index + 1, total)) {
      text += header.rest;
      at += 1;
    }
    found.push(text);
  });
  expect(at, 'no pages left over').toBe(pages.length);
  return found;
}

/** A handout row's label: `Slide 3/17 · notes`, or `(continued)` on the rows its notes run on to. */
const HANDOUT_LABEL = /Slide (\d+)\/(\d+) · notes( \(continued\))?/g;

/**
 * Reads a handout slide by slide: the text after each slide's labels (up to the next label), per slide, and how many
 * rows continued its notes. Every slide must be labelled once, in order, and its continued rows next to it.
 */
function handoutBySlide(pages: string[], { deck }: Shown): { notes: string[]; continued: number[] } {
  const total = deck.slides.length;
  const text = pages.join('\n').replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
  const notes: string[] = deck.slides.map(() => '');
  const continued: number[] = deck.slides.map(() => 0);
  const labels = Array.from(text.matchAll(HANDOUT_LABEL));
  let expected = 1;
  labels.forEach((label, index) => {
    const slide = Number(label[1]);
    expect(Number(label[2])).toBe(total);
    if (label[3]) {
      // pdftotext may read a continued row just before the label of the slide it continues, never elsewhere.
      expect([expected - 1, expected], 'a continuation sits by its own slide').toContain(slide);
      continued[slide - 1] = (continued[slide - 1] ?? 0) + 1;
    } else {
      expect(slide, 'slides are labelled in order').toBe(expected);
      expected += 1;
    }
    const end = labels[index + 1]?.index ?? text.length;
    notes[slide - 1] += text.slice((label.index ?? 0) + label[0].length, end);
  });
  expect(expected - 1, 'every slide is on the handout').toBe(total);
  return { notes, continued };
}

/**
 * Ruled lines drawn across a box of the first page (fractions of its width and height): pixel rows of a grey render
 * with no white pixel in the box. Text never makes one, as the gaps between its words stay white.
 */
function ruledLines(file: string, box: { left: number; right: number; top: number; bottom: number }): number {
  const dir = tempDir();
  execFileSync('pdftoppm', ['-gray', '-r', '50', '-f', '1', '-l', '1', file, join(dir, 'p')]);
  const bytes = readFileSync(join(dir, readdirSync(dir).find((name) => name.endsWith('.pgm')) ?? 'missing'));
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a PGM file');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = bytes.subarray(header[0].length);
  let lines = 0;
  let onLine = false;
  for (let y = Math.round(box.top * height); y < Math.round(box.bottom * height); y++) {
    let lightest = 0;
    for (let x = Math.round(box.left * width); x < Math.round(box.right * width); x++) lightest = Math.max(lightest, pixels[y * width + x] ?? 255);
    const ruled = lightest < 245;
    if (ruled && !onLine) lines += 1;
    onLine = ruled;
  }
  return lines;
}

/** Width and height in points from pdfinfo's `Page size`. */
function pageSize(file: string): [number, number] {
  const [width, height] = (pdfInfo(file)['Page size'] ?? '').split(/\s+x\s+|\s+/).map(Number);
  return [width ?? 0, height ?? 0];
}

function expectEveryNoteSentence({ deck }: Shown, found: string[], skip: (sentence: string) => boolean = () => false): number {
  let checked = 0;
  deck.slides.forEach((slide, index) => {
    const text = normalise(found[index] ?? '');
    for (const sentence of slide.notes.flatMap(sentences)) {
      if (skip(sentence)) continue;
      expect(text, `slide ${index + 1} notes hold: ${sentence}`).toContain(normalise(sentence));
      checked += 1;
    }
  });
  return checked;
}

type Shown = Awaited<ReturnType<typeof deckWithHeadings>>;

/** Right-to-left text comes out of pdftotext in visual order, and text with no font as whatever the box maps to. */
const unreadable = (sentence: string): boolean => new RegExp(UNREADABLE_LETTERS.source, 'u').test(sentence);

describe.skipIf(SKIP_BROWSER_TESTS)('lectern export --format pdf', () => {
  const dir = tempDir();
  const files = {
    slides: join(dir, 'slides.pdf'),
    notes: join(dir, 'notes.pdf'),
    handout: join(dir, 'handout.pdf'),
    longNotes: join(dir, 'long-notes.pdf'),
    longHandout: join(dir, 'long-handout.pdf'),
  };
  let seed: Shown;
  let deck: Shown;
  let long: Shown;
  let longWarnings = '';

  beforeAll(async () => {
    seed = await deckWithHeadings(SEED_ARTICLE);
    deck = await deckWithHeadings(DEFAULT_DECK);
    long = await deckWithHeadings(LONG_NOTES);
    // One export per variant, run one after another: the machine has two cores.
    await exportOk([SEED_ARTICLE, '--out', files.slides]);
    await exportOk([SEED_ARTICLE, '--notes', '--out', files.notes]);
    await exportOk([DEFAULT_DECK, '--handout', '--out', files.handout]);
    longWarnings = await exportOk([LONG_NOTES, '--notes', '--out', files.longNotes]);
    await exportOk([LONG_NOTES, '--handout', '--paper', 'letter', '--quiet', '--out', files.longHandout]);
  }, 180_000);

  it('prints one page per slide at the slide size, each slide title extractable in order', () => {
    const info = pdfInfo(files.slides);
    expect(Number(info.Pages)).toBe(seed.deck.slides.length);
    const [width, height] = (info['Page size'] ?? '').split(/\s+x\s+|\s+/).map(Number);
    expect(width).toBeCloseTo(960, 0); // 1280 px (16:9) at 96 px per inch
    expect(height).toBeCloseTo(540, 0);
    const pages = pdfPages(files.slides);
    seed.headings.forEach((heading, index) => expect(normalise(pages[index] ?? ''), `page ${index + 1}`).toContain(normalise(heading)));
  });

  it('prints the page at the deck’s size: 4:3 from --size, and notes pages of that size', async () => {
    const dir = tempDir();
    const out = join(dir, 'four-three.pdf');
    await exportOk([DEFAULT_DECK, '--size', '4:3', '--notes', '--quiet', '--out', out]);
    const [width, height] = (pdfInfo(out)['Page size'] ?? '').split(/\s+x\s+|\s+/).map(Number);
    expect(width).toBeCloseTo(720, 0); // 960 px at 96 px per inch
    expect(height).toBeCloseTo(525, 0);
    // No blank page: each slide and its notes fit the smaller page.
    const deviations = pageDeviations(out);
    expect(deviations.length).toBe(Number(pdfInfo(out).Pages));
    deviations.forEach((deviation, index) => expect(deviation, `page ${index + 1}`).toBeGreaterThan(1));
  }, 120_000);

  it('carries the deck metadata and one bookmark per section, at the section page', async () => {
    const info = pdfInfo(files.slides);
    expect(info.Title).toBe(seed.deck.meta.title);
    expect(info.Creator).toBe('Lectern');
    expect(info.Keywords).toContain(seed.deck.sections[0]?.title);
    const marks = await outline(files.slides);
    expect(marks.map((mark) => mark.title)).toEqual(seed.deck.sections.map((section) => section.title));
    expect(marks.map((mark) => mark.page)).toEqual(seed.deck.sections.map((section) => section.slideIndex));
    const handoutInfo = pdfInfo(files.handout);
    expect(handoutInfo.Title).toBe(deck.deck.meta.title);
    expect(handoutInfo.Author).toBe(deck.deck.meta.author);
    expect(handoutInfo.Subject).toBe(deck.deck.meta.subtitle);
  });

  it('embeds its fonts, keeps links and prints no blank page', () => {
    const fonts = execFileSync('pdffonts', [files.slides], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font).toMatch(/\byes\s+yes\s+yes\b/); // embedded, subset, unicode map
    for (const file of [files.slides, files.notes, files.handout]) {
      const deviations = pageDeviations(file);
      expect(deviations.length).toBe(Number(pdfInfo(file).Pages));
      deviations.forEach((deviation, index) => expect(deviation, `${file} page ${index + 1}`).toBeGreaterThan(1));
    }
  });

  it('--notes: a notes page follows each slide with notes and holds every sentence of them', async () => {
    const pages = pdfPages(files.notes);
    const withNotes = seed.deck.slides.filter((slide) => slide.notes.length > 0).length;
    expect(pages.length).toBeGreaterThanOrEqual(seed.deck.slides.length + withNotes);
    expect(expectEveryNoteSentence(seed, notesBySlide(pages, seed))).toBeGreaterThan(20);
    const marks = await outline(files.notes);
    expect(marks).toHaveLength(seed.deck.sections.length);
    marks.forEach((mark, index) => expect(normalise(pages[mark.page] ?? '')).toContain(normalise(seed.deck.sections[index]?.title ?? '')));
  });

  it('--handout: portrait A4 pages of three slides, each with its notes beside it, title and page numbers', () => {
    // Two columns side by side: read in drawing order, each slide's label before its notes.
    const pages = pdfPages(files.handout, { raw: true });
    const [width, height] = pageSize(files.handout);
    expect(Math.round(width)).toBe(596); // A4, 595.3 × 841.9 pt, as Chromium rounds it
    expect(Math.round(height)).toBe(842);
    const { notes, continued } = handoutBySlide(pages, deck);
    // This deck's notes all fit beside their slides, so the pages are exactly the slides in threes.
    expect(continued.every((count) => count === 0)).toBe(true);
    expect(pages).toHaveLength(Math.ceil(deck.deck.slides.length / 3));
    pages.forEach((page, index) => {
      expect(page).toContain(deck.deck.meta.title);
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
      for (const slide of [0, 1, 2].map((row) => index * 3 + row).filter((slide) => slide < deck.headings.length)) {
        expect(normalise(page), `page ${index + 1} shows slide ${slide + 1}`).toContain(normalise(deck.headings[slide] ?? ''));
      }
    });
    expect(expectEveryNoteSentence(deck, notes)).toBeGreaterThan(20);
    // A slide without notes (the first) gets ruled lines for the reader's own; one with notes (the second) none.
    expect(deck.deck.slides[0]?.notes).toEqual([]);
    expect(deck.deck.slides[1]?.notes.length).toBeGreaterThan(0);
    const column = { left: 0.6, right: 0.92 };
    expect(ruledLines(files.handout, { ...column, top: 0.07, bottom: 0.33 })).toBeGreaterThan(8);
    expect(ruledLines(files.handout, { ...column, top: 0.37, bottom: 0.62 })).toBe(0);
  });

  it('--handout --paper letter, and long notes go on in rows after their slide without losing a sentence', () => {
    const [width, height] = pageSize(files.longHandout);
    expect([Math.round(width), Math.round(height)]).toEqual([612, 792]);
    const pages = pdfPages(files.longHandout, { raw: true });
    const { notes, continued } = handoutBySlide(pages, long);
    const longest = long.deck.slides.findIndex((slide) => slide.notes.join(' ').length > 10_000);
    expect(continued[longest]).toBeGreaterThan(1);
    expect(pages.length).toBeGreaterThan(Math.ceil(long.deck.slides.length / 3));
    expect(expectEveryNoteSentence(long, notes, unreadable)).toBeGreaterThan(130);
  });

  it('--notes: long notes continue on following pages without losing a sentence, in any script', () => {
    const pages = pdfPages(files.longNotes);
    const longest = long.deck.slides.findIndex((slide) => slide.notes.join(' ').length > 10_000);
    expect(pages.filter((page) => notesHeader(page, longest + 1, long.deck.slides.length)?.continued).length).toBeGreaterThan(1);
    // Hebrew and Arabic are checked letter by letter below.
    expect(expectEveryNoteSentence(long, notesBySlide(pages, long), unreadable)).toBeGreaterThan(130);
  });

  it('shows Chinese, Hebrew and Arabic with real glyphs, and warns by name about a script with no font', () => {
    // Every letter of those scripts in the notes comes out as text (glyphs drawn from an installed font)…
    const text = pdfPages(files.longNotes).join('\n').normalize('NFKC');
    const letters =
      long.deck.slides
        .flatMap((slide) => slide.notes)
        .join('')
        .match(/[\p{Script=Han}\p{Script=Hebrew}\p{Script=Arabic}]/gu) ?? [];
    expect(new Set(letters).size).toBeGreaterThan(40);
    for (const letter of new Set(letters)) expect(text, `letter ${letter}`).toContain(letter);
    // …and the browser's check found a font for each of them, but none for Khitan.
    expect(longWarnings).toMatch(/no font for Khitan Small Script/);
    expect(longWarnings).not.toMatch(/no font for (Han|Hebrew|Arabic)/);
  });
});

describe.skipIf(SKIP_BROWSER_TESTS)('lectern export --format pdf --fragments', () => {
  it('prints a slide whose points appear one at a time as one page per step; without the flag, one page with all', async () => {
    const dir = tempDir();
    const source = join(dir, 'steps.md');
    writeFileSync(
      source,
      '---\ntitle: Steps\nfragments: true\n---\n\n## Part\n\nThe opening step is small.\n\n### Three items\n\n- Lanterns were lit\n- Nets were mended\n- Boats went out\n',
    );
    const all = join(dir, 'all.pdf');
    const stepped = join(dir, 'stepped.pdf');
    await exportOk([source, '--quiet', '--out', all]);
    await exportOk([source, '--fragments', '--quiet', '--out', stepped]);
    const { deck } = await deckWithHeadings(source);
    const steps = deck.slides.map((slide) => (slide.layout === 'title' || slide.layout === 'section' ? 0 : (slide.points?.length ?? 0)));
    expect(pdfInfo(all).Pages).toBe(String(deck.slides.length));
    // Reveal prints the slide with no fragment shown, then one page per fragment step.
    expect(pdfInfo(stepped).Pages).toBe(String(steps.reduce((sum, count) => sum + 1 + count, 0)));
    const list = pdfPages(stepped).filter((page) => page.includes('Three items'));
    expect(list.map((page) => ['Lanterns', 'Nets', 'Boats'].filter((word) => page.includes(word)).length)).toEqual([0, 1, 2, 3]);
    expect(['Lanterns', 'Nets', 'Boats'].every((word) => pdfPages(all).some((page) => page.includes(word)))).toBe(true);
  }, 60_000);
});

/** Every link annotation's URI, page by page. */
async function linkTargets(file: string): Promise<string[][]> {
  const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  return doc.getPages().map((page) => {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    const uris: string[] = [];
    for (let index = 0; index < (annots?.size() ?? 0); index++) {
      const action = annots?.lookupMaybe(index, PDFDict)?.lookupMaybe(PDFName.of('A'), PDFDict);
      const uri = action?.lookup(PDFName.of('URI'));
      if (uri instanceof PDFString || uri instanceof PDFHexString) uris.push(uri.decodeText());
    }
    return uris;
  });
}

/** Every link to a named destination in the PDF file: the page it is on and the page it opens. */
async function pageLinks(file: string): Promise<Array<{ from: number; to: number }>> {
  return namedLinks(await PDFDocument.load(readFileSync(file), { updateMetadata: false }));
}

describe.skipIf(SKIP_BROWSER_TESTS)('lectern export --format pdf of a long deck, printed in parts', () => {
  it('joins the parts into the same pages, text, links and bookmarks as one print', async () => {
    const dir = tempDir();
    const source = join(dir, 'harbour.md');
    const sections = Array.from(
      { length: 6 },
      (_, n) =>
        `## Quay ${n + 1}\n\n` +
        Array.from(
          { length: 3 },
          (_, k) =>
            `### Berth ${n + 1}.${k + 1}\n\n- Ships moored at berth ${n + 1}.${k + 1} unload timber.\n- The [harbour log ${n + 1}.${k + 1}](https://example.org/log/${n + 1}/${k + 1}) lists them.\n`,
        ).join('\n'),
    );
    writeFileSync(source, `---\ntitle: Harbour Berths\n---\n\n${sections.join('\n')}`);
    const prepared = await prepareDeck(source);
    const whole = join(dir, 'whole.pdf');
    const parts = join(dir, 'parts.pdf');
    await exportPdf(prepared, whole, { mode: 'slides', fragments: false });
    await exportPdf(prepared, parts, { mode: 'slides', fragments: false, pagesPerPrint: 4 });
    expect(pdfInfo(parts).Pages).toBe(String(prepared.deck.slides.length));
    expect(pdfPages(parts)).toEqual(pdfPages(whole));
    const links = await linkTargets(parts);
    expect(links.flat()).toHaveLength(18);
    expect(links).toEqual(await linkTargets(whole));
    expect(await outline(parts)).toEqual(await outline(whole));
    // No part ends in a blank page: every page has something on it.
    pageDeviations(parts).forEach((deviation, index) => expect(deviation, `page ${index + 1}`).toBeGreaterThan(1));
  }, 90_000);

  it('joins parts that hold pictures: every picture is on its page, as in one print', async () => {
    const dir = tempDir();
    copyFileSync(new URL('./fixtures/diagram.png', import.meta.url).pathname, join(dir, 'diagram.png'));
    const source = join(dir, 'workshop.md');
    const slides = Array.from(
      { length: 9 },
      (_, n) => `### Table ${n + 1}\n\n![Repair table ${n + 1} seen from above](diagram.png)\n\nNote: Table ${n + 1} takes radios.\n`,
    );
    writeFileSync(source, `---\ntitle: Repair Café\n---\n\n## Tables\n\n${slides.join('\n')}`);
    const prepared = await prepareDeck(source);
    const whole = join(dir, 'whole.pdf');
    const parts = join(dir, 'parts.pdf');
    await exportPdf(prepared, whole, { mode: 'slides', fragments: false });
    await exportPdf(prepared, parts, { mode: 'slides', fragments: false, pagesPerPrint: 3 });
    /** The page of each picture, from pdfimages' list (page, number, type, width, height, …). */
    const pictures = (file: string): string[] =>
      execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
        .split('\n')
        .slice(2)
        .filter((line) => line.trim() !== '')
        .map((line) => line.trim().split(/\s+/))
        .map(([page, , type, width, height]) => `${page} ${type} ${width}x${height}`);
    expect(pictures(parts)).toEqual(pictures(whole));
    expect(new Set(pictures(parts).map((line) => line.split(' ')[0])).size).toBe(9);
    expect(pdfPages(parts)).toEqual(pdfPages(whole));
  }, 90_000);

  it.each(['slides', 'notes'] as const)(
    'prints the same bytes in two tabs at once as in one tab (%s)',
    async (mode) => {
      const dir = tempDir();
      const source = join(dir, 'orchard.md');
      // The first and the last tree have labels in a script no font here covers (one character on both), so both
      // prints must warn about it, counting each character once. The last tree links back to the first one's slide.
      const extra = (n: number, k: number): string =>
        n === 0 && k === 0
          ? '- Its label reads \u{18B01}\u{18B02}.\n'
          : n === 4 && k === 3
            ? '- Its label reads \u{18B00}\u{18B01}.\n- It was grafted from [tree 1.1](#s-tree-1-1).\n'
            : '';
      const rows = Array.from(
        { length: 5 },
        (_, n) =>
          `## Row ${n + 1}\n\n` +
          Array.from(
            { length: 4 },
            (_, k) =>
              `### Tree ${n + 1}.${k + 1}\n\n- Tree ${n + 1}.${k + 1} gave ${10 + n * 4 + k} baskets of pears.\n- It was pruned in [week ${k + 2}](https://example.org/prune/${n}/${k}).\n${extra(n, k)}\nNotes: Pick tree ${n + 1}.${k + 1} last, after the rain.\n`,
          ).join('\n'),
      );
      writeFileSync(source, `---\ntitle: Pear Orchard\n---\n\n${rows.join('\n')}`);
      const prepared = await prepareDeck(source);
      const [serial, parallel] = [join(dir, 'serial.pdf'), join(dir, 'parallel.pdf')];
      const one = await exportPdf(prepared, serial, { mode, fragments: false, pagesPerPrint: 3, printTabs: 1 });
      const two = await exportPdf(prepared, parallel, { mode, fragments: false, pagesPerPrint: 3, printTabs: 2 });
      expect(Number(pdfInfo(serial).Pages)).toBeGreaterThanOrEqual(prepared.deck.slides.length);
      // In slides mode each tab lays out only the slides it prints.
      expect([one.slicedTabs, two.slicedTabs]).toEqual([0, mode === 'slides' ? 2 : 0]);
      expect(readFileSync(parallel).equals(readFileSync(serial))).toBe(true);
      // The link works across parts, and across the tabs' pages.
      const slidePage = (title: string): number => one.pages.findIndex((entry) => entry.kind === 'slide' && prepared.deck.slides[entry.slide]?.title === title);
      expect(await pageLinks(parallel)).toEqual([{ from: slidePage('Tree 5.4'), to: slidePage('Tree 1.1') }]);
      expect(one.warnings.map((warning) => warning.message)).toContainEqual(expect.stringMatching(/^no font for Khitan Small Script text \(3 characters/));
      expect(two.warnings).toEqual(one.warnings);
    },
    120_000,
  );
});

describe.skipIf(SKIP_BROWSER_TESTS)('lectern export --format pdf of a long deck whose template stacks slides', () => {
  it('lays the whole deck out in every tab when a slide makes more than one page, with the same bytes as one tab', async () => {
    const dir = tempDir();
    // Each slide is a vertical stack of two (the slide, then a page of questions): two pages a slide in print.
    mkdirSync(join(dir, 'stacked'));
    writeFileSync(
      join(dir, 'stacked', 'slide.hbs'),
      '<section class="stacked">\n<section id="{{slide.id}}" data-layout="{{slide.layout}}">\n<div class="slide-frame">\n{{{body}}}\n</div>\n{{> notes slide}}\n</section>\n' +
        '<section><div class="slide-frame"><p>Questions on {{slide.title}}?</p></div></section>\n</section>\n',
    );
    const boats = Array.from({ length: 10 }, (_, n) => `### Boat ${n + 1}\n\n- Boat ${n + 1} carries ${4 + n} crates of lemons.\n`);
    const source = join(dir, 'harbour.md');
    writeFileSync(source, `---\ntitle: Lemon Harbour\ntemplates: stacked\n---\n\n## Quay\n\n${boats.join('\n')}`);
    const prepared = await prepareDeck(source, { trustArticle: true });
    const [serial, parallel] = [join(dir, 'serial.pdf'), join(dir, 'parallel.pdf')];
    const one = await exportPdf(prepared, serial, { mode: 'slides', fragments: false, pagesPerPrint: 3, printTabs: 1 });
    const two = await exportPdf(prepared, parallel, { mode: 'slides', fragments: false, pagesPerPrint: 3, printTabs: 2 });
    expect(two.slicedTabs).toBe(0);
    expect(two.pages).toHaveLength(2 * prepared.deck.slides.length);
    expect(pdfPages(parallel).filter((page) => page.includes('Questions on Boat'))).toHaveLength(10);
    expect(readFileSync(parallel).equals(readFileSync(serial))).toBe(true);
    expect(one.pages).toEqual(two.pages);
  }, 120_000);
});

describe.skipIf(SKIP_BROWSER_TESTS)('lectern export --format pdf of a deck whose language tag ICU refuses', () => {
  it.each(['notes', 'handout'] as const)(
    'prints %s pages, splitting long notes at words all the same',
    async (mode) => {
      const dir = tempDir();
      const source = join(dir, 'tides.md');
      // Front matter whose `lang: zh` ran into the next line reads as the language "zh - Tide.", which Intl.Segmenter
      // refuses with a RangeError (found by tests/fuzz/markdown.test.ts).
      const notes = Array.from({ length: 60 }, (_, n) => `The tide of day ${n + 1} rose ${n + 3} centimetres above the mark.`).join(' ');
      writeFileSync(source, `---\ntitle: Tides\nlang: zh\n  - Tide.\n\n---\n\n## Harbour\n\n- The tide rose at dawn.\n\nNotes: ${notes}\n`);
      const prepared = await prepareDeck(source);
      expect(prepared.deck.meta.lang).toBe('zh - Tide.');
      const out = join(dir, `tides-${mode}.pdf`);
      await exportPdf(prepared, out, { mode, fragments: false });
      // Without the pages' own words: the headers of notes pages and rows, the handout's title and page numbers.
      const text = normalise(pdfPages(out).join(' ')).replace(/slide\d+\/\d+·notes(\(continued\))?|page\d+of\d+|tides/g, '');
      for (let day = 1; day <= 60; day++) expect(text).toContain(normalise(`The tide of day ${day} rose ${day + 2} centimetres`));
    },
    60_000,
  );
});

describe.skipIf(SKIP_BROWSER_TESTS)('PDF export failures', () => {
  it('reports a deck that cannot be staged as itself, not as a failure of the browser, and leaves no file', async () => {
    const dir = tempDir();
    const prepared = await prepareDeck(DEFAULT_DECK);
    const out = join(dir, 'deck.pdf');
    // The browser is up first; the deck is staged (while its tabs open) in a temporary folder that cannot be made.
    const browser = launchBrowser(undefined);
    const saved = process.env.TMPDIR;
    try {
      await browser;
      process.env.TMPDIR = join(dir, 'missing');
      const failure = await exportPdf(prepared, out, { mode: 'slides', fragments: false, browser }).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(String(failure)).toContain(`cannot make a working folder in the temporary folder ${join(dir, 'missing')}: it does not exist`);
      expect(failure).toMatchObject({ exitCode: ExitCode.output });
      expect(String(failure)).not.toMatch(/browser/);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
      await closeBrowser(browser);
    }
    expect(readdirSync(dir)).toEqual([]);
  }, 60_000);
});

describe('printPlan', () => {
  it('prints a deck in one go up to 150 pages, and a longer one in near-equal parts (at least two) that follow each other', () => {
    expect(printPlan(30)).toEqual([{ from: 0, to: 30 }]);
    expect(printPlan(150)).toHaveLength(1);
    expect(printPlan(282)).toEqual([
      { from: 0, to: 141 },
      { from: 141, to: 282 },
    ]);
    expect(printPlan(376)).toEqual([
      { from: 0, to: 188 },
      { from: 188, to: 376 },
    ]);
    const long = printPlan(2802);
    expect(long).toHaveLength(12);
    expect(long[0]!.from).toBe(0);
    expect(long.at(-1)!.to).toBe(2802);
    long.slice(1).forEach((part, index) => expect(part.from).toBe(long[index]!.to));
    expect(Math.max(...long.map((part) => part.to - part.from)) - Math.min(...long.map((part) => part.to - part.from))).toBeLessThanOrEqual(1);
    // A deck long enough for two tabs always has parts for both.
    expect(printPlan(PARALLEL_FROM_PAGES).length).toBeGreaterThanOrEqual(2);
  });
});

describe('sliceSlides', () => {
  const slides = { mode: 'slides', fragments: false } as const;

  it('gives each tab a run of whole parts of the print plan, in order, for a long deck', () => {
    expect(sliceSlides(278, slides)).toEqual([
      { slides: { from: 0, to: 139 }, parts: [{ from: 0, to: 139 }] },
      { slides: { from: 139, to: 278 }, parts: [{ from: 139, to: 278 }] },
    ]);
    const long = sliceSlides(2768, slides);
    expect(long.map((slice) => slice.parts.length)).toEqual([6, 6]);
    expect(long.flatMap((slice) => slice.parts)).toEqual(printPlan(2768));
    expect(long.map((slice) => slice.slides)).toEqual([
      { from: 0, to: long[0]!.parts.at(-1)!.to },
      { from: long[1]!.parts[0]!.from, to: 2768 },
    ]);
    // Forced tabs, never more than there are parts.
    expect(sliceSlides(30, { ...slides, printTabs: 2, pagesPerPrint: 3 }).flatMap((slice) => slice.parts)).toEqual(printPlan(30, 3));
    expect(sliceSlides(300, { ...slides, printTabs: 5 })).toHaveLength(2);
  });

  it('gives none for one tab, one part, or pages that cannot be counted before the layout', () => {
    expect(sliceSlides(150, slides)).toEqual([]);
    expect(sliceSlides(151, slides).map((slice) => slice.slides)).toEqual([
      { from: 0, to: 75 },
      { from: 75, to: 151 },
    ]);
    expect(sliceSlides(278, { ...slides, printTabs: 1 })).toEqual([]);
    expect(sliceSlides(120, { ...slides, printTabs: 2 })).toEqual([]);
    expect(sliceSlides(278, { mode: 'notes', fragments: false })).toEqual([]);
    expect(sliceSlides(278, { mode: 'handout', fragments: false })).toEqual([]);
    expect(sliceSlides(278, { mode: 'slides', fragments: true })).toEqual([]);
  });
});
