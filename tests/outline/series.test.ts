import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/article/markdown.js';
import { measureCoverage } from '../../src/outline/coverage.js';
import { outlineArticle } from '../../src/outline/outline.js';
import { findSeries } from '../../src/outline/series.js';

describe('findSeries', () => {
  it('reads a lead and three items from a comma series joined by "and"', () => {
    expect(findSeries('The harbour board wants a new lock, two tugs, and a deeper channel by the pier', 'en')).toEqual({
      lead: 'The harbour board wants',
      items: ['A new lock', 'Two tugs', 'A deeper channel by the pier'],
    });
  });

  it('reads a series without a comma before its last item', () => {
    expect(findSeries('The plan includes night ferries, cheaper fares and a second quay', 'en')?.items).toEqual([
      'Night ferries',
      'Cheaper fares',
      'A second quay',
    ]);
  });

  it('leaves alone a sentence whose commas part clauses, not items', () => {
    for (const sentence of [
      // An adjective is not a lead: "proposed" after "The".
      'The proposed dam would cost between $41 million and $78 million a kilometre, depending on the depth and the soil',
      // Items that open clauses of their own.
      'Visitors asked about the tides, the ferries, and whether the old lighthouse still works',
      'We recommend a levy, which most towns oppose, and a fund',
      // Two items are a pair, not a list.
      'We recommend a levy and a fund',
      // A lead too long to sit above a list.
      'The committee that met in the autumn after the storm finally proposed new walls, new pumps, and new drains',
    ]) {
      expect(findSeries(sentence, 'en'), sentence).toBeUndefined();
    }
  });

  it('reads English only', () => {
    expect(findSeries('Nous recommandons un fonds, des redevances, et des primes honnêtes', 'fr')).toBeUndefined();
  });
});

describe('a slide whose point names a series', () => {
  it('shows the items as a list under their lead when its title says the other point, and keeps both sentences in the notes', () => {
    const text = [
      '# Harbour money',
      '',
      '## What we recommend',
      '',
      'No single tool is enough. In short, we recommend a national fund for the largest walls, fees for local works, and a slow move to honest insurance prices over ten years, so that households can plan.',
      '',
      '## Why it matters',
      '',
      'Storms are growing stronger along every coast of the country. Repair bills already exceed the budgets of many small towns.',
      '',
    ].join('\n');
    const { article } = parseMarkdown(text, 'harbour-money.md');
    const deck = outlineArticle(article);
    const slide = deck.slides.find((candidate) => candidate.section === 'What we recommend' && candidate.layout !== 'section');
    expect(slide?.layout).toBe('list');
    expect(slide?.title).toBe('No single tool is enough');
    expect(slide?.subtitle).toBe('We recommend:');
    expect(slide?.points?.map((point) => point.text)).toEqual([
      'A national fund for the largest walls',
      'Fees for local works',
      'A slow move to honest insurance prices over ten years',
    ]);
    expect(slide?.sources).toHaveLength(2);
    expect(measureCoverage(article, deck).missing).toEqual([]);
  });
});
