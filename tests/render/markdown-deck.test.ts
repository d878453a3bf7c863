import { mkdtempSync, readFileSync } from 'node:fs';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/article/markdown.js';
import { readArticle } from '../../src/article/read.js';
import { outlineArticle } from '../../src/outline/outline.js';
import type { Deck } from '../../src/outline/types.js';
import { deckToMarkdown } from '../../src/render/markdown-deck.js';
import { runCli } from '../helpers/cli.js';
import { DEFAULT_DECK, FIXTURE_ARTICLES, SEED_ARTICLE } from '../helpers/paths.js';

/**
 * What a reader of the deck sees: everything but where in which file it came from, and which sentences of the notes
 * the points were drawn from (an outlined deck marks them; the explicit Markdown keeps the notes as plain text).
 */
/**
 * What a rebuilt deck must keep. A section's `takeaway` is chosen from the article's sentences; an imported deck states
 * its takeaways on its closing slide instead, which the slides compared here include.
 */
function comparable(deck: Deck): unknown {
  const sections = deck.sections.map(({ takeaway: _takeaway, ...section }) => section);
  return { meta: deck.meta, sections, slides: deck.slides.map(({ lines: _lines, sources: _sources, ...slide }) => slide) };
}

const sources = [
  SEED_ARTICLE,
  DEFAULT_DECK,
  ...readdirSync(FIXTURE_ARTICLES)
    .filter((name) => /\.(md|txt|html)$/.test(name) && name !== 'README.md')
    .map((name) => join(FIXTURE_ARTICLES, name)),
];

describe.each(sources)('lectern import round trip: %s', (source) => {
  it('gives the same slides when the explicit Markdown is built again', async () => {
    const { article } = await readArticle(source);
    const deck = outlineArticle(article);
    const markdown = deckToMarkdown(deck);
    const { article: again, warnings } = parseMarkdown(markdown, 'imported.md');
    expect(warnings).toEqual([]);
    expect(comparable(outlineArticle(again))).toEqual(comparable(deck));
  });
});

describe('lectern import round trip: deck settings', () => {
  it('keeps `fragments: true`', () => {
    const { article } = parseMarkdown('---\ntitle: Steps\nfragments: true\n---\n\n## Part\n\nOne point here.\n', 'steps.md');
    const deck = outlineArticle(article);
    const markdown = deckToMarkdown(deck);
    expect(markdown).toContain('\nfragments: true\n');
    expect(outlineArticle(parseMarkdown(markdown, 'imported.md').article).meta.fragments).toBe(true);
  });

  it('keeps notes that open with "Note:" (a callout) whole instead of reading them as the notes marker', () => {
    const { article } = parseMarkdown('## Part\n\n> [!NOTE]\n> Keep the sail dry.\n\nNote: Said aloud.\n', 'callout.md');
    const deck = outlineArticle(article);
    expect(deck.slides.flatMap((slide) => slide.notes)).toEqual(['Note: Keep the sail dry.', 'Said aloud.']);
    const again = outlineArticle(parseMarkdown(deckToMarkdown(deck), 'imported.md').article);
    expect(again.slides.flatMap((slide) => slide.notes)).toEqual(['Note: Keep the sail dry.', 'Said aloud.']);
  });
});

describe('lectern import command', () => {
  it('writes the explicit deck to --out and it builds to the same slides', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'lectern-import-')), 'deepseek.md');
    const result = await runCli(['import', SEED_ARTICLE, '--out', out, '--duration', '15m']);
    expect(result.code, result.stderr).toBe(0);
    const markdown = readFileSync(out, 'utf8');
    expect(markdown).toMatch(/^---\ntitle: DeepSeek R1\n/);
    expect(markdown).toContain('<!-- slide: figure -->');
    const original = JSON.parse((await runCli(['build', SEED_ARTICLE, '--json', '--duration', '15m'])).stdout) as Deck;
    const rebuilt = JSON.parse((await runCli(['build', out, '--json'])).stdout) as Deck;
    expect(comparable(rebuilt)).toEqual(comparable(original));
    expect(rebuilt.meta.totalTime).toBe(900);
  });
});

describe('lectern import round trip: code fences', () => {
  // Each article holds one code block whose fence or content could end the block early, or not open it at all.
  const cases: Array<[string, string, string]> = [
    ['a tilde fence whose info string holds backticks', '~~~js`evil`\n## Not a heading\n\n- not a list item\n~~~', 'js`evil`'],
    ['a tilde fence whose language is only a backtick', '~~~ `\n# Still code\n~~~', '`'],
    ['backtick fences inside the code', '````md\n```\nnot the end\n```\n````', 'md'],
    ['tilde lines inside code with a backtick language', '~~~~~py`x`\n~~~\n~~~~\nprint(1)\n~~~~~', 'py`x`'],
    ['a language holding a tilde and a backtick', '~~~a`b~c\n> not a quote\n~~~', 'a`b~c'],
  ];

  it.each(cases)('keeps %s as code, not slides', (_name, fence, lang) => {
    const source = `---\ntitle: Fences\n---\n\n## Code\n\nThe block below is code and nothing else.\n\n${fence}\n`;
    const { article } = parseMarkdown(source, 'fences.md');
    const deck = outlineArticle(article);
    const code = deck.slides.find((slide) => slide.code)?.code;
    expect(code?.lang).toBe(lang);
    const markdown = deckToMarkdown(deck);
    const { article: again, warnings } = parseMarkdown(markdown, 'imported.md');
    expect(warnings).toEqual([]);
    const rebuilt = outlineArticle(again);
    expect(comparable(rebuilt)).toEqual(comparable(deck));
    expect(rebuilt.slides.find((slide) => slide.code)?.code).toEqual(code);
  });
});
