import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/article/markdown.js';
import { LecternError } from '../../src/errors.js';

const deck = `---
title: Harbour Lights
subtitle: A short history
author: R. Ferreira
date: 2024-05-01
lang: en
duration: 20m
wpm: 150
---

# Harbour Lights

The first lamps burned whale oil. Keepers trimmed wicks through the night.

## Early lamps

Fresnel lenses changed **everything** in 1823. They bent light into a [beam](https://example.org).

### Keepers' lives

- Long shifts
  - Night watches
- Isolation

Note: Mention the logbooks here.
They recorded every ship.

---

> A light is a promise kept in the dark.
> — Anonymous keeper

## Machines take over

\`\`\`js
lamp.on();
\`\`\`

| Year | Event |
| ---- | ----- |
| 1960 | Automation |

![A lighthouse at dusk](lighthouse.png)
`;

describe('parseMarkdown', () => {
  const { article, warnings } = parseMarkdown(deck, 'harbour.md');

  it('reads front matter into metadata', () => {
    expect(article.meta).toMatchObject({
      title: 'Harbour Lights',
      subtitle: 'A short history',
      author: 'R. Ferreira',
      date: '2024-05-01',
      lang: 'en',
      duration: 1200,
      wpm: 150,
    });
    expect(warnings).toEqual([]);
  });

  it('makes `##` sections, with the text before them as the introduction', () => {
    expect(article.sections.map((section) => section.title)).toEqual([undefined, 'Early lamps', 'Machines take over']);
    expect(article.sections[0]?.blocks[0]).toMatchObject({ kind: 'paragraph', line: 13 });
  });

  it('keeps `###` slide titles, notes, breaks, lists and quotes in order with their lines', () => {
    const kinds = article.sections[1]?.blocks.map((block) => block.kind);
    expect(kinds).toEqual(['paragraph', 'slide-heading', 'list', 'notes', 'break', 'quote']);
    const notes = article.sections[1]?.blocks.find((block) => block.kind === 'notes');
    expect(notes).toMatchObject({ text: 'Mention the logbooks here. They recorded every ship.' });
    const quote = article.sections[1]?.blocks.find((block) => block.kind === 'quote');
    expect(quote).toMatchObject({ text: 'A light is a promise kept in the dark.', attribution: 'Anonymous keeper', line: 30 });
    const list = article.sections[1]?.blocks.find((block) => block.kind === 'list');
    expect(list).toMatchObject({ items: [{ text: 'Long shifts', children: { items: [{ text: 'Night watches' }] } }, { text: 'Isolation' }] });
  });

  it('keeps inline markup as safe HTML and plain text for sizing', () => {
    const paragraph = article.sections[1]?.blocks[0];
    expect(paragraph).toMatchObject({ kind: 'paragraph', text: 'Fresnel lenses changed everything in 1823. They bent light into a beam.' });
    expect(paragraph && 'html' in paragraph ? paragraph.html : '').toContain('<strong>everything</strong>');
  });

  it('reads code, tables and images', () => {
    expect(article.sections[2]?.blocks).toMatchObject([
      { kind: 'code', code: 'lamp.on();', lang: 'js' },
      { kind: 'table', header: ['Year', 'Event'], rows: [['1960', 'Automation']] },
      { kind: 'image', src: 'lighthouse.png', alt: 'A lighthouse at dusk' },
    ]);
  });

  it('uses a lone `#` heading as the title when front matter has none, and sections at the shallowest depth left', () => {
    const { article: plain } = parseMarkdown('# Title here\n\nIntro.\n\n### Deep one\n\nText.\n\n#### Deeper\n\nMore.\n', 'deep.md');
    expect(plain.meta.title).toBe('Title here');
    expect(plain.sections.map((section) => section.title)).toEqual([undefined, 'Deep one']);
    expect(plain.sections[1]?.blocks.map((block) => block.kind)).toEqual(['paragraph', 'slide-heading', 'paragraph']);
  });

  it('warns about an unknown front-matter key, naming the closest known one', () => {
    const { warnings: found } = parseMarkdown('---\ntitel: Oops\n---\n\nText.\n', 'typo.md');
    expect(found[0]?.message).toMatch(/unknown front matter key `titel`.*`title`/);
    expect(found[0]?.location).toMatchObject({ file: 'typo.md', line: 2 });
  });

  it('reports broken YAML with file, line and column', () => {
    try {
      parseMarkdown('---\ntitle: ok\nauthor: [unclosed\n---\n\nText.\n', 'broken.md');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(LecternError);
      const lectern = error as LecternError;
      expect(lectern.location?.file).toBe('broken.md');
      expect(lectern.location?.line).toBeGreaterThanOrEqual(3);
      expect(lectern.format()).toMatch(/^broken\.md:\d+:\d+: invalid front matter/);
    }
  });

  it('rejects a bad duration', () => {
    expect(() => parseMarkdown('---\nduration: soon\n---\n\nText.\n', 'd.md')).toThrow(/duration/);
  });

  it('keeps a `#` line that differs from both title and subtitle as a section, so nothing is lost', () => {
    const { article: kept } = parseMarkdown('---\ntitle: A\nsubtitle: B\n---\n\n# Something else\n\nBody text.\n', 'k.md');
    expect(kept.sections.map((section) => section.title)).toContain('Something else');
  });

  it('reads a callout as a labelled paragraph and keeps <details> as sanitised HTML', () => {
    const { article: callouts } = parseMarkdown(
      '## Tips\n\n> [!WARNING]\n> Keep the sail **dry**.\n\n<details><summary>More</summary>Extra words here.</details>\n',
      'c.md',
    );
    expect(callouts.sections[0]?.blocks[0]).toMatchObject({ kind: 'paragraph', text: 'Warning: Keep the sail dry.' });
    expect(callouts.sections[0]?.blocks[1]).toMatchObject({ kind: 'html', text: 'More Extra words here.' });
  });

  it('keeps a <details> block written with Markdown inside (GitHub’s form) as one HTML block, summary with its text', () => {
    const source = '## Tips\n\n<details>\n<summary>Why?</summary>\n\nBecause **wet** film tears.\n\n- one\n- two\n\n</details>\n\nAfter it.\n';
    const blocks = parseMarkdown(source, 'd.md').article.sections[0]?.blocks ?? [];
    expect(blocks.map((block) => block.kind)).toEqual(['html', 'paragraph']);
    expect(blocks[0]).toMatchObject({ kind: 'html', text: 'Why? Because wet film tears. one two', line: 3 });
    expect(blocks[0]?.kind === 'html' && blocks[0].html).toMatch(/^<details>\s*<summary>Why\?<\/summary>\s*<p>Because <strong>wet<\/strong> film tears\.<\/p>/);
    // A heading before the closing tag is not swallowed.
    const open = parseMarkdown('## A\n\n<details>\n<summary>More</summary>\n\n## B\n\nText.\n', 'o.md').article;
    expect(open.sections.map((section) => section.title)).toEqual(['A', 'B']);
  });

  it('reads list items that hold whole blocks (paragraphs, code, quotes, tables) as one item each', () => {
    const source = [
      '- Wicks were trimmed.',
      '',
      '  Oil was carried up at dusk.',
      '- A log entry:',
      '',
      '      lamp lit 18:40',
      '- Signals:',
      '  > Two flashes <b>meant</b> danger.',
      '- Shifts:',
      '  | Keeper | Hours |',
      '  | ------ | ----- |',
      '  | Ana | 12 |',
      '',
    ].join('\n');
    const list = parseMarkdown(source, 'loose.md').article.sections[0]?.blocks[0];
    expect(list).toMatchObject({
      kind: 'list',
      items: [
        { text: 'Wicks were trimmed. Oil was carried up at dusk.' },
        { text: 'A log entry: lamp lit 18:40', html: 'A log entry: <code>lamp lit 18:40</code>' },
        { text: 'Signals: Two flashes meant danger.' },
        { text: 'Shifts: Keeper Hours Ana 12' },
      ],
    });
  });

  it('shows a task item’s box once, as text', () => {
    const list = parseMarkdown('- [ ] Paint the tower\n\n  before winter\n- [x] Clean the lens\n', 'tasks.md').article.sections[0]?.blocks[0];
    expect(list).toMatchObject({
      items: [
        { text: '☐ Paint the tower before winter', html: '☐ Paint the tower before winter' },
        { text: '☑ Clean the lens', html: '☑ Clean the lens' },
      ],
    });
  });
});
