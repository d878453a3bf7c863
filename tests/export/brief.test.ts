import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { briefLevels, FONT_FLOOR_PT } from '../../src/export/brief.js';
import { briefOf, clip, condenseBrief, FULL, sectionTakeaways } from '../../src/export/brief-content.js';
import { renderBriefHtml } from '../../src/export/brief-html.js';
import { PAPER_SIZES } from '../../src/export/paper.js';
import type { Deck } from '../../src/outline/types.js';
import { exportDeck, readDeck } from '../../src/index.js';
import { ExitCode } from '../../src/errors.js';
import { prepareDeck } from '../../src/pipeline.js';
import { exportOk, normalise, pdfInfo, pdfPages, SEED_ARTICLE, SKIP_BROWSER_TESTS, tempDir } from './helpers.js';
import { runCliInProcess as runCli } from '../helpers/cli.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/articles/', import.meta.url));
const ARTICLES = [
  ...readdirSync(FIXTURES)
    .filter((name) => /\.(md|txt|html)$/.test(name) && name !== 'README.md')
    .map((name) => join(FIXTURES, name)),
  SEED_ARTICLE,
];

/** The start of a takeaway as a condensed brief keeps it, compared as pdftotext reads it back. */
function opening(text: string): string {
  return normalise(clip(text, 6).replace(/…$/, ''));
}

/** Hebrew and Arabic come out of pdftotext in visual order: those are compared by their digits and Latin letters only. */
const RIGHT_TO_LEFT = /[\u0590-\u08ff]/u;

/** A made-up article far too long for one page, in American English: 80 sections of numbers, in one-line paragraphs. */
function hugeArticle(): string {
  const words = 'river harbour ledger copper lantern orchard meadow signal quarry beacon tunnel market harvest compass canvas thimble'.split(' ');
  const word = (index: number): string => words[index % words.length] ?? '';
  let text =
    '---\ntitle: A Long Ledger of Small Harbours, with a Title That Runs On for Quite a While Longer Than Most\nauthor: Sam Example\ndate: 2025-04-01\nlang: en-US\n---\n\n';
  for (let section = 1; section <= 80; section++) {
    text += `## Harbour ${section}: the ${word(section)} and the ${word(section * 7)} question\n\n`;
    for (let paragraph = 0; paragraph < 3; paragraph++) {
      for (let k = 0; k < 4; k++) {
        text += `The ${word(section + paragraph + k)} of harbour ${section} grew by ${10 + section + k}% in year ${paragraph + 1} while the ${word(section * 3 + k)} kept pace along the ${word(section + k * 2)} shore. `;
      }
      text += '\n\n';
    }
  }
  return text;
}

describe('the brief, drawn from the deck', () => {
  let seed: Deck;
  beforeAll(async () => {
    seed = (await prepareDeck(SEED_ARTICLE)).deck;
  });

  it('takes each section takeaway from the closing slide, which states one conclusion per section', () => {
    const closing = new Set(seed.slides.filter((slide) => slide.layout === 'closing').flatMap((slide) => (slide.points ?? []).map((point) => point.text)));
    const takeaways = sectionTakeaways(seed);
    expect(takeaways).toHaveLength(seed.sections.length);
    expect(takeaways.filter((takeaway) => closing.has(takeaway)).length).toBe(closing.size);
    const brief = briefOf(seed);
    expect(brief.title).toBe(seed.meta.title);
    expect(brief.context).toBeTruthy();
    expect(brief.minutes).toBe(Math.round((seed.meta.duration ?? seed.meta.totalTime) / 60));
    expect(brief.items.map((item) => item.title)).toEqual(seed.sections.map((section) => section.title));
    // At least one section has a number to show, and no figure repeats a number its takeaway already states.
    expect(brief.items.some((item) => item.figure)).toBe(true);
    for (const item of brief.items) if (item.figure) expect(item.takeaway).not.toContain(item.figure.value);
  });

  it('gives a deck without sections its key points, after the one the context line already shows', async () => {
    const text =
      'Harbour notes\n\nThe harbour opened in spring and ships came at once. Fees were set at 12 percent of cargo value.\n\nThe pier needed repairs after the first storm. Crews worked for three weeks to fix it.\n\nBy autumn the harbour handled twice the planned traffic, which surprised the council.\n';
    const deck = await readDeck({ text, name: 'harbour.txt' });
    expect(deck.sections).toHaveLength(0);
    const brief = briefOf(deck);
    expect(brief.sectioned).toBe(false);
    expect(brief.context).toBe('The harbour opened in spring and ships came at once');
    expect(brief.items.map((item) => item.takeaway)).toEqual([
      'Fees were set at 12 percent of cargo value',
      'The pier needed repairs after the first storm. Crews worked for three weeks to fix it',
      'By autumn the harbour handled twice the planned traffic, which surprised the council',
    ]);
    expect(renderBriefHtml(brief, { paper: PAPER_SIZES.a4, fontPt: 10 })).toContain('Key points');
  });

  it('condenses by steps that never show more at a larger type, down to a floor', () => {
    const levels = briefLevels(80);
    levels.slice(1).forEach((level, index) => {
      const before = levels[index]!;
      expect(level.fontPt).toBeLessThanOrEqual(before.fontPt);
      expect(level.condensing.words).toBeLessThanOrEqual(before.condensing.words);
      expect(level.condensing.items).toBeLessThanOrEqual(before.condensing.items);
    });
    expect(Math.min(...levels.map((level) => level.fontPt))).toBe(FONT_FLOOR_PT);
    expect(levels.at(-1)?.condensing).toMatchObject({ items: 1, named: 0 });
    const condensed = condenseBrief(briefOf(seed), { ...FULL, items: 1, named: 1 });
    expect(condensed.items).toHaveLength(1);
    expect(condensed.more).toEqual([seed.sections[1]?.title]);
    expect(condensed.unnamed).toBe(seed.sections.length - 2);
  });

  it('is one HTML page with nothing to run or load, its one stylesheet allowed by hash', () => {
    const html = renderBriefHtml(briefOf(seed), { paper: PAPER_SIZES.a4, fontPt: 10 });
    expect(html).not.toMatch(/<script|<link|<img|\bsrc=|\bon\w+=|url\(/i);
    const css = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    const hash = createHash('sha256').update(css, 'utf8').digest('base64');
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1]?.replace(/&#39;/g, "'");
    expect(policy).toBe(`default-src 'none'; style-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'`);
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html).not.toMatch(/ style=/);
  });

  it('escapes what the article says', () => {
    const brief = { ...briefOf(seed), title: '<script>alert(1)</script>', context: '"><img src=x onerror=alert(1)>' };
    const html = renderBriefHtml(brief, { paper: PAPER_SIZES.letter, fontPt: 10 });
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;');
  });
});

describe.skipIf(SKIP_BROWSER_TESTS)('lectern export --format brief', () => {
  const dir = tempDir();

  it('is exactly one portrait page for every fixture article and the seed, with one takeaway per section', async () => {
    for (const [index, article] of ARTICLES.entries()) {
      const out = join(dir, `brief-${index}.pdf`);
      await exportOk([article, '--format', 'brief', '--quiet', '--out', out]);
      const info = pdfInfo(out);
      expect(info.Pages, article).toBe('1');
      const { deck } = await prepareDeck(article);
      expect(info['Page size'], article).toMatch(/\((A4|letter)\)/);
      const text = normalise(pdfPages(out).join('\n'));
      const takeaways = sectionTakeaways(deck);
      expect(takeaways, article).toHaveLength(deck.sections.length);
      for (const [at, takeaway] of takeaways.entries()) {
        if (RIGHT_TO_LEFT.test(takeaway)) continue;
        expect(text, `${article}: section ${at + 1}'s takeaway`).toContain(opening(takeaway));
        expect(text, `${article}: section ${at + 1}'s title`).toContain(normalise(deck.sections[at]?.title ?? ''));
      }
      if (!RIGHT_TO_LEFT.test(deck.meta.title)) expect(text, article).toContain(normalise(clip(deck.meta.title, 6).replace(/…$/, '')));
      expect(text, article).toContain(normalise(`${Math.max(1, Math.round((deck.meta.duration ?? deck.meta.totalTime) / 60))}-minute talk`));
    }
  }, 240_000);

  it('condenses an article far too long for one page onto one page, naming the sections it cannot show in full; en-US gets Letter', async () => {
    const article = join(dir, 'huge.md');
    writeFileSync(article, hugeArticle());
    const out = join(dir, 'huge.pdf');
    const stderr = await exportOk([article, '--format', 'brief', '--out', out]);
    expect(pdfInfo(out).Pages).toBe('1');
    expect(pdfInfo(out)['Page size']).toMatch(/^612 x 792/);
    const text = pdfPages(out).join('\n');
    expect(text).toContain('Harbour 1: the');
    expect(text).toContain('Also on the agenda');
    expect(stderr).toMatch(/one-page brief \(Letter, \d+ sections, [\d.]+ pt\)/);
  }, 60_000);

  it('writes the same fitted brief as one HTML file with --out NAME.html, byte-identical twice', async () => {
    const first = join(dir, 'brief.html');
    const second = join(dir, 'again.html');
    await exportOk([SEED_ARTICLE, '--format', 'brief', '--quiet', '--out', first]);
    await exportOk([SEED_ARTICLE, '--format', 'brief', '--quiet', '--out', second]);
    const html = readFileSync(first, 'utf8');
    expect(readFileSync(second, 'utf8')).toBe(html);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("default-src 'none'".replace(/'/g, '&#39;'));
    expect(html).not.toMatch(/<script/i);
    const { deck } = await prepareDeck(SEED_ARTICLE);
    for (const takeaway of sectionTakeaways(deck)) expect(html).toContain(clip(takeaway, 6).replace(/…$/, '').replace(/&/g, '&amp;'));
  }, 60_000);
});

describe.skipIf(SKIP_BROWSER_TESTS)('exportDeck with format brief and paper', () => {
  it('writes the brief and the handout on the paper asked for, and refuses a paper for slides', async () => {
    const dir = tempDir();
    const brief = await exportDeck(SEED_ARTICLE, { format: 'brief', paper: 'letter', out: join(dir, 'brief.pdf') });
    expect(brief.files).toEqual([join(dir, 'brief.pdf')]);
    expect(pdfInfo(join(dir, 'brief.pdf'))).toMatchObject({ Pages: '1' });
    expect(pdfInfo(join(dir, 'brief.pdf'))['Page size']).toMatch(/^612 x 792/);
    await exportDeck(SEED_ARTICLE, { format: 'brief', out: join(dir, 'brief.html') });
    expect(readFileSync(join(dir, 'brief.html'), 'utf8')).toMatch(/^<!doctype html>/);
    const handout = await exportDeck(SEED_ARTICLE, { handout: true, paper: 'a4', out: join(dir, 'handout.pdf') });
    expect(Number(pdfInfo(join(dir, 'handout.pdf')).Pages)).toBeGreaterThanOrEqual(Math.ceil(handout.deck.slides.length / 3));
    await expect(exportDeck(SEED_ARTICLE, { paper: 'letter', out: join(dir, 'slides.pdf') })).rejects.toMatchObject({ exitCode: ExitCode.usage });
  }, 60_000);
});

describe('lectern export --paper', () => {
  it('refuses --paper where nothing is printed on paper, and an unknown paper', async () => {
    for (const args of [
      ['--paper', 'letter'],
      ['--format', 'png', '--paper', 'a4'],
      ['--handout', '--paper', 'a3'],
      ['--format', 'brief', '--notes'],
    ]) {
      const { code, stderr } = await runCli(['export', SEED_ARTICLE, ...args, '--out', join(tempDir(), 'refused.pdf')]);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toMatch(/--paper|--notes/);
    }
  });
});
