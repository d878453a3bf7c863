import { escapeHtml } from '../escape-html.js';
import type { Block, ListItem } from '../article/types.js';
import { clipLongWords, hasLongWord } from './long-words.js';
import { anchorOf, toEvent as dated, withoutDate } from './timeline.js';
import { splitRate } from './figures.js';
import { EXPLICIT_LAYOUTS, type Figure, type Layout, type Point, type Slide, type TimelineEvent } from './types.js';

/** A slide before ids and timings are assigned. */
export type Draft = Omit<Slide, 'id' | 'timing'>;

const LAYOUTS: ReadonlySet<string> = new Set<Layout>(EXPLICIT_LAYOUTS);

/** True when a directive names a layout an explicit slide may have. */
export function isExplicitLayout(name: string): name is Layout {
  return LAYOUTS.has(name);
}

/** Layouts whose template shows a list of points. */
const SHOWS_POINTS: ReadonlySet<Layout> = new Set<Layout>(['agenda', 'points', 'comparison', 'figure', 'list', 'closing']);

/**
 * A slide written out in full (`<!-- slide: points -->`, as `lectern import` writes them): its content is taken as it is,
 * with no condensing, and its notes are its `Note:` blocks. Content its layout cannot show (a quote on a points slide, a
 * second code block) goes to the notes, so no words are lost. An HTML slide's notes start with the HTML's text, as on the
 * HTML slides the outline makes.
 */
/** Whether a paragraph here comes before the slide's main content, as the lead line that introduces it. */
function leadsIn(draft: Draft): boolean {
  switch (draft.layout) {
    case 'comparison':
    case 'list':
      return draft.points === undefined;
    case 'figure':
      return draft.figures === undefined;
    case 'timeline':
      return draft.events === undefined;
    case 'code':
      return draft.code === undefined;
    case 'table':
      return draft.table === undefined;
    case 'quote':
      return draft.quote === undefined;
    default:
      return false;
  }
}

export function explicitSlide(layout: Layout, blocks: Block[], base: Omit<Draft, 'layout'>): Draft {
  const draft: Draft = { ...base, layout, notes: [] };
  // The agenda and the closing slide belong to no section, as when the outline makes them.
  if (layout === 'agenda' || layout === 'closing') delete draft.section;
  const unshown: string[] = [];
  let htmlText: string | undefined;
  for (const block of blocks) {
    draft.lines[1] = Math.max(draft.lines[1], block.line);
    switch (block.kind) {
      case 'slide-heading':
        draft.title = block.text;
        break;
      case 'notes':
        draft.notes.push(block.text);
        break;
      case 'paragraph':
        // An agenda's lead, and the claim a comparison's two sides answer, come before its list.
        if ((layout === 'agenda' || leadsIn(draft)) && draft.subtitle === undefined) draft.subtitle = block.text;
        else if (SHOWS_POINTS.has(layout)) (draft.points ??= []).push(point(block.text, block.html));
        else unshown.push(block.text);
        break;
      case 'list':
        if (layout === 'figure' && draft.figures === undefined) {
          draft.figures = block.items.map(toFigure);
          // A figure has no room for sub-items: the notes keep the whole list, read as written.
          if (block.items.some((item) => item.children)) for (const text of block.items.flatMap(itemTexts)) unshown.push(text);
        } else if (layout === 'timeline' && draft.events === undefined) {
          draft.events = block.items.map(toEvent);
          // A timeline has no room for sub-items either.
          if (block.items.some((item) => item.children)) for (const text of block.items.flatMap(itemTexts)) unshown.push(text);
        } else if (SHOWS_POINTS.has(layout)) {
          draft.points = [...(draft.points ?? []), ...block.items.map(toPoint)];
          if (block.ordered && layout !== 'agenda') draft.ordered = true;
        } else for (const text of block.items.flatMap(itemTexts)) unshown.push(text);
        if (layout === 'agenda') draft.ordered = true;
        break;
      case 'quote':
        if (layout === 'quote' && draft.quote === undefined) {
          draft.quote = block.attribution ? { text: block.text, attribution: block.attribution } : { text: block.text };
        } else unshown.push(block.attribution ? `${block.text} — ${block.attribution}` : block.text);
        break;
      case 'code':
        if (layout === 'code' && draft.code === undefined) draft.code = block.lang ? { code: block.code, lang: block.lang } : { code: block.code };
        else unshown.push(block.code);
        break;
      case 'table':
        if (layout === 'table' && draft.table === undefined) draft.table = { header: block.header, rows: block.rows, align: block.align };
        else unshown.push([...block.header, ...block.rows.flat()].filter(Boolean).join(' '));
        break;
      case 'image':
        if (layout === 'image' && draft.image === undefined) {
          draft.image = block.title ? { src: block.src, alt: block.alt, title: block.title } : { src: block.src, alt: block.alt };
        } else if (block.alt) unshown.push(block.alt);
        break;
      case 'html':
        if (layout === 'html' && draft.html === undefined) {
          draft.html = block.html;
          htmlText = block.text || undefined;
        } else if (block.text) unshown.push(block.text);
        break;
      default:
        break;
    }
  }
  // In the order written: the content comes before the `Note:` block that ends an explicit slide.
  draft.notes = [...unshown, ...draft.notes];
  // Timing and coverage read an HTML slide's words from its notes (`lectern import` writes them there already).
  if (htmlText !== undefined && !draft.notes.includes(htmlText)) draft.notes.unshift(htmlText);
  return draft;
}

function itemTexts(item: ListItem): string[] {
  return [item.text, ...(item.children?.items.flatMap(itemTexts) ?? [])];
}

/** A point with its markup only where the author wrote some. */
export function point(text: string, html: string): Point {
  // Keep markup only where the author wrote some: plain text stays plain, as the outline makes it.
  return html && html !== escapeHtml(text) ? { text, html } : { text };
}

/** A list item as a point, children included. */
export function toPoint(item: ListItem): Point {
  // An item with an over-long word shows it clipped, as plain text; the notes keep the item whole.
  const result = hasLongWord(item.text) ? { text: clipLongWords(item.text) } : point(item.text, item.html);
  if (item.children) result.children = item.children.items.map(toPoint);
  return result;
}

/**
 * `2019 — The council approved the plan` (as `lectern import` writes it), `2019: …`, or an item that names its date
 * anywhere ("The ferry began in March 2021") → an event, its text as written. An item with no date is an event with none.
 */
function toEvent(item: ListItem): TimelineEvent {
  // A label before " — " is the date as the author wrote it, even one that is no calendar date ("Phase one").
  const split = /^(.{1,40}?)\s+—\s+(\S.*)$/s.exec(item.text);
  if (split) {
    const [, date = '', text = ''] = split;
    const anchor = anchorOf(date);
    return anchor && anchor.start === 0 && anchor.end === date.length ? dated(anchor, text) : { date, text };
  }
  const anchor = anchorOf(item.text);
  if (!anchor) return { date: '', text: item.text };
  const text = withoutDate(item.text, anchor);
  return dated(anchor, text.charAt(0).toUpperCase() + text.slice(1));
}

/** `**$5.6 million** — DeepSeek … similar capabilities` → a figure. */
function toFigure(item: ListItem): Figure {
  const split = item.text.indexOf(' — ');
  const [said, caption] = split < 0 ? [item.text, ''] : [item.text.slice(0, split), item.text.slice(split + 3)];
  const { value, rate } = splitRate(said);
  return { value, ...(rate ? { rate } : {}), caption };
}
