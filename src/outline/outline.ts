import type { Article, Block, ListItem, Section } from '../article/types.js';
import { BUDGET } from './budget.js';
import { condenseParagraph, wordFrequencies } from './condense.js';
import { detectLanguage, directionOf } from './language.js';
import { paginateList, paginateCode, paginateTable, paginateQuote, paginateHtml } from './paginate.js';
import { wordsOf } from './sentences.js';
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

/** A slide before ids and timings are assigned. */
type Draft = Omit<Slide, 'id' | 'timing'>;

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

  const takeaways: Array<{ section: string; point: string; score: number }> = [];
  const introduction = article.sections.filter((section) => section.title === undefined);
  for (const section of introduction) drafts.push(...outlineSection(section, INTRODUCTION_TITLE, lang));

  if (titledSections.length >= 2) {
    drafts.push({
      layout: 'agenda',
      title: lang.startsWith('en') ? 'Agenda' : title,
      points: titledSections.map((section) => ({ text: section.title ?? '' })),
      ordered: true,
      notes: [],
      lines: [titledSections[0]?.line ?? 1, titledSections[0]?.line ?? 1],
    });
  }

  for (const section of titledSections) {
    const sectionTitle = section.title ?? '';
    sections.push({ title: sectionTitle, slideIndex: drafts.length });
    drafts.push({ layout: 'section', title: sectionTitle, section: sectionTitle, notes: [], lines: [section.line, section.line] });
    const content = outlineSection(section, sectionTitle, lang);
    drafts.push(...content);
    const best = content.flatMap((slide) => (slide.layout === 'points' ? (slide.points ?? []) : []))[0];
    if (best) takeaways.push({ section: sectionTitle, point: best.text, score: 0 });
  }

  const lastLine = Math.max(...drafts.map((draft) => draft.lines[1]));
  drafts.push({
    layout: 'closing',
    title: lang.startsWith('en') ? (takeaways.length > 0 ? 'Key takeaways' : 'Thank you') : title,
    points: takeaways.map((takeaway) => ({ text: takeaway.point })),
    notes: takeaways.map((takeaway) => `${takeaway.section}: ${takeaway.point}.`),
    lines: [lastLine, lastLine],
  });

  const slides = finishSlides(drafts, wpm, lang);
  const duration = options.duration ?? meta.duration;
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
      wpm,
      duration,
      totalTime: slides.reduce((sum, slide) => sum + slide.timing, 0),
    },
    sections,
    slides,
  };
}

/** One section's blocks → content slides, honouring explicit slide titles, breaks and notes. */
function outlineSection(section: Section, sectionTitle: string, lang: string): Draft[] {
  const context = wordFrequencies(section.blocks.map(blockText), lang);
  const drafts: Draft[] = [];
  let slideTitle = sectionTitle;
  let open: Draft | undefined;
  const close = (): void => {
    if (open) drafts.push(open);
    open = undefined;
  };
  const base = (line: number): Omit<Draft, 'layout'> => ({ title: slideTitle, section: sectionTitle, notes: [], lines: [line, line] });

  for (const block of section.blocks) {
    switch (block.kind) {
      case 'slide-heading':
        close();
        slideTitle = block.text;
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
        const point: Point = { text: condenseParagraph(block.text, context, lang) };
        const words = wordsOf(point.text, lang).length;
        const current = open?.layout === 'points' ? open : undefined;
        const used = (current?.points ?? []).reduce((sum, p) => sum + wordsOf(p.text, lang).length, 0);
        if (!current || (current.points?.length ?? 0) >= BUDGET.points || (used + words > BUDGET.words && (current.points?.length ?? 0) > 0)) {
          close();
          open = { ...base(block.line), layout: 'points', points: [] };
        }
        const target = open as Draft;
        target.points?.push(point);
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
  return numberContinuations(drafts.filter((draft) => draft.layout !== 'points' || (draft.points?.length ?? 0) > 0 || draft.notes.length > 0));
}

/** Slides for a block shown as it is: lists, quotes, code, tables, images and HTML, split when long. */
function blockSlides(block: Block, lang: string): Array<Partial<Draft> & Pick<Draft, 'layout' | 'notes'>> {
  switch (block.kind) {
    case 'list':
      return paginateList(block, lang).map((items) => ({
        layout: 'list' as const,
        points: items.map(toPoint),
        ordered: block.ordered,
        notes: items.map((item) => flattenItem(item)).flat(),
      }));
    case 'quote':
      return paginateQuote(block.text, lang).map((text, index, all) => ({
        layout: 'quote' as const,
        quote: { text, attribution: index === all.length - 1 ? block.attribution : undefined },
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
      return paginateHtml(block.html, block.text).map((part) => ({ layout: 'html' as const, html: part.html, notes: part.text ? [part.text] : [] }));
    default:
      return [];
  }
}

function toPoint(item: ListItem): Point {
  const point: Point = { text: item.text, html: item.html };
  if (item.children) point.children = item.children.items.map(toPoint);
  return point;
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

/** Assigns unique ids and timings. */
function finishSlides(drafts: Draft[], wpm: number, lang: string): Slide[] {
  const used = new Set<string>();
  return drafts.map((draft, index) => {
    let id = index === 0 ? 'title' : slugify(draft.title ?? draft.layout);
    for (let n = 2; used.has(id); n++) id = `${slugify(draft.title ?? draft.layout)}-${n}`;
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
  for (const figure of slide.figures ?? []) parts.push(figure.value, figure.caption);
  if (slide.code) parts.push(slide.code.code);
  if (slide.table) parts.push(...slide.table.header, ...slide.table.rows.flat());
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
      return '';
  }
}
