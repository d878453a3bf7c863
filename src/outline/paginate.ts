import type { ListBlock, ListItem } from '../article/types.js';
import { escapeHtml } from '../escape-html.js';
import { BUDGET, type LayoutBudget } from './budget.js';
import { countWords, splitSentences } from './sentences.js';

/** Splits a list into slide-sized runs of top-level items (nested items travel with their parent). */
export function paginateList(list: ListBlock, lang: string, budget: LayoutBudget = BUDGET): ListItem[][] {
  const pages: ListItem[][] = [];
  let page: ListItem[] = [];
  let words = 0;
  for (const item of list.items) {
    const size = itemWords(item, lang);
    if (page.length > 0 && (page.length >= budget.listItems || words + size > budget.listWords)) {
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
export function paginateQuote(text: string, lang: string, budget: LayoutBudget = BUDGET): string[] {
  if (countWords(text, lang) <= budget.quoteWords) return [text];
  return groupByWords(splitSentences(text, lang), budget.quoteWords, lang);
}

/** Splits code into runs of lines. */
export function paginateCode(code: string, budget: LayoutBudget = BUDGET): string[] {
  const lines = code.split('\n');
  // Long lines wrap on the slide, so they count for more than one.
  const pages: string[] = [];
  let page: string[] = [];
  let height = 0;
  for (const line of lines) {
    const rows = Math.max(1, Math.ceil(line.length / budget.codeColumns));
    if (page.length > 0 && height + rows > budget.codeLines) {
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
export function paginateTable(rows: string[][], budget: LayoutBudget = BUDGET): string[][][] {
  if (rows.length === 0) return [[]];
  const pages: string[][][] = [];
  for (let start = 0; start < rows.length; start += budget.tableRows) pages.push(rows.slice(start, start + budget.tableRows));
  return pages;
}

/** An HTML block stays whole when short; a long one is shown as its text, split at sentence boundaries. */
export function paginateHtml(html: string, text: string, budget: LayoutBudget = BUDGET): Array<{ html: string; text: string }> {
  if (text.length <= budget.htmlChars) return [{ html, text }];
  return groupByChars(splitSentences(text), budget.htmlChars).map((part) => ({ html: `<p>${escapeHtml(part)}</p>`, text: part }));
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
