/**
 * The speaker's script: the talk as plain text or Markdown, for rehearsal, a teleprompter or a screen reader. Each
 * slide gives its number, title, when it starts and how long it runs, what it shows, and its full notes, so the
 * script holds every sentence of the article.
 */
import { writeFile } from 'node:fs/promises';
import { figureText } from '../outline/figures.js';
import type { Deck, Point, Slide } from '../outline/types.js';
import type { PreparedDeck } from '../pipeline.js';
import { writeFileAtomically } from '../site/atomic.js';
import { sourceFiles } from '../site/output-guard.js';
import { htmlParagraphs } from './html-text.js';

export type ScriptFormat = 'txt' | 'md';

export interface ScriptOptions {
  format: ScriptFormat;
  /** Overwrite an existing file of another type (never the source). */
  force?: boolean;
}

/** Writes the script to `out`, atomically. */
export async function exportScript(prepared: PreparedDeck, out: string, options: ScriptOptions): Promise<{ bytes: number }> {
  const text = speakerScript(prepared.deck, options.format);
  await writeFileAtomically(out, (temporary) => writeFile(temporary, text, 'utf8'), {
    kind: options.format === 'md' ? 'markdown' : 'text',
    force: options.force,
    protect: sourceFiles(prepared.deck.file),
  });
  return { bytes: Buffer.byteLength(text) };
}

/** `75` → `1:15`; an hour or more → `1:02:05`. */
export function clock(seconds: number): string {
  const total = Math.round(seconds);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** The timing line of a slide: the running time when it starts and ends, and how long it runs. */
export function timingLine(start: number, slide: Slide): string {
  return `Time ${clock(start)}–${clock(start + slide.timing)} (${clock(slide.timing)})`;
}

/** The whole script as text. Pure. */
export function speakerScript(deck: Deck, format: ScriptFormat): string {
  const md = format === 'md';
  const out: string[] = [];
  const { meta } = deck;
  const byline = [meta.author, meta.date].filter(Boolean).join(', ');
  const summary = `${deck.slides.length} slides, ${clock(meta.totalTime)} at ${meta.wpm} words a minute${meta.duration ? `, planned ${clock(meta.duration)}` : ''}`;
  if (md) {
    out.push(`# ${inline(meta.title)}`, '');
    if (meta.subtitle) out.push(inline(meta.subtitle), '');
    if (byline) out.push(`*${inline(byline)}*`, '');
    out.push(summary, '');
  } else {
    out.push(meta.title, '='.repeat(Math.min(72, Math.max(3, meta.title.length))));
    if (meta.subtitle) out.push(meta.subtitle);
    if (byline) out.push(byline);
    out.push(summary, '');
  }
  let start = 0;
  for (const [index, slide] of deck.slides.entries()) {
    const title = slide.title ?? slide.layout;
    const timing = timingLine(start, slide);
    if (md) {
      out.push(`## ${index + 1}. ${inline(title)}`, '', `*${timing}*`, '');
      out.push(...shownMarkdown(slide));
      if (slide.notes.length > 0) out.push('**Notes**', '', ...slide.notes.flatMap((paragraph) => [block(paragraph), '']));
    } else {
      out.push('-'.repeat(72), `${index + 1}. ${title}`, timing, '');
      out.push(...shownText(slide));
      if (slide.notes.length > 0) out.push('Notes:', '', ...slide.notes.flatMap((paragraph) => [paragraph, '']));
    }
    start += slide.timing;
  }
  if (!md) out.push('-'.repeat(72));
  out.push(md ? `*End: ${clock(start)}*` : `End: ${clock(start)}`, '');
  return out.join('\n');
}

/** What a slide shows besides its title, as plain text. */
function shownText(slide: Slide): string[] {
  const lines: string[] = [];
  if (slide.subtitle) lines.push(slide.subtitle);
  if (slide.quote) lines.push(slide.quote.text + (slide.quote.attribution ? ` — ${slide.quote.attribution}` : ''));
  for (const figure of slide.figures ?? []) lines.push(`${figureText(figure)}: ${figure.caption}`);
  for (const event of slide.events ?? []) lines.push(event.date ? `${event.date}: ${event.text}` : event.text);
  const walk = (points: readonly Point[], depth: number): void => {
    points.forEach((point, index) => {
      const marker = slide.ordered || slide.layout === 'agenda' ? `${index + 1}.` : depth === 0 ? '*' : '-';
      lines.push(`${'  '.repeat(depth + 1)}${marker} ${point.text}`);
      walk(point.children ?? [], depth + 1);
    });
  };
  walk(slide.points ?? [], 0);
  if (slide.code) lines.push(...slide.code.code.split('\n').map((line) => `    ${line}`));
  if (slide.table) for (const row of [slide.table.header, ...slide.table.rows]) lines.push(`  ${row.join(' | ')}`);
  if (slide.image) lines.push(`[image: ${slide.image.alt || slide.image.title || slide.image.src}]`);
  if (slide.html) lines.push(...htmlParagraphs(slide.html));
  return lines.length > 0 ? [...lines, ''] : [];
}

/** What a slide shows besides its title, as Markdown. */
function shownMarkdown(slide: Slide): string[] {
  const lines: string[] = [];
  if (slide.subtitle) lines.push(block(slide.subtitle), '');
  if (slide.quote) lines.push(`> ${block(slide.quote.text)}${slide.quote.attribution ? ` — ${inline(slide.quote.attribution)}` : ''}`, '');
  for (const figure of slide.figures ?? []) lines.push(`- **${inline(figureText(figure))}**: ${inline(figure.caption)}`);
  if (slide.figures?.length) lines.push('');
  for (const event of slide.events ?? []) lines.push(event.date ? `- **${inline(event.date)}**: ${inline(event.text)}` : `- ${inline(event.text)}`);
  if (slide.events?.length) lines.push('');
  const walk = (points: readonly Point[], depth: number): void => {
    points.forEach((point, index) => {
      const marker = slide.ordered || slide.layout === 'agenda' ? `${index + 1}.` : '-';
      lines.push(`${'   '.repeat(depth)}${marker} ${inline(point.text)}`);
      walk(point.children ?? [], depth + 1);
    });
  };
  walk(slide.points ?? [], 0);
  if (slide.points?.length) lines.push('');
  if (slide.code) {
    const fence = '`'.repeat(Math.max(3, ...[...slide.code.code.matchAll(/`+/g)].map((run) => run[0].length + 1)));
    lines.push(`${fence}${slide.code.lang ?? ''}`, slide.code.code, fence, '');
  }
  if (slide.table) {
    const cells = (row: readonly string[]): string => `| ${row.map((cell) => inline(cell).replace(/\|/g, '\\|')).join(' | ')} |`;
    const align = slide.table.align.map((side) => (side === 'center' ? ':---:' : side === 'right' ? '---:' : '---'));
    lines.push(cells(slide.table.header), `| ${align.join(' | ')} |`, ...slide.table.rows.map(cells), '');
  }
  if (slide.image) lines.push(`*Image: ${inline(slide.image.alt || slide.image.title || slide.image.src)}*`, '');
  if (slide.html) lines.push(...htmlParagraphs(slide.html).flatMap((paragraph) => [block(paragraph), '']));
  return lines;
}

/** Article text inside a Markdown line: its markup characters escaped, so it reads as written. */
function inline(text: string): string {
  return text.replace(/[\\`*_[\]<>|&]/g, '\\$&').replace(/\s*\n\s*/g, ' ');
}

/** Article text as a Markdown paragraph: escaped, and kept from starting a heading, list or quote. */
function block(text: string): string {
  return inline(text)
    .replace(/^(\s*)([#>+=-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}
