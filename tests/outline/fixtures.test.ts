import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticle } from '../../src/article/read.js';
import { htmlToText } from '../../src/article/sanitize.js';
import { BUDGET } from '../../src/outline/budget.js';
import { measureCoverage } from '../../src/outline/coverage.js';
import { outlineArticle, visibleText } from '../../src/outline/outline.js';
import { wordsOf } from '../../src/outline/sentences.js';
import { FIXTURE_ARTICLES, SHARED_ARTICLES } from '../helpers/paths.js';

interface Expected {
  lang?: string;
  title?: string | null;
  titles?: string[] | null;
  titlesWithoutNumbers?: string[];
  dir?: string;
  mustNotAppear?: string[];
}

const expected = JSON.parse(readFileSync(join(FIXTURE_ARTICLES, 'expected.json'), 'utf8')) as Record<string, Expected>;
const articleFiles = [
  ...readdirSync(FIXTURE_ARTICLES)
    .filter((name) => /\.(md|txt|html?)$/.test(name) && name !== 'README.md')
    .map((name) => join(FIXTURE_ARTICLES, name)),
  ...readdirSync(SHARED_ARTICLES).map((name) => join(SHARED_ARTICLES, name)),
];

// Adding an article to tests/fixtures/articles/ adds a test here: every article must keep the invariants.
describe.each(articleFiles)('article %s', (file) => {
  const name = file.split('/').pop() ?? file;
  const load = async () => {
    const { article } = await readArticle(file);
    return { article, deck: outlineArticle(article) };
  };

  it('keeps every sentence on a slide or in the notes', async () => {
    const { article, deck } = await load();
    const coverage = measureCoverage(article, deck);
    expect(coverage.missing).toEqual([]);
    expect(coverage.sentences).toBeGreaterThan(5);
  });

  it('gives every content slide notes and a timing, within the slide budget', async () => {
    const { deck } = await load();
    for (const slide of deck.slides) {
      expect(slide.timing, slide.id).toBeGreaterThan(0);
      if (!['title', 'agenda', 'section', 'closing'].includes(slide.layout)) expect(slide.notes.length, slide.id).toBeGreaterThan(0);
      if (slide.layout === 'points') {
        expect(slide.points?.length ?? 0, slide.id).toBeLessThanOrEqual(BUDGET.points);
        const words = (slide.points ?? []).reduce((sum, point) => sum + wordsOf(point.text, deck.meta.lang).length, 0);
        // One long point may stand alone; several must share the budget.
        if ((slide.points?.length ?? 0) > 1) expect(words, slide.id).toBeLessThanOrEqual(BUDGET.words);
      }
    }
    expect(new Set(deck.slides.map((slide) => slide.id)).size).toBe(deck.slides.length);
  });

  it('gives slides that continue a section distinct titles', async () => {
    const { deck } = await load();
    const titles = deck.slides.filter((slide) => slide.layout === 'points').map((slide) => `${slide.section}|${slide.title}`);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('shows a point its title already says only where the slide would otherwise hold one point', async () => {
    const { deck } = await load();
    const said = (title: string, point: string): boolean => title.toLowerCase() === point.toLowerCase().replace(/[.!]$/, '');
    for (const slide of deck.slides.filter((candidate) => candidate.layout === 'points' && candidate.title)) {
      if ((slide.points ?? []).some((point) => said(slide.title!, point.text))) expect(slide.points?.length, slide.id).toBeLessThanOrEqual(2);
    }
  });

  const wanted = expected[name];
  if (wanted) {
    it('matches the expected outline', async () => {
      const { deck } = await load();
      if (wanted.lang) expect(deck.meta.lang).toBe(wanted.lang);
      if (wanted.dir) expect(deck.meta.dir).toBe(wanted.dir);
      if (wanted.title) expect(deck.meta.title).toBe(wanted.title);
      if (wanted.titles) {
        // ALL-CAPS headings may be shown in title case: compare without case.
        const lower = (titles: string[]) => titles.map((title) => title.toLowerCase());
        const accepted = [wanted.titles, wanted.titlesWithoutNumbers].filter((titles): titles is string[] => Boolean(titles)).map(lower);
        // A long introduction may become a section of its own, ahead of the article's headings.
        const known = new Set(accepted.flat());
        const headed = deck.sections.filter((section, index) => !(index === 0 && wanted.introduction && !known.has(section.title.toLowerCase())));
        expect(accepted).toContainEqual(lower(headed.map((section) => section.title)));
      }
      expect(visibleText(deck.slides[0]!)).toContain(deck.meta.title);
      // Markup, page furniture and encoding debris never reach a slide, as text or inside its HTML.
      const shown = deck.slides.map((slide) => `${visibleText(slide)} ${slide.html ? htmlToText(slide.html) : ''}`).join('\n');
      for (const phrase of wanted.mustNotAppear ?? []) expect(shown, JSON.stringify(phrase)).not.toContain(phrase);
    });
  }
});
