import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportDeck } from '../../src/api/commands.js';
import { clock } from '../../src/export/script.js';
import { measureCoverage } from '../../src/outline/coverage.js';
import type { Deck } from '../../src/outline/types.js';
import { prepareDeck, type PreparedDeck } from '../../src/pipeline.js';
import { exportOk, SEED_ARTICLE, tempDir } from './helpers.js';

const EVERY_LAYOUT = new URL('./fixtures/every-layout.md', import.meta.url).pathname;

/** A deck whose only text is `script`, to ask the coverage check whether the script holds every sentence. */
function scriptAsDeck(deck: Deck, script: string): Deck {
  return { ...deck, slides: [{ id: 's-script', layout: 'points', notes: [script], timing: 0, lines: [1, 1] }] };
}

/** Markdown's backslash escapes undone, as a reader sees the text. */
const unescape = (markdown: string): string => markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');

/** Every slide heading with its timing: `N. Title` then `Time a–b (c)` (Markdown: `## N. Title`, `*Time …*`). */
function headings(script: string, markdown: boolean): Array<{ number: number; title: string; start: string; end: string; length: string }> {
  const pattern = markdown ? /^## (\d+)\. (.*)\n\n\*Time (\S+)–(\S+) \((\S+)\)\*$/gm : /^(\d+)\. (.*)\nTime (\S+)–(\S+) \((\S+)\)$/gm;
  return [...script.matchAll(pattern)].map((match) => ({
    number: Number(match[1]),
    title: markdown ? unescape(match[2] ?? '') : (match[2] ?? ''),
    start: match[3] ?? '',
    end: match[4] ?? '',
    length: match[5] ?? '',
  }));
}

describe('lectern export --format txt and md: the speaker script', () => {
  const dir = tempDir();
  let prepared: PreparedDeck;
  let text = '';
  let markdown = '';

  beforeAll(async () => {
    prepared = await prepareDeck(SEED_ARTICLE);
    await exportOk([SEED_ARTICLE, '-o', join(dir, 'talk.txt'), '--quiet']);
    await exportOk([SEED_ARTICLE, '--format', 'md', '--out', join(dir, 'talk.md'), '--quiet']);
    text = readFileSync(join(dir, 'talk.txt'), 'utf8');
    markdown = readFileSync(join(dir, 'talk.md'), 'utf8');
  });

  it('holds every sentence of the article', () => {
    for (const script of [text, unescape(markdown)]) {
      const coverage = measureCoverage(prepared.article, scriptAsDeck(prepared.deck, script));
      expect(coverage.missing).toEqual([]);
      expect(coverage.sentences).toBeGreaterThan(50);
    }
  });

  it('gives the slide titles in order, each with its time and the running time', () => {
    const { slides, meta } = prepared.deck;
    for (const script of [headings(text, false), headings(markdown, true)]) {
      expect(script.map((heading) => heading.number)).toEqual(slides.map((_slide, index) => index + 1));
      expect(script.map((heading) => heading.title)).toEqual(slides.map((slide) => slide.title ?? slide.layout));
      let start = 0;
      for (const [index, slide] of slides.entries()) {
        expect(script[index]).toMatchObject({ start: clock(start), end: clock(start + slide.timing), length: clock(slide.timing) });
        start += slide.timing;
      }
      expect(script.at(-1)?.end).toBe(clock(meta.totalTime));
    }
    expect(text).toContain(`${slides.length} slides, ${clock(meta.totalTime)} at ${meta.wpm} words a minute`);
  });

  it("shows each slide's points under its title", () => {
    const slide = prepared.deck.slides.find((candidate) => candidate.layout === 'points');
    const at = text.indexOf(`. ${slide?.title}\n`);
    expect(at).toBeGreaterThan(0);
    for (const point of slide?.points ?? []) expect(text.slice(at)).toContain(`* ${point.text}`);
  });

  it('keeps code, tables, quotes and HTML readable, and --slides picks slides', async () => {
    const out = join(tempDir(), 'every.md');
    const whole = (await prepareDeck(EVERY_LAYOUT)).deck.slides;
    const numbers = ['quote', 'table', 'code', 'html'].map((layout) => whole.findIndex((slide) => slide.layout === layout) + 1);
    const { deck } = await exportDeck(EVERY_LAYOUT, { out, slides: numbers.join(',') });
    expect(deck.slides.map((slide) => slide.layout)).toEqual(['quote', 'table', 'code', 'html']);
    const script = readFileSync(out, 'utf8');
    expect(script).toContain('| Item | First year | Later years |\n| --- | ---: | ---: |\n| Tools | 1,850 | 300 |');
    expect(script).toContain('```python\ndef log_visit(sheet, item, fixed):\n');
    expect(script).toContain('> "Nothing teaches you how a thing works like opening it with its owner watching." — Tomas Reyes');
    expect(script).toContain('Safety first: unplug before opening anything.\n\nNever open a microwave.');
    expect(headings(script, true).map((heading) => heading.number)).toEqual([1, 2, 3, 4]);
  });

  it('lists a timeline as its dates and events, in text and in Markdown', async () => {
    const dir = tempDir();
    const file = join(dir, 'ferry.md');
    writeFileSync(
      file,
      '# The Ferry\n\n## Crossings\n\n- In 1921 the first ferry crossed the estuary.\n- In March 1948 a diesel boat replaced the steamer.\n- In 2014 the ferry ran its last crossing.\n',
    );
    await exportDeck(file, { out: join(dir, 'ferry.txt') });
    await exportDeck(file, { out: join(dir, 'ferry.md.md') });
    expect(readFileSync(join(dir, 'ferry.txt'), 'utf8')).toContain(
      '1921: The first ferry crossed the estuary\nMarch 1948: A diesel boat replaced the steamer\n2014: The ferry ran its last crossing\n',
    );
    expect(readFileSync(join(dir, 'ferry.md.md'), 'utf8')).toContain(
      '- **1921**: The first ferry crossed the estuary\n- **March 1948**: A diesel boat replaced the steamer\n',
    );
  });
});
