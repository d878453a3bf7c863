import type { ListBlock, ListItem } from '../article/types.js';
import { escapeHtml } from '../escape-html.js';
import { BUDGET } from './budget.js';
import { countWords, splitSentences } from './sentences.js';

/** Splits a list into slide-sized runs of top-level items (nested items travel with their parent). */
export function paginateList(list: ListBlock, lang: string): ListItem[][] {
  const pages: ListItem[][] = [];
  let page: ListItem[] = [];
  let words = 0;
  for (const item of list.items) {
    const size = itemWords(item, lang);
    if (page.length > 0 && (page.length >= BUDGET.listItems || words + size > BUDGET.listWords)) {
      pages.push(page);
      page = [];
      words = 0;
    }
    page.push(item);
    words += size;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

function itemWords(item: ListItem, lang: string): number {
  return countWords(item.text, lang) + (item.children?.items.reduce((sum, child) => sum + itemWords(child, lang), 0) ?? 0);
}

/** Splits a long quotation at sentence boundaries. */
export function paginateQuote(text: string, lang: string): string[] {
  if (countWords(text, lang) <= BUDGET.quoteWords) return [text];
  return groupByWords(splitSentences(text, lang), BUDGET.quoteWords, lang);
}

/** Splits code into runs of lines. */
export function paginateCode(code: string): string[] {
  const lines = code.split('\n');
  // Long lines wrap on the slide, so they count for more than one.
  const pages: string[] = [];
  let page: string[] = [];
  let height = 0;
  for (const line of lines) {
    const rows = Math.max(1, Math.ceil(line.length / BUDGET.codeColumns));
    if (page.length > 0 && height + rows > BUDGET.codeLines) {
      pages.push(page.join('\n'));
      page = [];
      height = 0;
    }
    page.push(line);
    height += rows;
  }
  if (page.length > 0) pages.push(page.join('\n'));
  return pages;
}

/** Splits table rows into pages; each page repeats the header. */
export function paginateTable(rows: string[][]): string[][][] {
  if (rows.length === 0) return [[]];
  const pages: string[][][] = [];
  for (let start = 0; start < rows.length; start += BUDGET.tableRows) pages.push(rows.slice(start, start + BUDGET.tableRows));
  return pages;
}

/** An HTML block stays whole when short; a long one is shown as its text, split at sentence boundaries. */
export function paginateHtml(html: string, text: string): Array<{ html: string; text: string }> {
  if (text.length <= BUDGET.htmlChars) return [{ html, text }];
  return groupByChars(splitSentences(text), BUDGET.htmlChars).map((part) => ({ html: `<p>${escapeHtml(part)}</p>`, text: part }));
}

function groupByWords(sentences: string[], limit: number, lang: string): string[] {
  const groups: string[] = [];
  let current: string[] = [];
  let words = 0;
  for (const sentence of sentences) {
    const size = countWords(sentence, lang);
    if (current.length > 0 && words + size > limit) {
      groups.push(current.join(' '));
      current = [];
      words = 0;
    }
    current.push(sentence);
    words += size;
  }
  if (current.length > 0) groups.push(current.join(' '));
  return groups;
}

function groupByChars(sentences: string[], limit: number): string[] {
  const groups: string[] = [];
  let current = '';
  for (const sentence of sentences) {
    if (current && current.length + sentence.length + 1 > limit) {
      groups.push(current);
      current = '';
    }
    current = current ? `${current} ${sentence}` : sentence;
  }
  if (current) groups.push(current);
  return groups;
}
