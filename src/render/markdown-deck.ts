import { stringify } from 'yaml';
import { figureText } from '../outline/figures.js';
import type { Deck, Point, Slide } from '../outline/types.js';

/** Layouts the outline makes by itself from the deck's structure; everything else is written out explicitly. */
const IMPLICIT = new Set(['title', 'section']);

/**
 * Deck → an editable Markdown deck in which every slide is explicit (`<!-- slide: LAYOUT -->`, `###` title, content,
 * `Note:` block). Building the result gives the same slides as the deck it came from. Pure.
 */
export function deckToMarkdown(deck: Deck): string {
  const { meta } = deck;
  const front: Record<string, string | number | boolean | Record<string, string>> = { title: meta.title };
  if (meta.subtitle) front.subtitle = meta.subtitle;
  if (meta.author) front.author = meta.author;
  if (meta.date) front.date = meta.date;
  front.lang = meta.lang;
  front.theme = meta.theme;
  front.transition = meta.transition;
  front.wpm = meta.wpm;
  front.size = `${meta.size.width}x${meta.size.height}`;
  if (meta.logo !== undefined) front.logo = meta.logo;
  if (meta.brand !== undefined) front.brand = { ...meta.brand };
  if (meta.fragments) front.fragments = true;
  if (meta.duration !== undefined) front.duration = `${meta.duration}s`;
  const parts = [`---\n${stringify(front, { lineWidth: 0 }).trimEnd()}\n---`];
  for (const slide of deck.slides) {
    if (slide.layout === 'section') parts.push(`## ${inline(slide.title ?? '')}`);
    if (IMPLICIT.has(slide.layout)) continue;
    parts.push(slideToMarkdown(slide));
  }
  return `${parts.join('\n\n')}\n`;
}

function slideToMarkdown(slide: Slide): string {
  const lines: string[] = [`<!-- slide: ${slide.layout} -->`];
  if (slide.title) lines.push(`### ${inline(slide.title)}`);
  const body: string[] = [];
  if (slide.subtitle) body.push(inline(slide.subtitle));
  if (slide.layout === 'figure') {
    if (slide.figures?.length) body.push(slide.figures.map((figure) => `- ${inline(figureText(figure))} — ${inline(figure.caption)}`).join('\n'));
    for (const point of slide.points ?? []) body.push(pointText(point));
  } else if (slide.layout === 'timeline') {
    // "DATE — text", as an explicit timeline reads it back; an event with no date is its text alone.
    if (slide.events?.length) body.push(slide.events.map((event) => `- ${event.date ? `${inline(event.date)} — ` : ''}${inline(event.text)}`).join('\n'));
    for (const point of slide.points ?? []) body.push(pointText(point));
  } else if (slide.points?.length) {
    body.push(list(slide.points, slide.ordered === true || slide.layout === 'agenda', 0));
  }
  if (slide.quote) {
    body.push([`> ${inline(slide.quote.text)}`, ...(slide.quote.attribution ? [`> — ${inline(slide.quote.attribution)}`] : [])].join('\n'));
  }
  if (slide.code) body.push(codeFence(slide.code.code, slide.code.lang));
  if (slide.table) {
    const row = (cells: string[]): string => `| ${cells.map((cell) => inline(cell).replace(/\|/g, '\\|')).join(' | ')} |`;
    const align = slide.table.align.map((value) => (value === 'center' ? ':---:' : value === 'right' ? '---:' : value === 'left' ? ':---' : '---'));
    body.push([row(slide.table.header), `| ${align.join(' | ')} |`, ...slide.table.rows.map(row)].join('\n'));
  }
  if (slide.image) {
    const title = slide.image.title ? ` "${slide.image.title.replace(/"/g, '\\"')}"` : '';
    body.push(`![${inline(slide.image.alt)}](<${slide.image.src}>${title})`);
  }
  if (slide.html) body.push(slide.html);
  if (slide.notes.length > 0) body.push(['Note:', ...slide.notes.map(block)].join('\n\n'));
  return [lines.join('\n'), ...body].join('\n\n');
}

/**
 * A fenced code block that reads back as the same code. A backtick fence's info string may not hold a backtick
 * (CommonMark), else the fence is no fence and the code would be read as live Markdown: such a language gets a tilde
 * fence, whose info string may hold anything. The fence is longer than any run of its character opening a line of
 * the code, so no line closes it early.
 */
export function codeFence(code: string, lang = ''): string {
  const char = lang.includes('`') ? '~' : '`';
  let longest = 0;
  for (const match of code.matchAll(char === '`' ? /^ {0,3}(`+)/gm : /^ {0,3}(~+)/gm)) longest = Math.max(longest, match[1]?.length ?? 0);
  const fence = char.repeat(Math.max(3, longest + 1));
  return `${fence}${lang}\n${code}\n${fence}`;
}

function list(points: Point[], ordered: boolean, depth: number): string {
  const indent = '   '.repeat(depth);
  return points
    .map((point, index) => {
      const marker = ordered ? `${index + 1}.` : '-';
      const children = point.children?.length ? `\n${list(point.children, false, depth + 1)}` : '';
      return `${indent}${marker} ${pointText(point)}${children}`;
    })
    .join('\n');
}

/** A point as Markdown: its sanitised HTML when the author wrote markup, else its escaped text. */
function pointText(point: Point): string {
  return point.html ?? inline(point.text);
}

/** Escapes characters Markdown would read as markup inside a line. */
function inline(text: string): string {
  return text
    .replace(/([\\`*_[\]<>#|~])/g, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/^([-+])(\s)/, '\\$1$2');
}

/** Escapes a notes paragraph so that it stays one paragraph, and one that opens with "Note:" (a callout) keeps the word. */
function block(text: string): string {
  return inline(text)
    .replace(/^(=+|-+)$/, '\\$1')
    .replace(/^(notes?):/i, '$1\\:');
}
