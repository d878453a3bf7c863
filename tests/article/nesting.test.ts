import { describe, expect, it } from 'vitest';
import { MAX_HTML_NESTING, MAX_MARKDOWN_NESTING, checkHtmlNesting, checkMarkdownNesting } from '../../src/article/nesting.js';
import { LecternError } from '../../src/errors.js';

const refused = (check: () => void): LecternError => {
  try {
    check();
  } catch (error) {
    if (error instanceof LecternError) return error;
    throw error;
  }
  throw new Error('not refused');
};

describe('Markdown nesting bound', () => {
  const list = (depth: number, indent = '  '): string => Array.from({ length: depth }, (_, n) => `${indent.repeat(n)}- level ${n + 1}`).join('\n');

  it('accepts lists and quotes up to the limit, in any indentation style', () => {
    expect(() => checkMarkdownNesting(list(MAX_MARKDOWN_NESTING), 'a.md')).not.toThrow();
    expect(() => checkMarkdownNesting(list(MAX_MARKDOWN_NESTING, '    '), 'a.md')).not.toThrow();
    expect(() => checkMarkdownNesting(`${'>'.repeat(MAX_MARKDOWN_NESTING)} quoted`, 'a.md')).not.toThrow();
    // Siblings do not nest: a thousand items at one level, and items that return to the left margin.
    expect(() => checkMarkdownNesting(Array.from({ length: 1000 }, (_, n) => `- item ${n}`).join('\n'), 'a.md')).not.toThrow();
    expect(() => checkMarkdownNesting(Array.from({ length: 200 }, () => list(40)).join('\n\nA paragraph.\n\n'), 'a.md')).not.toThrow();
  });

  it('ignores rules drawn with dashes and fenced code', () => {
    expect(() => checkMarkdownNesting(`Text\n\n${'- '.repeat(200)}\n\n${'* '.repeat(200)}\n`, 'a.md')).not.toThrow();
    expect(() => checkMarkdownNesting(`\`\`\`\n${'>'.repeat(500)} code\n${'<div>'.repeat(1000)}\n\`\`\`\n`, 'a.md')).not.toThrow();
    expect(() => checkMarkdownNesting(`~~~~\n\`\`\`\n${'- '.repeat(500)}x\n~~~~\n`, 'a.md')).not.toThrow();
  });

  it('refuses one level more, naming the file line and the limit', () => {
    const error = refused(() => checkMarkdownNesting(`# T\n\n${list(MAX_MARKDOWN_NESTING + 1)}\n`, 'deep.md', 4));
    expect(error.exitCode).toBe(3);
    expect(error.format()).toMatch(
      new RegExp(`^deep\\.md:${4 + 3 + MAX_MARKDOWN_NESTING}: block quotes and lists nested more than ${MAX_MARKDOWN_NESTING} deep`),
    );
    expect(refused(() => checkMarkdownNesting(`a\n${'> '.repeat(30)}${'- '.repeat(30)}x`, 'mixed.md')).format()).toMatch(/^mixed\.md:2: /);
    expect(refused(() => checkMarkdownNesting(`${'1. '.repeat(60)}x`, 'ordered.md')).format()).toMatch(/^ordered\.md:1: /);
  });
});

describe('HTML nesting bound', () => {
  it('accepts deep but legal trees, void elements and elements closed by the parser', () => {
    expect(() => checkHtmlNesting(`${'<div>'.repeat(MAX_HTML_NESTING)}x${'</div>'.repeat(MAX_HTML_NESTING)}`, 'a.html')).not.toThrow();
    expect(() => checkHtmlNesting('<p>one<p>two<li>x<li>y<br><img src=a><hr>'.repeat(5000), 'a.html')).not.toThrow();
    expect(() => checkHtmlNesting(`<script>${'<div>'.repeat(1000)}</script><!-- ${'<div>'.repeat(1000)} -->`, 'a.html')).not.toThrow();
    // A stray end tag closes nothing; an end tag closes what was opened inside its element.
    expect(() => checkHtmlNesting(`${'<section><b>'.repeat(100)}x${'</section>'.repeat(100)}`.repeat(50), 'a.html')).not.toThrow();
  });

  it('refuses one level more with the line of the tag', () => {
    const html = `<html>\n<body>\n${'<div>\n'.repeat(MAX_HTML_NESTING + 5)}`;
    const error = refused(() => checkHtmlNesting(html, 'deep.html'));
    expect(error.exitCode).toBe(3);
    expect(error.format()).toMatch(new RegExp(`^deep\\.html:${2 + MAX_HTML_NESTING + 1}: HTML elements nested more than ${MAX_HTML_NESTING} deep`));
  });

  it('stays linear on tags that never close', () => {
    const started = process.hrtime.bigint();
    checkHtmlNesting('<a<b'.repeat(200_000), 'a.html');
    checkHtmlNesting('<script>'.repeat(50_000), 'a.html');
    expect(Number(process.hrtime.bigint() - started) / 1e9).toBeLessThan(5);
  });
});
