import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportDeck } from '../../src/api/commands.js';
import { fittingSize } from '../../src/export/pptx-fit.js';
import { pptxTheme } from '../../src/export/pptx-theme.js';
import { measureCoverage } from '../../src/outline/coverage.js';
import type { Deck, Point, Slide } from '../../src/outline/types.js';
import { prepareDeck, type PreparedDeck } from '../../src/pipeline.js';
import { exportOk, normalise, pdfInfo, pdfPages, SEED_ARTICLE, tempDir } from './helpers.js';

const EVERY_LAYOUT = new URL('./fixtures/every-layout.md', import.meta.url).pathname;
const HEBREW = new URL('../fixtures/articles/he-article.md', import.meta.url).pathname;
const SOFFICE = '/usr/bin/soffice';
const SKIP_LIBREOFFICE = !existsSync(SOFFICE) && !process.env.CI;

const DRAWING = 'http://schemas.openxmlformats.org/drawingml/2006/main';

/** The presentation read back: per slide, its paragraphs' text, and its notes' paragraphs. */
interface ReadBack {
  slides: string[][];
  notes: string[][];
  files: string[];
  zip: JSZip;
}

/** Each `<a:p>`'s text (its `<a:t>` runs joined), parsed as XML. */
function paragraphs(xml: string): string[] {
  const document = new JSDOM(xml, { contentType: 'text/xml' }).window.document;
  return Array.from(document.getElementsByTagNameNS(DRAWING, 'p'), (paragraph) =>
    Array.from(paragraph.getElementsByTagNameNS(DRAWING, 't'), (run) => run.textContent ?? '').join(''),
  ).filter((text) => text.trim() !== '');
}

async function readPptx(file: string): Promise<ReadBack> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const files = Object.keys(zip.files);
  const numbered = (pattern: RegExp): string[] =>
    files.filter((name) => pattern.test(name)).sort((a, b) => Number(/(\d+)\.xml$/.exec(a)?.[1]) - Number(/(\d+)\.xml$/.exec(b)?.[1]));
  const read = async (name: string): Promise<string> => (await zip.file(name)?.async('string')) ?? '';
  const slides = await Promise.all(numbered(/^ppt\/slides\/slide\d+\.xml$/).map(async (name) => paragraphs(await read(name))));
  // Notes pages hold the notes, then the slide number field: only the body placeholder's paragraphs are the notes.
  const notes = await Promise.all(
    slides.map(async (_slide, index) => {
      const xml = await read(`ppt/notesSlides/notesSlide${index + 1}.xml`);
      const body = /<p:sp>(?:(?!<\/p:sp>).)*?<p:ph type="body"[^>]*\/>.*?<\/p:sp>/s.exec(xml)?.[0] ?? '';
      return body ? paragraphs(`<root xmlns:a="${DRAWING}" xmlns:p="p">${body}</root>`) : [];
    }),
  );
  return { slides, notes, files, zip };
}

const flat = (points: readonly Point[] = []): string[] => points.flatMap((point) => [point.text, ...flat(point.children)]);
const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** What the deck shows on a slide, each piece as it must appear in the slide's text. */
function shownTexts(slide: Slide): string[] {
  return [
    slide.title ?? '',
    slide.subtitle ?? '',
    ...flat(slide.points),
    slide.quote?.text ?? '',
    ...(slide.figures ?? []).flatMap((figure) => [figure.value, figure.caption]),
    ...(slide.events ?? []).flatMap((event) => [event.date, event.text]),
  ]
    .map(squash)
    .filter(Boolean);
}

/** The deck as the presentation holds it: each slide's text is what its shapes say, its notes what its notes page says. */
function deckFromPptx(deck: Deck, pptx: ReadBack, withSlideText: boolean): Deck {
  return {
    ...deck,
    slides: deck.slides.map((slide, index) => ({
      id: slide.id,
      layout: 'points',
      ...(withSlideText ? { title: (pptx.slides[index] ?? []).join('\n') } : {}),
      notes: pptx.notes[index] ?? [],
      timing: slide.timing,
      lines: slide.lines,
    })),
  };
}

describe('lectern export -o talk.pptx', () => {
  const dir = tempDir();
  const out = join(dir, 'talk.pptx');
  let prepared: PreparedDeck;
  let pptx: ReadBack;

  beforeAll(async () => {
    prepared = await prepareDeck(SEED_ARTICLE);
    await exportOk([SEED_ARTICLE, '-o', out, '--quiet']);
    pptx = await readPptx(out);
  }, 60_000);

  it('is a presentation with one slide per deck slide', () => {
    expect(readFileSync(out).subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    expect(pptx.files).toContain('ppt/presentation.xml');
    expect(pptx.slides).toHaveLength(prepared.deck.slides.length);
  });

  it('holds every slide title and every point as text on its slide', () => {
    for (const [index, slide] of prepared.deck.slides.entries()) {
      const text = squash((pptx.slides[index] ?? []).join('\n'));
      for (const shown of shownTexts(slide)) expect(text, `slide ${index + 1}`).toContain(shown);
    }
  });

  it('writes points as bullet paragraphs, not pictures', async () => {
    expect(pptx.files.some((name) => name.startsWith('ppt/media/'))).toBe(false);
    const index = prepared.deck.slides.findIndex((slide) => slide.layout === 'points');
    const xml = (await pptx.zip.file(`ppt/slides/slide${index + 1}.xml`)?.async('string')) ?? '';
    expect(xml.match(/<a:buChar /g)?.length).toBe(flat(prepared.deck.slides[index]?.points).length);
  });

  it('gives every slide with notes its full notes, paragraph by paragraph', () => {
    for (const [index, slide] of prepared.deck.slides.entries()) {
      if (slide.notes.length === 0) continue;
      expect(pptx.notes[index], `slide ${index + 1}`).toEqual(slide.notes.map(squash));
    }
    const content = prepared.deck.slides.filter((slide) => !['title', 'section', 'agenda', 'closing'].includes(slide.layout));
    expect(content.every((slide) => slide.notes.length > 0)).toBe(true);
  });

  it('loses no sentence of the article: the notes alone hold every one, the section headings on their section slides', () => {
    const whole = measureCoverage(prepared.article, deckFromPptx(prepared.deck, pptx, true));
    expect(whole.missing).toEqual([]);
    const notesOnly = measureCoverage(prepared.article, deckFromPptx(prepared.deck, pptx, false));
    expect(notesOnly.missing).toEqual([]);
    expect(notesOnly.inNotes).toBe(notesOnly.sentences);
  });

  it('carries the document properties and the deck size', async () => {
    const core = (await pptx.zip.file('docProps/core.xml')?.async('string')) ?? '';
    expect(core).toContain(`<dc:title>${prepared.deck.meta.title}</dc:title>`);
    expect(core).toMatch(/<cp:keywords>[^<]+<\/cp:keywords>/);
    const presentation = (await pptx.zip.file('ppt/presentation.xml')?.async('string')) ?? '';
    // The default 16:9 deck, 1280 × 720 px at 96 px an inch: PowerPoint's own 13.33 × 7.5 in, in EMU (914,400 an inch).
    expect(presentation).toContain('<p:sldSz cx="12192000" cy="6858000"/>');
  });

  it('follows the deck’s size: 4:3 is 960 × 700 px, 10 × 7.29 in', async () => {
    const out = join(dir, 'four-three.pptx');
    await exportOk([SEED_ARTICLE, '-o', out, '--size', '4:3', '--quiet']);
    const presentation = (await (await JSZip.loadAsync(readFileSync(out))).file('ppt/presentation.xml')?.async('string')) ?? '';
    expect(presentation).toContain('<p:sldSz cx="9144000" cy="6667500"/>');
  }, 60_000);

  it('is the same bytes every time', async () => {
    const again = join(dir, 'again.pptx');
    await exportOk([SEED_ARTICLE, '--format', 'pptx', '--out', again, '--quiet']);
    expect(readFileSync(again).equals(readFileSync(out))).toBe(true);
  });

  it.skipIf(SKIP_LIBREOFFICE)(
    'opens in LibreOffice: one page per slide, every title readable',
    () => {
      const pdfDir = join(dir, 'pdf');
      const profile = `file://${join(dir, 'libreoffice-profile')}`;
      execFileSync(SOFFICE, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', pdfDir, out], {
        stdio: 'ignore',
        timeout: 120_000,
      });
      const pdf = join(pdfDir, 'talk.pdf');
      expect(Number(pdfInfo(pdf).Pages)).toBe(prepared.deck.slides.length);
      const pages = pdfPages(pdf).map(normalise);
      for (const [index, slide] of prepared.deck.slides.entries()) {
        expect(pages[index], `slide ${index + 1}`).toContain(normalise(slide.title ?? ''));
      }
    },
    150_000,
  );
});

describe('fitting text and theme colours', () => {
  it('sets text at the largest size whose lines fit the box, smaller as the text grows', () => {
    const box = { w: 9, h: 5 };
    expect(fittingSize([{ text: 'A short point' }], box, { max: 26, min: 9 })).toBe(26);
    const long = Array.from({ length: 12 }, () => ({ text: 'A point long enough to wrap onto a second line at the largest size on a slide of ten inches' }));
    const size = fittingSize(long, box, { max: 26, min: 9 });
    expect(size).toBeLessThan(26);
    expect(size).toBeGreaterThan(9);
    expect(fittingSize([...long, ...long], box, { max: 26, min: 9 })).toBeLessThan(size);
    // Wide characters take about twice the room.
    expect(fittingSize([{ text: '茶'.repeat(60) }], { w: 4, h: 1 }, { max: 26, min: 6 })).toBeLessThan(
      fittingSize([{ text: 'a'.repeat(60) }], { w: 4, h: 1 }, { max: 26, min: 6 }),
    );
  });

  it('carries the theme colours: the default theme, or a Reveal.js theme when chosen', async () => {
    const dir = tempDir();
    for (const [theme, background, heading] of [
      ['lectern', 'FBFAF7', '14213D'],
      ['moon', '002B36', 'EEE8D5'],
    ] as const) {
      const out = join(dir, `${theme}.pptx`);
      await exportOk([SEED_ARTICLE, '-o', out, '--theme', theme, '--slides', '1-2', '--quiet']);
      const zip = await JSZip.loadAsync(readFileSync(out));
      const layouts = Object.keys(zip.files).filter((name) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(name));
      const layoutXml = await Promise.all(layouts.map(async (name) => (await zip.file(name)?.async('string')) ?? ''));
      expect(layoutXml.join('')).toContain(`<a:srgbClr val="${background}"/>`);
      expect((await zip.file('ppt/slides/slide2.xml')?.async('string')) ?? '').toContain(`<a:srgbClr val="${heading}"/>`);
    }
    expect(pptxTheme('./my-theme.css')).toEqual(pptxTheme('lectern'));
  }, 60_000);
});

describe('every layout in PowerPoint', () => {
  it('maps code to monospace, tables to native tables, images to pictures, HTML to text', async () => {
    const out = join(tempDir(), 'every.pptx');
    const { deck } = await exportDeck(EVERY_LAYOUT, { out });
    const pptx = await readPptx(out);
    const layouts = new Set(deck.slides.map((slide) => slide.layout));
    for (const layout of ['title', 'agenda', 'section', 'points', 'quote', 'figure', 'table', 'code', 'list', 'image', 'html', 'closing'])
      expect(layouts).toContain(layout);
    const slideXml = async (layout: string): Promise<string> => {
      const index = deck.slides.findIndex((slide) => slide.layout === layout);
      return (await pptx.zip.file(`ppt/slides/slide${index + 1}.xml`)?.async('string')) ?? '';
    };
    const table = deck.slides.find((slide) => slide.layout === 'table')?.table;
    const tableXml = await slideXml('table');
    expect(tableXml.match(/<a:tr /g)?.length).toBe((table?.rows.length ?? 0) + 1);
    for (const cell of [...(table?.header ?? []), ...(table?.rows.flat() ?? [])]) expect(paragraphs(tableXml)).toContain(cell);
    expect(await slideXml('code')).toContain('typeface="DejaVu Sans Mono"');
    const codeSlide = deck.slides.find((slide) => slide.layout === 'code');
    const code = codeSlide?.code?.code ?? '';
    // The title, and the sentence that leads into the code when there is one, come before its lines.
    expect(
      paragraphs(await slideXml('code'))
        .slice(codeSlide?.subtitle ? 2 : 1)
        .map((line) => line.trimEnd()),
    ).toEqual(
      code
        .split('\n')
        .map((line) => line.trimEnd())
        .filter(Boolean),
    );
    expect(await slideXml('image')).toMatch(/<p:pic>/);
    expect(pptx.files.filter((name) => name.startsWith('ppt/media/'))).toHaveLength(1);
    expect(paragraphs(await slideXml('html'))).toEqual(expect.arrayContaining(['Safety first: unplug before opening anything.', 'Never open a microwave.']));
    const quote = deck.slides.find((slide) => slide.layout === 'quote');
    expect(squash(paragraphs(await slideXml('quote')).join(' '))).toContain(squash(quote?.quote?.text ?? ''));
  }, 60_000);

  it('draws a timeline as a date and a text per event, a marker on a line between them, in time order', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'ferry.md'),
      '# The Ferry\n\n## Crossings\n\n- In 1921 the first ferry crossed the estuary.\n- In 1948 a diesel boat replaced the steamer.\n- On June 2nd, 1963, the council bought the service.\n- In 1995 a new slipway opened.\n- In 2014 the ferry ran its last crossing.\n',
    );
    const out = join(dir, 'ferry.pptx');
    const { deck } = await exportDeck(join(dir, 'ferry.md'), { out });
    const index = deck.slides.findIndex((slide) => slide.layout === 'timeline');
    const events = deck.slides[index]?.events ?? [];
    expect(events).toHaveLength(5);
    const pptx = await readPptx(out);
    expect(pptx.slides[index]).toEqual([deck.slides[index]?.title, ...events.flatMap((event) => [event.date, event.text])]);
    const xml = (await pptx.zip.file(`ppt/slides/slide${index + 1}.xml`)?.async('string')) ?? '';
    expect(xml.match(/prst="ellipse"/g)).toHaveLength(5);
    expect(xml.match(/prst="line"/g)).toHaveLength(1);
    expect(pptx.notes[index]).toContain('In 1948 a diesel boat replaced the steamer.');
  }, 60_000);

  it('embeds only images inside the article roots', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'article'));
    copyFileSync(new URL('./fixtures/diagram.png', import.meta.url).pathname, join(dir, 'outside.png'));
    writeFileSync(join(dir, 'article', 'talk.md'), '# Plans\n\n![The plan from next door](../outside.png)\n\nThe plan is kept in the next folder.\n');
    const out = join(dir, 'talk.pptx');
    const { warnings } = await exportDeck(join(dir, 'article', 'talk.md'), { out });
    expect(warnings.map((warning) => warning.message).join('\n')).toMatch(/outside\.png/);
    const pptx = await readPptx(out);
    expect(pptx.files.filter((name) => name.startsWith('ppt/media/'))).toEqual([]);
    expect(pptx.slides.flat()).toContain('The plan from next door');
  }, 60_000);

  it('sets right-to-left paragraphs for a Hebrew article, on the slides and in the notes', async () => {
    const out = join(tempDir(), 'he.pptx');
    await exportOk([HEBREW, '-o', out, '--quiet']);
    const zip = await JSZip.loadAsync(readFileSync(out));
    const slide = (await zip.file('ppt/slides/slide4.xml')?.async('string')) ?? '';
    const paragraphProperties = slide.match(/<a:pPr[^>]*>/g) ?? [];
    expect(paragraphProperties.length).toBeGreaterThan(1);
    for (const properties of paragraphProperties) expect(properties).toMatch(/rtl="1"/);
    expect((await zip.file('ppt/notesSlides/notesSlide4.xml')?.async('string')) ?? '').toMatch(/<a:pPr algn="r" rtl="1"\/><a:r><a:rPr lang="he"/);
  }, 60_000);

  it('--slides keeps only the chosen slides, in order', async () => {
    const out = join(tempDir(), 'some.pptx');
    await exportOk([SEED_ARTICLE, '-o', out, '--slides', '2,4-5', '--quiet']);
    const { deck } = await prepareDeck(SEED_ARTICLE);
    const pptx = await readPptx(out);
    expect(pptx.slides).toHaveLength(3);
    for (const [position, index] of [1, 3, 4].entries())
      expect(squash(pptx.slides[position]?.join('\n') ?? '')).toContain(squash(deck.slides[index]?.title ?? ''));
  }, 60_000);
});
