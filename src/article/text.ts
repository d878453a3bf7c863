/** Plain text → Article: title, byline, headings and paragraphs found from the shape of the lines. */
import type { Warning } from '../errors.js';
import { bylineName, headingInfo, listItem, titleInfo, type HeadingInfo } from './text-headings.js';
import { splitIntoSections } from './text-split.js';
import { textUnits, type Unit } from './text-units.js';
import type { ArticleMeta, Block, ListBlock, ParseResult, Section } from './types.js';
import { escapeHtml } from '../escape-html.js';

const EXPLICIT = new Set(['setext-1', 'setext-2', 'numbered', 'roman', 'caps']);

function numberedDepth(unit: Unit | undefined): number | undefined {
  const m = unit && unit.lines.length === 1 ? /^\s*(\d{1,3}(?:\.\d{1,3})*)([.)])?\s/.exec(unit.text) : null;
  return m && (m[2] !== undefined || m[1]!.includes('.')) ? m[1]!.split('.').length : undefined;
}

/** Decides which units are headings, judging each candidate line by its neighbours. */
function findHeadings(units: Unit[], start: number): Map<number, HeadingInfo> {
  const shapes = new Map<number, HeadingInfo>();
  for (let i = start; i < units.length; i++) {
    const unit = units[i]!;
    if (unit.rule || (unit.lines.length > 1 && unit.setext === undefined)) continue;
    const info = headingInfo(unit.text, unit.setext);
    if (info) shapes.set(i, info);
  }
  // Three or more short plain lines in a row are a list or verse, not headings.
  let runStart = -1;
  for (let i = start; i <= units.length; i++) {
    const plain = shapes.get(i)?.kind === 'plain';
    if (plain && runStart < 0) runStart = i;
    if (!plain && runStart >= 0) {
      if (i - runStart >= 3) for (let k = runStart; k < i; k++) shapes.delete(k);
      runStart = -1;
    }
  }
  const found = new Map<number, HeadingInfo>();
  for (const [i, info] of shapes) {
    const unit = units[i]!;
    if (unit.setext !== undefined) {
      found.set(i, info);
      continue;
    }
    const next = units[i + 1];
    if (!next || next.rule) continue; // a heading introduces something
    // A line after one ending in a comma carries it on: the name under a letter's "With warm thanks," is a signature.
    const previous = i > start ? units[i - 1] : undefined;
    if (previous && !previous.rule && /[,،]$/u.test(previous.text)) continue;
    if (info.kind === 'numbered') {
      // Numbered lines written together, or one straight after another, are a list.
      const prev = units[i - 1];
      const sameChunkList = [prev, next].some((u) => u && u.chunk === unit.chunk && numberedDepth(u) === info.depth);
      if (sameChunkList || (numberedDepth(next) === info.depth && next.lines.length === 1 && next.text.length < 80)) continue;
    } else if (next.text.length <= unit.text.length && !EXPLICIT.has(shapes.get(i + 1)?.kind ?? '')) {
      continue; // a heading is followed by something longer than itself
    }
    found.set(i, info);
  }
  return found;
}

/** Headings of the top rank become sections; deeper ones become slide headings inside them. */
function rankOf(headings: Map<number, HeadingInfo>): (info: HeadingInfo) => number {
  const all = [...headings.values()];
  const hasSetext1 = all.some((h) => h.kind === 'setext-1');
  const explicitTop = all.filter(
    (h) =>
      h.kind === 'caps' || h.kind === 'roman' || h.kind === 'setext-1' || (h.kind === 'setext-2' && !hasSetext1) || (h.kind === 'numbered' && h.depth === 1),
  ).length;
  return (h) => {
    if (h.kind === 'numbered') return h.depth;
    if (h.kind === 'setext-2') return hasSetext1 ? 2 : 1;
    if (h.kind === 'plain') return explicitTop >= 2 ? 2 : 1;
    return 1;
  };
}

function toBlocks(units: Unit[]): Block[] {
  const blocks: Block[] = [];
  for (const unit of units) {
    if (unit.rule) {
      blocks.push({ kind: 'break', line: unit.line });
      continue;
    }
    const item = listItem(unit.lines[0]!.text);
    if (item) {
      const text = listItem(unit.text)?.text ?? unit.text;
      const last = blocks.at(-1);
      const entry = { text, html: escapeHtml(text) };
      if (last?.kind === 'list' && last.ordered === item.ordered) {
        last.items.push(entry);
        continue;
      }
      const list: ListBlock = { kind: 'list', line: unit.line, ordered: item.ordered, items: [entry] };
      if (item.start !== undefined && item.start !== 1) list.start = item.start;
      blocks.push(list);
      continue;
    }
    blocks.push({ kind: 'paragraph', line: unit.line, text: unit.text, html: escapeHtml(unit.text) });
  }
  return blocks;
}

/** Parses plain text into an Article (format `text`). Pure; never drops text except page furniture and underlines. */
export function parseText(text: string, file: string): ParseResult {
  const units = textUnits(text);
  const meta: ArticleMeta = {};
  const warnings: Warning[] = [];
  let start = 0;

  const first = units[0];
  if (first && !first.rule && units.length > 1 && (first.lines.length === 1 || first.setext !== undefined)) {
    const title = titleInfo(first.text, first.setext);
    if (title !== undefined) {
      meta.title = title;
      start = 1;
    }
  }
  const byline = units[start];
  if (byline && byline.lines.length === 1 && start <= 1) {
    const name = bylineName(byline.text);
    if (name !== undefined) {
      meta.author = name;
      start++;
    }
  }

  const headings = findHeadings(units, start);
  const rank = rankOf(headings);
  let top = Infinity;
  for (const h of headings.values()) top = Math.min(top, rank(h));
  const sections: Section[] = [];
  let pending: Unit[] = [];
  let current: Section | undefined;
  const flush = (): void => {
    if (pending.length === 0) return;
    if (!current) {
      current = { line: pending[0]!.line, blocks: [] };
      sections.push(current);
    }
    for (const block of toBlocks(pending)) current.blocks.push(block); // no spread: may be 100,000s of blocks
    pending = [];
  };
  for (let i = start; i < units.length; i++) {
    const unit = units[i]!;
    const heading = headings.get(i);
    if (!heading) {
      pending.push(unit);
      continue;
    }
    flush();
    if (rank(heading) === top) {
      current = { title: heading.title, line: unit.line, blocks: [] };
      sections.push(current);
    } else {
      if (!current) {
        current = { line: unit.line, blocks: [] };
        sections.push(current);
      }
      current.blocks.push({ kind: 'slide-heading', line: unit.line, text: heading.title });
    }
  }
  flush();

  if (sections.length === 1 && sections[0]!.title === undefined) {
    const split = splitIntoSections(sections[0]!.blocks);
    if (split) {
      sections.length = 0;
      for (const section of split) sections.push(section);
      warnings.push({
        message: `the text has no headings, so it was divided into ${split.length} sections titled from their content; add headings to choose your own`,
        location: { file },
      });
    }
  }
  return { article: { file, format: 'text', meta, sections }, warnings };
}
