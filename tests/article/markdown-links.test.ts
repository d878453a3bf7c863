/**
 * Markdown link and image destinations in every encoding a browser decodes: what the reader checks must be what the
 * browser will follow. The check here is independent of the reader: the HTML is parsed by jsdom (which decodes
 * attributes as a browser does) and each URL resolved by WHATWG URL against a deck's address.
 */
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { markdownUrl } from '../../src/article/link-url.js';
import { parseMarkdown } from '../../src/article/markdown.js';
import type { Block, ListItem } from '../../src/article/types.js';

interface LinkVector {
  name: string;
  markdown: string;
}

const VECTORS = JSON.parse(readFileSync(new URL('../fixtures/hostile/markdown-links.json', import.meta.url), 'utf8')) as LinkVector[];
const DECK = 'https://deck.example/talk/';

/** The protocol a browser would use for each href/src in `html`. */
function followedUrls(html: string): Array<{ attribute: string; protocol: string; url: string }> {
  const doc = new JSDOM(`<!doctype html><body>${html}</body>`).window.document;
  const found: Array<{ attribute: string; protocol: string; url: string }> = [];
  for (const element of Array.from(doc.body.querySelectorAll('*'))) {
    for (const attribute of Array.from(element.attributes)) {
      if (/^on/i.test(attribute.name)) found.push({ attribute: attribute.name, protocol: 'handler:', url: attribute.value });
      if (attribute.name !== 'href' && attribute.name !== 'src') continue;
      const url = new URL(attribute.value, DECK);
      found.push({ attribute: `${element.localName}[${attribute.name}]`, protocol: url.protocol, url: url.href });
    }
  }
  return found;
}

function unsafe(html: string): string[] {
  return followedUrls(html)
    .filter(
      ({ protocol, url, attribute }) =>
        !['http:', 'https:', 'mailto:'].includes(protocol) && !(attribute === 'img[src]' && /^data:image\/(png|jpeg|gif|webp)[;,]/.test(url)),
    )
    .map(({ attribute, url }) => `${attribute}=${url}`);
}

function htmlOf(blocks: Block[]): string {
  const items = (list: ListItem[]): string => list.map((item) => item.html + (item.children ? items(item.children.items) : '')).join('\n');
  return blocks
    .map((block) => {
      if (block.kind === 'list') return items(block.items);
      if (block.kind === 'image') return `<img src="${block.src.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">`;
      return 'html' in block && typeof block.html === 'string' ? block.html : '';
    })
    .join('\n');
}

/** The vector in a paragraph, a list item, a nested item, a quote and a callout. */
function article(markdown: string): string {
  const inline = markdown.split('\n')[0] ?? '';
  const definitions = markdown.split('\n').slice(1).join('\n');
  return [
    '# Links',
    '',
    '## Placements',
    '',
    `A paragraph holds it: ${inline} and goes on.`,
    '',
    markdown,
    '',
    `- An item holds it: ${inline}`,
    `  - A nested item: ${inline}`,
    '',
    `> A quotation holds it: ${inline}`,
    '',
    '> [!NOTE]',
    `> A callout holds it: ${inline}`,
    '',
    definitions,
  ].join('\n');
}

describe('Markdown link destinations in encoded forms', () => {
  it('has the corpus', () => {
    expect(VECTORS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(VECTORS.map((vector) => vector.name)).size).toBe(VECTORS.length);
  });

  it('has a checker that flags what marked alone prints (so a pass means something)', async () => {
    const { marked } = await import('marked');
    const flagged = VECTORS.filter((vector) => unsafe(marked.parse(vector.markdown, { async: false })).length > 0);
    expect(flagged.length).toBeGreaterThanOrEqual(VECTORS.length - 6);
  });

  for (const vector of VECTORS) {
    it(`leaves no runnable URL: ${vector.name}`, () => {
      const { article: parsed, warnings } = parseMarkdown(article(vector.markdown), 'links.md');
      const html = htmlOf(parsed.sections.flatMap((section) => section.blocks));
      expect(unsafe(html)).toEqual([]);
      // The words of each placement stay.
      const itemText = (items: ListItem[]): string => items.map((item) => `${item.text} ${item.children ? itemText(item.children.items) : ''}`).join(' ');
      const text = parsed.sections
        .flatMap((section) => section.blocks)
        .map((block) => (block.kind === 'list' ? itemText(block.items) : 'text' in block ? block.text : ''))
        .join(' ');
      for (const placement of ['A paragraph holds it', 'An item holds it', 'A nested item', 'A quotation holds it', 'A callout holds it']) {
        expect(text).toContain(placement);
      }
      // A refused link is reported, with the file and line.
      if (!html.includes('href=') && !vector.name.startsWith('title')) {
        expect(warnings.some((warning) => /removed|dropped/.test(warning.message) && warning.location?.file === 'links.md' && warning.location.line)).toBe(
          true,
        );
      }
    });
  }
});

describe('markdownUrl', () => {
  it('decodes entity references the way CommonMark does, then checks the result', () => {
    expect(markdownUrl('https://example.org/?a=1&amp;b=2')).toBe('https://example.org/?a=1&b=2');
    expect(markdownUrl('https://example.org/a&#95;b')).toBe('https://example.org/a_b');
    expect(markdownUrl('mailto:me@example.org')).toBe('mailto:me@example.org');
    expect(markdownUrl('#section')).toBe('#section');
    expect(markdownUrl('pictures/a b.png', true)).toBe('pictures/a%20b.png');
    expect(markdownUrl('data:image/png;base64,AAAA', true)).toBe('data:image/png;base64,AAAA');
    expect(markdownUrl('data:image/png;base64,AAAA')).toBeUndefined();
    expect(markdownUrl('javascript&colon;alert(1)')).toBeUndefined();
    expect(markdownUrl('java&Tab;script:alert(1)')).toBeUndefined();
  });

  it('keeps ordinary links with entities working, printed so the browser follows the decoded URL', () => {
    const { article: parsed, warnings } = parseMarkdown(
      '# T\n\n## S\n\nSee [the query](https://example.org/?a=1&amp;b=2 "Tom &amp; Ann") and [mail](<mailto:me@example.org>).\n',
      'ok.md',
    );
    const html = htmlOf(parsed.sections.flatMap((section) => section.blocks));
    expect(followedUrls(html).map(({ url }) => url)).toEqual(['https://example.org/?a=1&b=2', 'mailto:me@example.org']);
    expect(html).toContain('title="Tom &amp; Ann"');
    expect(warnings).toEqual([]);
  });
});
