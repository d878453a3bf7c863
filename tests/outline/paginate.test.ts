import { describe, expect, it } from 'vitest';
import type { ListBlock, ListItem } from '../../src/article/types.js';
import { BUDGET } from '../../src/outline/budget.js';
import { paginateCode, paginateHtml, paginateList, paginateQuote, paginateTable } from '../../src/outline/paginate.js';

const item = (text: string, children?: ListItem[]): ListItem => ({ text, html: text, ...(children ? { children: list(children) } : {}) });
const list = (items: ListItem[]): ListBlock => ({ kind: 'list', ordered: false, items, line: 1 });
const words = (count: number, word = 'tide'): string => Array.from({ length: count }, () => word).join(' ');

describe('paginateList', () => {
  it('keeps a short list on one page, in order', () => {
    const items = ['Oars', 'Sails', 'Rudder'].map((text) => item(text));
    expect(paginateList(list(items), 'en')).toEqual([items]);
  });

  it('starts a new page after the item limit, losing and reordering nothing', () => {
    const items = Array.from({ length: BUDGET.listItems * 2 + 1 }, (_, n) => item(`Harbour ${n + 1}`));
    const pages = paginateList(list(items), 'en');
    expect(pages.map((page) => page.length)).toEqual([BUDGET.listItems, BUDGET.listItems, 1]);
    expect(pages.flat()).toEqual(items);
  });

  it('starts a new page when the words would pass the budget, counting nested items with their parent', () => {
    const half = Math.ceil(BUDGET.listWords / 2) + 1;
    const parent = item(words(2), [item(words(half - 2))]);
    const pages = paginateList(list([parent, item(words(half))]), 'en');
    expect(pages).toEqual([[parent], [expect.objectContaining({ text: words(half) })]]);
    // A nested item always stays with its parent, even when together they pass the budget.
    expect(pages[0]![0]!.children?.items).toHaveLength(1);
  });

  it('puts a single oversized item on a page of its own rather than dropping it', () => {
    const huge = item(words(BUDGET.listWords * 3));
    expect(paginateList(list([huge]), 'en')).toEqual([[huge]]);
  });
});

describe('paginateQuote', () => {
  it('leaves a quotation within the budget whole', () => {
    expect(paginateQuote('The sea keeps its own time.', 'en')).toEqual(['The sea keeps its own time.']);
  });

  it('splits a long quotation between sentences, every sentence kept once', () => {
    const sentences = Array.from({ length: 12 }, (_, n) => `Sentence ${n + 1} of the keeper's log records the weather at the pier.`);
    const pages = paginateQuote(sentences.join(' '), 'en');
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.join(' ')).toBe(sentences.join(' '));
    for (const page of pages) expect(page.split(' ').length).toBeLessThanOrEqual(BUDGET.quoteWords);
  });
});

describe('paginateCode', () => {
  it('splits at the line budget and keeps every line', () => {
    const lines = Array.from({ length: BUDGET.codeLines + 3 }, (_, n) => `let x${n} = ${n};`);
    const pages = paginateCode(lines.join('\n'));
    expect(pages).toHaveLength(2);
    expect(pages[0]!.split('\n')).toHaveLength(BUDGET.codeLines);
    expect(pages.join('\n')).toBe(lines.join('\n'));
  });

  it('counts a line longer than the slide is wide as the rows it wraps to', () => {
    const long = 'x'.repeat(BUDGET.codeColumns * 3);
    const lines = [long, ...Array.from({ length: BUDGET.codeLines - 2 }, (_, n) => `line ${n}`)];
    // The long line takes three rows, so the last of the short lines no longer fits.
    expect(paginateCode(lines.join('\n'))).toHaveLength(2);
  });
});

describe('paginateTable', () => {
  it('splits body rows into pages of the row budget', () => {
    const rows = Array.from({ length: BUDGET.tableRows + 1 }, (_, n) => [`port ${n}`, String(n)]);
    const pages = paginateTable(rows);
    expect(pages.map((page) => page.length)).toEqual([BUDGET.tableRows, 1]);
    expect(pages.flat()).toEqual(rows);
  });

  it('gives an empty table one empty page, so the slide still exists', () => {
    expect(paginateTable([])).toEqual([[]]);
  });
});

describe('paginateHtml', () => {
  it('keeps a short block as its HTML', () => {
    expect(paginateHtml('<p><b>Low</b> tide</p>', 'Low tide')).toEqual([{ html: '<p><b>Low</b> tide</p>', text: 'Low tide' }]);
  });

  it('shows a long block as escaped paragraphs of its text, split between sentences', () => {
    const sentence = 'The <gate> & the lock open at dawn when the water is high enough.';
    const text = Array.from({ length: 12 }, () => sentence).join(' ');
    const pages = paginateHtml(`<div>${text}</div>`, text);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.map((page) => page.text).join(' ')).toBe(text);
    for (const page of pages) {
      expect(page.text.length).toBeLessThanOrEqual(BUDGET.htmlChars);
      expect(page.html).toMatch(/^<p>[^<>]*<\/p>$/);
      expect(page.html).toContain('&lt;gate&gt; &amp; the lock');
    }
  });
});
