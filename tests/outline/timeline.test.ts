import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/article/markdown.js';
import { BUDGET } from '../../src/outline/budget.js';
import { measureCoverage } from '../../src/outline/coverage.js';
import { outlineArticle } from '../../src/outline/outline.js';
import { anchorOf, findDates, timelineOfItems, timelineOfSentences, timelinePages } from '../../src/outline/timeline.js';
import type { Slide } from '../../src/outline/types.js';

const outline = (markdown: string) => {
  const { article } = parseMarkdown(markdown, 'history.md');
  const deck = outlineArticle(article);
  return { article, deck, timelines: deck.slides.filter((slide): slide is Slide & { events: NonNullable<Slide['events']> } => slide.layout === 'timeline') };
};

describe('findDates', () => {
  it('reads years, months, days and ISO dates, each with a machine-readable form', () => {
    const dates = findDates(
      'In 1852 the tower rose; in March 1974 a storm came; on June 2nd, 1989, the keeper left; on 3 May 2019 and on 2021-07-04 it reopened.',
    );
    expect(dates.map(({ label, datetime }) => ({ label, datetime }))).toEqual([
      { label: '1852', datetime: '1852' },
      { label: 'March 1974', datetime: '1974-03' },
      { label: 'June 2nd, 1989', datetime: '1989-06-02' },
      { label: '3 May 2019', datetime: '2019-05-03' },
      { label: '2021-07-04', datetime: '2021-07-04' },
    ]);
  });

  it('gives a day without a year a month-day form, and a decade none', () => {
    expect(findDates('On January 20th the gates shut.').map((date) => date.datetime)).toEqual(['01-20']);
    expect(findDates('In the 1990s the trade fell away.').map((date) => [date.label, date.datetime])).toEqual([['1990s', undefined]]);
  });

  it('takes a bare number for a year only after a word that sets a time', () => {
    expect(findDates('The quay is 1850 metres long and cost 2,019 crowns.')).toEqual([]);
    expect(findDates('Boats since 1850 have used it.').map((date) => date.label)).toEqual(['1850']);
    expect(findDates('Version 2019.5 shipped with 1900 fixes.')).toEqual([]);
  });

  it('does not read the verb "may" as a month', () => {
    expect(findDates('Crews may 12 times a year ask for the light.')).toEqual([]);
  });

  it('stays linear on a long run of dates', () => {
    const text = 'In 1901 and '.repeat(20_000);
    const started = performance.now();
    expect(findDates(text).length).toBeGreaterThan(1);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('anchorOf', () => {
  it('anchors a sentence on the date that opens it, else on its only date', () => {
    expect(anchorOf('In 1903 the lamp changed, and again in 1958.')?.label).toBe('1903');
    expect(anchorOf('The lamp was changed for paraffin in 1903.')?.label).toBe('1903');
    expect(anchorOf('The lamp, first lit in 1852, was changed in 1903.')).toBeUndefined();
    expect(anchorOf('The lamp was changed.')).toBeUndefined();
  });
});

describe('timelineOfItems', () => {
  it('makes events of dated items in order, the date out of the text and the text shortened', () => {
    expect(
      timelineOfItems(
        [
          '1962: The board replaced the clockwork with an electric motor.',
          'In March 1974 a storm cracked the lantern glass.',
          'On June 2nd, 1989, the last keeper locked the door.',
          'Volunteers reopened the tower in 2011.',
        ],
        'en',
        BUDGET.timelineWords,
      ),
    ).toEqual([
      { date: '1962', datetime: '1962', text: 'The board replaced the clockwork with an electric motor' },
      { date: 'March 1974', datetime: '1974-03', text: 'A storm cracked the lantern glass' },
      { date: 'June 2nd, 1989', datetime: '1989-06-02', text: 'The last keeper locked the door' },
      { date: '2011', datetime: '2011', text: 'Volunteers reopened the tower' },
    ]);
  });

  it('keeps a date that is the subject of its sentence', () => {
    const events = timelineOfItems(['1931 was the worst year.', 'In 1945 the boats came back.', 'In 1950 the quay was mended.'], 'en', 16);
    expect(events?.[0]).toEqual({ date: '1931', datetime: '1931', text: '1931 was the worst year' });
  });

  it('is no timeline when an item has no date, the dates run backwards, or there are only two', () => {
    expect(timelineOfItems(['In 1852 the tower rose.', 'The cottage came later.', 'In 1903 the lamp changed.'], 'en', 16)).toBeUndefined();
    expect(timelineOfItems(['In 1903 the lamp changed.', 'In 1871 the cottage rose.', 'In 1852 the tower rose.'], 'en', 16)).toBeUndefined();
    expect(timelineOfItems(['In 1852 the tower rose.', 'In 1903 the lamp changed.'], 'en', 16)).toBeUndefined();
    expect(timelineOfItems(['In 1852 the tower rose.', 'In 1852 the cottage rose.', 'In 1903 the lamp changed.'], 'en', 16)).toBeUndefined();
  });
});

describe('timelineOfSentences', () => {
  it('finds a run of sentences each on a later date, with the sentences before it for a lead', () => {
    const found = timelineOfSentences(
      'The ferry has a long history. In 1921 the first ferry crossed the estuary. In 1948 a diesel boat replaced the steamer. In 1995 a new slipway opened.',
      'en',
      BUDGET,
    );
    expect(found?.events.map((event) => event.date)).toEqual(['1921', '1948', '1995']);
    expect(found?.before).toEqual(['The ferry has a long history.']);
    expect(found?.sentences[0]).toBe('In 1921 the first ferry crossed the estuary.');
  });

  it('carries the year to a day named without one', () => {
    const found = timelineOfSentences(
      'On January 4th, 2020, the survey began. On February 9th the divers went down. On March 1st the report was filed.',
      'en',
      BUDGET,
    );
    expect(found?.events.map((event) => event.datetime)).toEqual(['2020-01-04', '02-09', '03-01']);
  });

  it('is no timeline for a paragraph with one date, dates out of order, or dates in a minority of its sentences', () => {
    expect(timelineOfSentences('In 1852 the tower rose. It is built of granite. Its walls are thick.', 'en', BUDGET)).toBeUndefined();
    expect(timelineOfSentences('In 1958 power came. In 1903 the lamp changed. In 1871 the cottage rose.', 'en', BUDGET)).toBeUndefined();
    expect(
      timelineOfSentences(
        'The tower stands high. Its walls are thick. Its stair is long. Crews trust it. In 1852 it rose. In 1871 a cottage came. In 1903 the lamp changed.',
        'en',
        BUDGET,
      ),
    ).toBeUndefined();
  });
});

describe('timelinePages', () => {
  it('splits a long run evenly, never leaving fewer than three events on a slide', () => {
    const events = Array.from({ length: 7 }, (_, index) => ({ date: String(1900 + index), text: 'The boat sailed' }));
    expect(timelinePages(events, BUDGET, 'en')?.map((page) => page.length)).toEqual([4, 3]);
    expect(timelinePages(events.slice(0, 5), { ...BUDGET, timelineEvents: 4 }, 'en')).toBeUndefined();
  });
});

describe('timeline slides in the outline', () => {
  it('turns a list of dated events into a timeline slide, the items kept whole in the notes', () => {
    const { article, deck, timelines } = outline(
      '# Gannet Head\n\n## Keeping the light\n\n- In 1962 the board replaced the clockwork with an electric motor.\n- In March 1974 a storm cracked the lantern glass.\n- On June 2nd, 1989, the last keeper locked the door.\n- In 2011 volunteers reopened the tower to visitors.\n',
    );
    expect(timelines).toHaveLength(1);
    expect(timelines[0]!.events.map((event) => event.date)).toEqual(['1962', 'March 1974', 'June 2nd, 1989', '2011']);
    expect(timelines[0]!.notes).toContain('In March 1974 a storm cracked the lantern glass.');
    expect(measureCoverage(article, deck).missing).toEqual([]);
  });

  it('turns a paragraph of dated sentences into a timeline under the sentence that leads in', () => {
    const { article, deck, timelines } = outline(
      '# Carrow\n\n## The ferry\n\nThe estuary ferry ran for almost a century before the bridge took its trade. In 1921 the first ferry crossed the estuary with a cart. In 1948 a diesel boat replaced the old steamer. In 1995 a new slipway let cars drive straight on. In 2014 the bridge opened and the ferry stopped.\n',
    );
    expect(timelines).toHaveLength(1);
    const [slide] = timelines;
    expect(slide!.events.map((event) => event.text)).toEqual([
      'The first ferry crossed the estuary with a cart',
      'A diesel boat replaced the old steamer',
      'A new slipway let cars drive straight on',
      'The bridge opened and the ferry stopped',
    ]);
    // The lead is the slide's title or its lead line, never lost.
    expect(`${slide!.title} ${slide!.subtitle ?? ''}`).toMatch(/estuary ferry/i);
    expect(slide!.sources).toContain('In 1921 the first ferry crossed the estuary with a cart.');
    expect(measureCoverage(article, deck).missing).toEqual([]);
  });

  it('leaves a paragraph with one date, and a list with undated items, as they were', () => {
    const { timelines, deck } = outline(
      '# Carrow\n\n## The tower\n\nIn 1852 the harbour board paid for a stone tower. It is built of granite from a quarry inland. Horses dragged each block to the headland.\n\n- In 1871 a cottage was added.\n- A garden was walled against the wind.\n- In 1903 the lamp was changed.\n',
    );
    expect(timelines).toEqual([]);
    expect(deck.slides.map((slide) => slide.layout)).toContain('list');
  });

  it('does not show a date before a colon as a bold lead-in', () => {
    const { deck } = outline(
      '# Carrow\n\n## Works\n\n- 1962: The board replaced the clockwork that turned the great lens with a quiet electric motor from the mainland.\n- The stair was painted.\n',
    );
    const list = deck.slides.find((slide) => slide.layout === 'list');
    expect(list?.points?.[0]?.text).toMatch(/^1962: The board/);
  });

  it('takes an explicit timeline slide as written, with or without a dash between date and text', () => {
    const { timelines } = outline(
      '# Carrow\n\n## Dates\n\n<!-- slide: timeline -->\n### Four dates\n\nWhat the minute books record\n\n- 1852 — The tower rose on the headland\n- In March 1974 a storm cracked the glass\n- Phase three — The light went automatic\n- The tower reopened\n',
    );
    expect(timelines).toHaveLength(1);
    expect(timelines[0]!.title).toBe('Four dates');
    expect(timelines[0]!.subtitle).toBe('What the minute books record');
    expect(timelines[0]!.events).toEqual([
      { date: '1852', datetime: '1852', text: 'The tower rose on the headland' },
      { date: 'March 1974', datetime: '1974-03', text: 'A storm cracked the glass' },
      { date: 'Phase three', text: 'The light went automatic' },
      { date: '', text: 'The tower reopened' },
    ]);
  });
});
