/**
 * PowerPoint export: the deck as a native, editable presentation (pptxgenjs): text boxes, bullet lists, tables and
 * pictures, the full speaker notes, the theme's colours, the document's properties. Same deck, same bytes.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { imageSize } from 'image-size';
import pptxgenjs from 'pptxgenjs';
import type { Warning } from '../errors.js';
import type { Deck, Slide } from '../outline/types.js';
import type { PreparedDeck } from '../pipeline.js';
import { writeFileAtomically } from '../site/atomic.js';
import { sourceFiles } from '../site/output-guard.js';
import { drawSlide, frameFor, type SlideImage } from './pptx-slides.js';
import { stabilisePptx } from './pptx-stable.js';
import { pptxTheme } from './pptx-theme.js';

export interface PptxOptions {
  /** Overwrite an existing file that is not a PowerPoint file (never the source). */
  force?: boolean;
}

export interface PptxResult {
  bytes: number;
  warnings: Warning[];
}

// The types describe the CommonJS build, where the class is `default`; Node's ESM import gives the class itself.
const PptxGenJS = ((pptxgenjs as unknown as { default?: unknown }).default ?? pptxgenjs) as typeof pptxgenjs.default;

/** Writes the deck to `out` as a .pptx file, atomically. */
export async function exportPptx(prepared: PreparedDeck, out: string, options: PptxOptions = {}): Promise<PptxResult> {
  const { bytes, warnings } = await buildPptx(prepared);
  await writeFileAtomically(out, (temporary) => writeFile(temporary, bytes), { kind: 'pptx', force: options.force, protect: sourceFiles(prepared.deck.file) });
  return { bytes: bytes.length, warnings };
}

/** The presentation's bytes. */
export async function buildPptx(prepared: PreparedDeck): Promise<{ bytes: Uint8Array; warnings: Warning[] }> {
  const { deck } = prepared;
  const { meta } = deck;
  const theme = pptxTheme(meta.theme);
  const pptx = new PptxGenJS();
  const frame = frameFor(meta.size);
  pptx.defineLayout({ name: 'LECTERN', width: frame.w, height: frame.h });
  pptx.layout = 'LECTERN';
  pptx.title = meta.title;
  pptx.subject = meta.subtitle ?? meta.title;
  pptx.author = meta.author ?? '';
  pptx.company = '';
  pptx.theme = { headFontFace: theme.font, bodyFontFace: theme.font };
  if (meta.dir === 'rtl') pptx.rtlMode = true;
  pptx.defineSlideMaster({ title: 'LECTERN', background: { color: theme.background } });

  const warnings: Warning[] = [];
  const sectionTitles = sectionNames(deck);
  for (const title of new Set(sectionTitles)) pptx.addSection({ title });
  for (const [index, slide] of deck.slides.entries()) {
    const target = pptx.addSlide({ masterName: 'LECTERN', sectionTitle: sectionTitles[index] });
    const image = slide.layout === 'image' ? await slideImage(prepared, slide, warnings) : undefined;
    drawSlide(target, slide, { meta, theme, frame, image });
    // One paragraph per line; the finishing pass turns the lines into the notes page's paragraphs. A section slide's
    // notes page names its section, so the notes alone read as the whole article, headings included.
    const notes = slide.notes.length === 0 && slide.layout === 'section' && slide.title ? [slide.title] : slide.notes;
    if (notes.length > 0) target.addNotes(notes.map((paragraph) => paragraph.replace(/\s*\n\s*/g, ' ')).join('\n'));
  }
  const written = (await pptx.write({ outputType: 'nodebuffer', compression: true })) as Buffer;
  const bytes = await stabilisePptx(written, { date: documentDate(meta.date), keywords: keywordsOf(deck), lang: meta.lang, rtl: meta.dir === 'rtl' });
  return { bytes, warnings };
}

/** Each slide's PowerPoint section: the deck's section it belongs to, the slides before the first one under the deck's title. */
function sectionNames(deck: Deck): string[] {
  const names: string[] = [];
  const used = new Map<string, number>();
  const unique = (title: string): string => {
    const count = (used.get(title) ?? 0) + 1;
    used.set(title, count);
    return count === 1 ? title : `${title} (${count})`;
  };
  let current = unique(deck.meta.title || 'Slides');
  const starts = new Map(deck.sections.map((section) => [section.slideIndex, section.title]));
  for (let index = 0; index < deck.slides.length; index++) {
    const start = starts.get(index);
    if (start !== undefined && index > 0) current = unique(start || 'Section');
    names.push(current);
  }
  return names;
}

/** Image types PowerPoint shows everywhere; WebP, AVIF and SVG would need a converted copy, so they show their alt text. */
const POWERPOINT_IMAGES: Readonly<Record<string, string>> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.gif': 'image/gif' };

/** The image of an image slide, read only when the deck's file checks accepted it (inside the article's roots, real image bytes). */
async function slideImage(prepared: PreparedDeck, slide: Slide, warnings: Warning[]): Promise<SlideImage | undefined> {
  const src = slide.image?.src;
  if (!src) return undefined;
  const local = prepared.images.get(src);
  if (!local) return undefined; // remote, or refused by the checks (they have warned)
  const mime = POWERPOINT_IMAGES[local.type.ext];
  if (!mime) {
    warnings.push({
      message: `${src}: PowerPoint files carry PNG, JPEG and GIF images; the slide shows the image's text instead`,
      location: { file: prepared.deck.file, line: slide.lines[0] },
    });
    return undefined;
  }
  const bytes = await readFile(local.file);
  const { width, height } = imageSize(bytes);
  if (!width || !height) return undefined;
  return { data: `data:${mime};base64,${bytes.toString('base64')}`, width, height };
}

/** The date written into the document's properties: the deck's own date when it is a calendar date, else a fixed one. */
function documentDate(date: string | undefined): string {
  const day = date && /^\d{4}-\d{2}-\d{2}/.exec(date)?.[0];
  return day && !Number.isNaN(Date.parse(day)) ? `${day}T00:00:00Z` : '2000-01-01T00:00:00Z';
}

/** Keywords: the talk's section titles. */
function keywordsOf(deck: Deck): string {
  return [...new Set(deck.sections.map((section) => section.title).filter(Boolean))].join(', ');
}
