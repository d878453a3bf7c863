import { escapeHtml } from '../article/sanitize.js';
import type { Block, ListItem } from '../article/types.js';
import { clipLongWords, hasLongWord } from './long-words.js';
import type { Figure, Layout, Point, Slide } from './types.js';

/** A slide before ids and timings are assigned. */
export type Draft = Omit<Slide, 'id' | 'timing'>;

const LAYOUTS: ReadonlySet<string> = new Set<Layout>(['agenda', 'points', 'quote', 'figure', 'list', 'code', 'table', 'image', 'html', 'closing']);

/** True when a directive names a layout an explicit slide may have. */
export function isExplicitLayout(name: string): name is Layout {
  return LAYOUTS.has(name);
}

/**
 * A slide written out in full (`<!-- slide: points -->`, as `lectern import` writes them): its content is taken as it is,
 * with no condensing, and its notes are exactly its `Note:` blocks.
 */
export function explicitSlide(layout: Layout, blocks: Block[], base: Omit<Draft, 'layout'>): Draft {
  const draft: Draft = { ...base, layout, notes: [] };
  // The agenda and the closing slide belong to no section, as when the outline makes them.
  if (layout === 'agenda' || layout === 'closing') delete draft.section;
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
        if (layout === 'agenda' && draft.subtitle === undefined) draft.subtitle = block.text;
        else (draft.points ??= []).push(point(block.text, block.html));
        break;
      case 'list':
        if (layout === 'figure') draft.figures = block.items.map(toFigure);
        else {
          draft.points = [...(draft.points ?? []), ...block.items.map(toPoint)];
          if (block.ordered && layout !== 'agenda') draft.ordered = true;
        }
        if (layout === 'agenda') draft.ordered = true;
        break;
      case 'quote':
        draft.quote = block.attribution ? { text: block.text, attribution: block.attribution } : { text: block.text };
        break;
      case 'code':
        draft.code = block.lang ? { code: block.code, lang: block.lang } : { code: block.code };
        break;
      case 'table':
        draft.table = { header: block.header, rows: block.rows, align: block.align };
        break;
      case 'image':
        draft.image = block.title ? { src: block.src, alt: block.alt, title: block.title } : { src: block.src, alt: block.alt };
        break;
      case 'html':
        draft.html = block.html;
        break;
      default:
        break;
    }
  }
  return draft;
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

/** `**$5.6 million** — DeepSeek … similar capabilities` → a figure. */
function toFigure(item: ListItem): Figure {
  const split = item.text.indexOf(' — ');
  return split < 0 ? { value: item.text, caption: '' } : { value: item.text.slice(0, split), caption: item.text.slice(split + 3) };
}
