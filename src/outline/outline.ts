import type { Article, Block, ListItem, Section } from '../article/types.js';
import { BUDGET } from './budget.js';
import { keyPoints, wordFrequencies } from './condense.js';
import { findEnumeration, type Enumeration } from './enumeration.js';
import { explicitSlide, isExplicitLayout, toPoint, type Draft } from './explicit.js';
import { findFigures } from './figures.js';
import { clipLongWords } from './long-words.js';
import { findQuotation } from './quotations.js';
import { detectLanguage, directionOf } from './language.js';
import { paginateList, paginateCode, paginateTable, paginateQuote, paginateHtml } from './paginate.js';
import { countWords, splitSentences, wordsOf } from './sentences.js';
import { DEFAULT_WPM, scaleTimings, slideSeconds } from './timing.js';
import { slugify, titleFromFileName } from './title.js';
import type { Deck, DeckSection, Point, Slide } from './types.js';

export interface OutlineOptions {
  /** Overrides the front matter's speaking rate. */
  wpm?: number;
  /** Overrides the front matter's talk length, in seconds. */
  duration?: number;
  /** Overrides the front matter's theme. */
  theme?: string;
}


const DEFAULT_THEME = 'lectern';
const INTRODUCTION_TITLE = 'Introduction';

/** Article → Deck: every decision about the talk. Pure. */
export function outlineArticle(article: Article, options: OutlineOptions = {}): Deck {
  const meta = article.meta;
  const allText = article.sections.flatMap((section) => [section.title ?? '', ...section.blocks.map(blockText)]).join(' ');
  const lang = meta.lang ?? detectLanguage(allText);
  const wpm = options.wpm ?? meta.wpm ?? DEFAULT_WPM;
  const title = meta.title ?? titleFromFileName(article.file, allText);
  const titledSections = article.sections.filter((section) => section.title !== undefined);

  const drafts: Draft[] = [];
  const sections: DeckSection[] = [];
  const firstLine = article.sections[0]?.line ?? 1;
  drafts.push({
    layout: 'title',
    title,
    subtitle: meta.subtitle,
    points: [meta.author, meta.date].filter((value): value is string => Boolean(value)).map((text) => ({ text })),
    notes: [],
    lines: [1, firstLine],
  });

  const takeaways: Array<{ section: string; point: string }> = [];
  const duration = options.duration ?? meta.duration;
  const density = densityFor(duration, countWords(allText, lang), wpm);
  const introduction = article.sections.filter((section) => section.title === undefined);
  // An enumeration in the introduction ("three lenses: (1) … (2) … (3) …") becomes the agenda.
  const enumerated = titledSections.length >= 2 ? findAgendaEnumeration(introduction) : undefined;
  for (const section of introduction) {
    const blocks = section.blocks.filter((block) => block !== enumerated?.block);
    for (const draft of outlineSection({ ...section, blocks }, INTRODUCTION_TITLE, lang, density)) drafts.push(draft);
  }

  const explicit = new Set(article.sections.flatMap((section) => section.blocks).flatMap((block) => (block.kind === 'directive' ? [block.value] : [])));
  if (titledSections.length >= 2 && !explicit.has('agenda')) {
    const line = enumerated?.block.line ?? titledSections[0]?.line ?? 1;
    const items = (enumerated?.enumeration.items ?? titledSections.map((section) => section.title ?? '')).map((text) => ({ text }));
    // A long agenda (a book's chapters) runs over several slides, as any list does.
    pagesOf(items).forEach((page, index, pages) => {
      drafts.push({
        layout: 'agenda',
        title: lang.startsWith('en') ? 'Agenda' : title,
        subtitle: index === 0 ? enumerated?.enumeration.lead : undefined,
        points: page,
        ordered: true,
        notes: enumerated && index === 0 ? [enumerated.block.text] : [],
        lines: [line, line],
      });
      if (pages.length > 1) drafts[drafts.length - 1]!.title += ` (${index + 1}/${pages.length})`;
    });
  }

  for (const section of titledSections) {
    const sectionTitle = section.title ?? '';
    sections.push({ title: sectionTitle, slideIndex: drafts.length });
    drafts.push({ layout: 'section', title: sectionTitle, section: sectionTitle, notes: [], lines: [section.line, section.line] });
    const content = outlineSection(section, sectionTitle, lang, density);
    for (const draft of content) drafts.push(draft);
    const best = content.flatMap((slide) => (slide.layout === 'points' ? (slide.points ?? []) : []))[0];
    if (best) takeaways.push({ section: sectionTitle, point: best.text });
  }

  // Not Math.max(...): spreading an unbounded array into arguments overflows the stack.
  const lastLine = drafts.reduce((max, draft) => Math.max(max, draft.lines[1]), -Infinity);
  if (!explicit.has('closing')) {
    const closingTitle = lang.startsWith('en') ? (takeaways.length > 0 ? 'Key takeaways' : 'Thank you') : title;
    const pages = pagesOf(takeaways.map((takeaway) => ({ text: takeaway.point })));
    pages.forEach((page, index) => {
      drafts.push({
        layout: 'closing',
        title: pages.length > 1 ? `${closingTitle} (${index + 1}/${pages.length})` : closingTitle,
        points: page,
        notes: [],
        lines: [lastLine, lastLine],
      });
    });
  }

  const slides = finishSlides(drafts, wpm, lang);
  if (duration !== undefined) {
    const scaled = scaleTimings(slides.map((slide) => slide.timing), duration);
    slides.forEach((slide, index) => (slide.timing = scaled[index] ?? slide.timing));
  }
  return {
    file: article.file,
    meta: {
      title,
      subtitle: meta.subtitle,
      author: meta.author,
      date: meta.date,
      lang,
      dir: directionOf(lang),
      theme: options.theme ?? meta.theme ?? DEFAULT_THEME,
      transition: meta.transition ?? 'slide',
      fragments: meta.fragments ?? false,
      wpm,
      duration,
      totalTime: slides.reduce((sum, slide) => sum + slide.timing, 0),
    },
    sections,
    slides,
  };
}

/** One section's blocks → content slides, honouring explicit slide titles, breaks and notes. */
function outlineSection(section: Section, sectionTitle: string, lang: string, density: Density): Draft[] {
  const context = wordFrequencies(section.blocks.map(blockText), lang);
  const drafts: Draft[] = [];
  let slideTitle = sectionTitle;
  let open: Draft | undefined;
  const close = (): void => {
    if (open) drafts.push(open);
    open = undefined;
  };
  const explicitDrafts = new Set<Draft>();
  // A slide heading shows as the title of the slides after it; one with no slide of its own yet is kept pending.
  let pendingHeading: { text: string; line: number } | undefined;
  const base = (line: number): Omit<Draft, 'layout'> => {
    pendingHeading = undefined;
    return { title: slideTitle, section: sectionTitle, notes: [], lines: [line, line] };
  };
  // A heading followed by another heading, or by the end of its section, still gets its slide: nothing is lost.
  const keepPendingHeading = (): void => {
    const heading = pendingHeading;
    if (heading) drafts.push({ ...base(heading.line), layout: 'points', points: [], notes: [heading.text] });
  };

  for (let index = 0; index < section.blocks.length; index++) {
    const block = section.blocks[index]!;
    switch (block.kind) {
      case 'directive': {
        // Unknown layouts were warned about by the reader; their blocks are outlined as usual.
        if (!isExplicitLayout(block.value)) continue;
        close();
        // The slide runs to the next directive or break, or to a second slide heading.
        let end = index + 1;
        let headings = 0;
        for (; end < section.blocks.length; end++) {
          const next = section.blocks[end]!;
          if (next.kind === 'directive' || next.kind === 'break') break;
          if (next.kind === 'slide-heading' && ++headings > 1) break;
        }
        const content = section.blocks.slice(index + 1, end);
        // An explicit slide with its own heading does not show the pending one.
        if (content.some((next) => next.kind === 'slide-heading')) keepPendingHeading();
        const slide = explicitSlide(block.value, content, base(block.line));
        explicitDrafts.add(slide);
        drafts.push(slide);
        index = end - 1;
        continue;
      }
      case 'slide-heading':
        close();
        keepPendingHeading();
        slideTitle = block.text;
        pendingHeading = { text: block.text, line: block.line };
        continue;
      case 'break':
        close();
        continue;
      case 'notes': {
        const target = open ?? drafts[drafts.length - 1];
        if (target) {
          target.notes.push(block.text);
          target.lines[1] = Math.max(target.lines[1], block.line);
        } else {
          open = { ...base(block.line), layout: 'points', points: [], notes: [block.text] };
        }
        continue;
      }
      case 'paragraph': {
        const special = contentSlide(block.text, lang);
        if (special) {
          close();
          drafts.push({ ...base(block.line), ...special, notes: [block.text] });
          continue;
        }
        const sentences = splitSentences(block.text, lang);
        const points: Point[] = keyPoints(block.text, context, lang, density.pointsFor(sentences.length), sentences).map((text) => ({ text }));
        const words = points.reduce((sum, point) => sum + wordsOf(point.text, lang).length, 0);
        const current = open?.layout === 'points' ? open : undefined;
        const count = current?.points?.length ?? 0;
        const used = (current?.points ?? []).reduce((sum, p) => sum + wordsOf(p.text, lang).length, 0);
        // The title counts too: the budget is what the audience reads on the slide.
        const titleWords = wordsOf(slideTitle, lang).length + 1;
        if (!current || count + points.length > BUDGET.points || (titleWords + used + words > BUDGET.words && count > 0)) {
          close();
          open = { ...base(block.line), layout: 'points', points: [] };
        }
        const target = open as Draft;
        for (const point of points) target.points?.push(point);
        target.notes.push(block.text);
        target.lines[1] = block.line;
        continue;
      }
      default:
        close();
        for (const draft of blockSlides(block, lang)) drafts.push({ ...base(block.line), ...draft });
    }
  }
  close();
  keepPendingHeading();
  // A slide the author wrote out stays even when empty; an outlined one with nothing to show is dropped.
  const shown = (draft: Draft): boolean =>
    explicitDrafts.has(draft) || draft.layout !== 'points' || (draft.points?.length ?? 0) > 0 || draft.notes.length > 0;
  return numberContinuations(drafts.filter(shown));
}

/** Splits generated lists (agenda, takeaways) by the list budget; an empty list is still one slide. */
function pagesOf(points: Point[]): Point[][] {
  const pages: Point[][] = [];
  let page: Point[] = [];
  let words = 0;
  for (const point of points) {
    const size = wordsOf(point.text).length;
    if (page.length > 0 && (page.length >= BUDGET.listItems || words + size > BUDGET.listWords)) {
      pages.push(page);
      page = [];
      words = 0;
    }
    page.push(point);
    words += size;
  }
  pages.push(page);
  return pages;
}

/** How much of each paragraph to show: short talks condense harder, long ones keep more. */
interface Density {
  pointsFor(sentences: number): number;
}

function densityFor(duration: number | undefined, words: number, wpm: number): Density {
  const natural = (words / wpm) * 60;
  if (duration !== undefined && duration < natural * 0.75) return { pointsFor: () => 1 };
  if (duration !== undefined && duration > natural * 1.25) return { pointsFor: (sentences) => (sentences >= 2 ? 2 : 1) };
  return { pointsFor: (sentences) => (sentences >= 3 ? 2 : 1) };
}

function findAgendaEnumeration(sections: Section[]): { block: Block & { kind: 'paragraph' }; enumeration: Enumeration } | undefined {
  for (const section of sections) {
    for (const block of section.blocks) {
      if (block.kind !== 'paragraph') continue;
      const enumeration = findEnumeration(block.text);
      if (enumeration && enumeration.items.length <= BUDGET.listItems) return { block, enumeration };
    }
  }
  return undefined;
}

/** A paragraph whose content asks for its own layout: a direct quotation, or figures worth showing large. */
function contentSlide(paragraph: string, lang: string): Pick<Draft, 'layout' | 'quote' | 'figures' | 'points'> | undefined {
  const quotation = findQuotation(paragraph);
  if (quotation && wordsOf(quotation.text, lang).length <= BUDGET.quoteWords) return { layout: 'quote', quote: { ...quotation, text: clipLongWords(quotation.text) } };
  const figures = findFigures(paragraph);
  const money = figures.filter((figure) => /[$€£¥]/.test(figure.value)).length;
  if (money >= 1 && figures.length >= 2) {
    // Asides that name things ("without the chips the US CHIPS Act blocks") stay visible under the figures.
    const asides = [...paragraph.matchAll(/\(([^()]{12,160})\)/g)]
      .map((match) => (match[1] ?? '').replace(/^(?:and|but|or)\s+/i, '').trim())
      .filter((aside) => /\s\p{Lu}{2,}|\s\p{Lu}\p{Ll}+\s\p{Lu}/u.test(` ${aside}`) && !/\d/.test(aside));
    const aside = asides[0];
    return { layout: 'figure', figures, ...(aside ? { points: [{ text: aside.charAt(0).toUpperCase() + aside.slice(1) }] } : {}) };
  }
  return undefined;
}

/** Slides for a block shown as it is: lists, quotes, code, tables, images and HTML, split when long. */
function blockSlides(block: Block, lang: string): Array<Partial<Draft> & Pick<Draft, 'layout' | 'notes'>> {
  switch (block.kind) {
    case 'list':
      return paginateList(block, lang).map((items) => ({
        layout: 'list' as const,
        points: items.map(toPoint),
        ...(block.ordered ? { ordered: true } : {}),
        notes: items.map((item) => flattenItem(item)).flat(),
      }));
    case 'quote':
      return paginateQuote(block.text, lang).map((text, index, all) => ({
        layout: 'quote' as const,
        quote: { text: clipLongWords(text), attribution: index === all.length - 1 ? block.attribution : undefined },
        notes: [text + (block.attribution && index === all.length - 1 ? ` — ${block.attribution}` : '')],
      }));
    case 'code':
      return paginateCode(block.code).map((code) => ({
        layout: 'code' as const,
        code: { code, lang: block.lang },
        notes: [`Code${block.lang ? ` (${block.lang})` : ''}, ${code.split('\n').length} lines.`],
      }));
    case 'table':
      return paginateTable(block.rows).map((rows) => ({
        layout: 'table' as const,
        table: { header: block.header, rows, align: block.align },
        notes: [block.header.join(', ') + '.', ...rows.map((row) => row.join(', ') + '.')],
      }));
    case 'image':
      return [{ layout: 'image' as const, image: { src: block.src, alt: block.alt, title: block.title }, notes: block.alt ? [block.alt] : [] }];
    case 'html':
      // Nobody clicks a slide open during a talk: a <details> block shows what it holds.
      return paginateHtml(openDetails(block.html), block.text).map((part) => ({ layout: 'html' as const, html: part.html, notes: part.text ? [part.text] : [] }));
    default:
      return [];
  }
}

/** Written as the sanitiser writes it, so an imported deck reads back the same HTML. */
function openDetails(html: string): string {
  return html.replace(/<details(?=[\s>])(?![^>]*\sopen\b)/gi, '<details open=""');
}

function flattenItem(item: ListItem): string[] {
  return [item.text, ...(item.children?.items.flatMap(flattenItem) ?? [])].filter(Boolean);
}

/** Gives slides that share a title within a section a distinct "(2/3)" suffix. */
function numberContinuations(drafts: Draft[]): Draft[] {
  const totals = new Map<string, number>();
  for (const draft of drafts) totals.set(draft.title ?? '', (totals.get(draft.title ?? '') ?? 0) + 1);
  const seen = new Map<string, number>();
  return drafts.map((draft) => {
    const key = draft.title ?? '';
    const total = totals.get(key) ?? 1;
    if (total < 2) return draft;
    const index = (seen.get(key) ?? 0) + 1;
    seen.set(key, index);
    return { ...draft, title: `${key} (${index}/${total})` };
  });
}

/**
 * Prefix of every slide id. Slide ids come from the article's titles and share the page's id space with the ids the
 * templates and the runtime rely on (`lectern-config`, …): none of those starts with it, so no title can clobber them
 * (tests/render/id-namespace.test.ts checks every id in templates/ and src/present/).
 */
export const SLIDE_ID_PREFIX = 's-';

/** Assigns unique ids and timings. */
function finishSlides(drafts: Draft[], wpm: number, lang: string): Slide[] {
  const used = new Set<string>();
  // The next suffix to try per slug, so a title repeated a thousand times costs a thousand steps, not a million.
  const nextSuffix = new Map<string, number>();
  return drafts.map((draft, index) => {
    const base = SLIDE_ID_PREFIX + (index === 0 ? 'title' : slugify(draft.title ?? draft.layout));
    let id = base;
    let n = nextSuffix.get(base) ?? 2;
    while (used.has(id)) id = `${base}-${n++}`;
    nextSuffix.set(base, n);
    used.add(id);
    const slide: Slide = { id, ...draft, timing: 0 };
    slide.timing = slideSeconds(slide, visibleText(slide), wpm, lang);
    return slide;
  });
}

/** All text a slide shows, for timing and coverage. */
export function visibleText(slide: Slide): string {
  const parts: string[] = [slide.title ?? '', slide.subtitle ?? ''];
  const walk = (points: Point[] | undefined): void => {
    for (const point of points ?? []) {
      parts.push(point.text);
      walk(point.children);
    }
  };
  walk(slide.points);
  if (slide.quote) parts.push(slide.quote.text, slide.quote.attribution ?? '');
  // A figure reads as its value and caption together, as written in an explicit figure list ("$40 — a year of oil").
  for (const figure of slide.figures ?? []) parts.push(figure.caption ? `${figure.value} — ${figure.caption}` : figure.value);
  if (slide.code) parts.push(slide.code.code);
  if (slide.table) for (const cell of [slide.table.header, ...slide.table.rows].flat()) parts.push(cell);
  if (slide.image) parts.push(slide.image.alt);
  return parts.filter(Boolean).join(' ');
}

/** The text of a block, for word statistics and coverage. */
export function blockText(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
    case 'quote':
    case 'notes':
    case 'slide-heading':
    case 'html':
      return block.text;
    case 'list':
      return block.items.flatMap(flattenItem).join(' ');
    case 'code':
      return block.code;
    case 'table':
      return [...block.header, ...block.rows.flat()].join(' ');
    case 'image':
      return block.alt;
    case 'break':
    case 'directive':
      return '';
  }
}
