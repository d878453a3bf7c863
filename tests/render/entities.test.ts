import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/article/markdown.js';
import { outlineArticle } from '../../src/outline/outline.js';
import { renderDeck } from '../../src/render/render.js';
import { compileTemplates } from '../../src/render/template-set.js';
import { loadTemplateSet } from '../../src/render/template-files.js';

const assets = { stylesheets: ['assets/theme.css'], scripts: ['assets/lectern.js'] };

/** The deck as a browser reads it: the text of every slide and of its notes, after the HTML parser decoded it. */
async function renderedText(markdown: string): Promise<{ slides: string; notes: string; title: string }> {
  const deck = outlineArticle(parseMarkdown(markdown, 'deck.md').article);
  const html = await renderDeck(deck, compileTemplates(await loadTemplateSet()), assets);
  const { document } = new JSDOM(html).window;
  const notes = [...document.querySelectorAll('aside.notes')].map((aside) => aside.textContent ?? '').join('\n');
  for (const aside of document.querySelectorAll('aside.notes')) aside.remove();
  const alts = [...document.querySelectorAll('.slides img[alt]')].map((img) => img.getAttribute('alt') ?? '');
  const slides = [...document.querySelectorAll('.slides section')].map((section) => section.textContent ?? '').join('\n') + alts.join('\n');
  return { slides, notes, title: document.title };
}

describe('HTML entity references in Markdown', () => {
  it('reach the slide and the notes as the characters they name, in every kind of text', async () => {
    const { slides, notes, title } = await renderedText(
      [
        '---',
        'title: Harbour works &mdash; a report',
        'subtitle: Plans &amp; costs',
        '---',
        '',
        '## Costs',
        '',
        'Costs rose &mdash; sharply &hellip; at the caf&eacute; by the quay, where 5&nbsp;boats wait &copy; the town.',
        '',
        '## Options',
        '',
        '- Raise the wall &mdash; higher',
        '- Move the moorings &hellip; inland',
        '',
        '## Site',
        '',
        '![Map of the quay &mdash; north side](map.png "The quay &ndash; 2024")',
        '',
        '## Quote',
        '',
        '> The sea always wins &mdash; eventually.',
        '> — Ren&eacute; Harbourmaster',
        '',
      ].join('\n'),
    );
    for (const text of [slides, notes]) expect(text).not.toMatch(/&(?:mdash|hellip|eacute|nbsp|copy|ndash|amp);/);
    expect(title).toBe('Harbour works — a report');
    expect(slides).toContain('Plans & costs');
    expect(slides).toContain('Costs rose — sharply … at the café');
    expect(slides).toContain('5\u00a0boats');
    expect(slides).toContain('© the town');
    expect(slides).toContain('Raise the wall — higher');
    expect(slides).toContain('Move the moorings … inland');
    expect(slides).toContain('Map of the quay — north side');
    expect(slides).toContain('The sea always wins — eventually.');
    expect(slides).toContain('René Harbourmaster');
    expect(notes).toContain('Costs rose — sharply … at the café');
    expect(notes).toContain('Raise the wall — higher');
  });

  it('stay as written inside code, where Markdown keeps them literal', async () => {
    const { slides } = await renderedText('## Syntax\n\nWrite `&mdash;` in the source to get a long dash in the text.\n');
    expect(slides).toContain('&mdash;');
  });
});
