import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/article/markdown.js';
import { readArticle } from '../../src/article/read.js';
import { outlineArticle } from '../../src/outline/outline.js';
import { isPremise, sectionTakeaway, standsAlone } from '../../src/outline/takeaways.js';
import { statesView } from '../../src/outline/views.js';
import { SEED_ARTICLE } from '../helpers/paths.js';

const takeaway = (title: string, paragraphs: string[], shown: Map<string, string> = new Map()): string | undefined =>
  sectionTakeaway({ title, paragraphs, shown })?.text;

describe('a section’s takeaway is its conclusion', () => {
  it('favours the concluding sentence over the opening point', () => {
    expect(
      takeaway('Ferry fares', [
        'The ferry fares rose by a third last spring, after the harbour fees went up for the second time in two years.',
        'Riders from the outer islands pay the most, since they cross twice a day and have no other way to the mainland.',
        'So the council should cap fares for islanders who have no other way to reach the mainland.',
      ]),
    ).toBe('The council should cap fares for islanders who have no other way to reach the mainland');
    expect(
      takeaway('Harbour repairs', [
        'The harbour wall was repaired three times in ten years, each time after a winter storm broke part of it.',
        'Every repair used the same soft stone, which the sea wears down within a few winters of rough weather.',
        'In short, the harbour wall needs harder stone rather than another patch of the old kind.',
      ]),
    ).toBe('The harbour wall needs harder stone rather than another patch of the old kind');
  });

  it('does not close on a premise the section goes on to qualify', () => {
    const paragraphs = [
      'Small ferry companies showed that a short crossing can be run cheaply with second-hand boats and a small crew.',
      'Up to this point, the big operators were willing to spend heavily on new boats for a small edge over each other. ' +
        'Cheaper rivals can now follow close behind them on every route. That, in turn, will change what the big operators invest in.',
    ];
    expect(isPremise(paragraphs[1]!)).toBe(true);
    const chosen = takeaway('Big and small operators', paragraphs);
    expect(chosen).toBeDefined();
    expect(chosen).not.toMatch(/were willing to spend/);
  });

  it('never closes on a refuted view, a view held by others, a question, or a sentence pointing elsewhere', () => {
    const chosen = takeaway('The pier', [
      'The new pier opened in May and took the ferries and the fishing boats from the first week.',
      'Critics say the pier is far too short for the winter ferries. That is not right: the winter ferries berth at its outer end.',
      'Is the pier worth its price? The table below lists what it cost against the old harbour wall.',
    ]);
    expect(chosen).toBeDefined();
    expect(chosen).not.toMatch(/Critics|below|\?/);
    expect(standsAlone('At first glance, the pier looks too short.', 'At first glance, the pier looks too short')).toBe(false);
    expect(standsAlone('The snippet below computes the pull on the mooring.', 'The snippet below computes the pull on the mooring')).toBe(false);
  });

  it('stands alone: no pronoun or demonstrative that leans on what came before', () => {
    expect(standsAlone('They just needed a cheaper boat.', 'They just needed a cheaper boat')).toBe(false);
    expect(standsAlone('None of those ideas will sail soon.', 'None of those ideas will sail soon')).toBe(false);
    expect(standsAlone('After reaching the island, it turned back at once.', 'After reaching the island, it turned back at once')).toBe(false);
    expect(standsAlone('How far this goes remains to be seen.', 'How far this goes remains to be seen')).toBe(false);
    // An "it" that points at its own clause, and the author's "we", stand alone.
    expect(
      standsAlone('It comes as no surprise that the council cut the winter service.', 'It comes as no surprise that the council cut the winter service'),
    ).toBe(true);
    expect(standsAlone('In short, we recommend a fare cap for islanders.', 'We recommend a fare cap for islanders')).toBe(true);
  });

  it('keeps the words a slide showed for a sentence', () => {
    const paragraphs = [
      'The harbour board met twice this year to discuss the state of the ferry service and the fares it charges.',
      'So the board agreed to keep the winter ferry running at the old fare for three more years, whatever the fuel price.',
    ];
    const shown = new Map([
      [
        `So the board agreed to keep the winter ferry running at the old fare for three more years, whatever the fuel price.`,
        'The board agreed to keep the winter ferry running at the old fare',
      ],
    ]);
    expect(takeaway('The ferry service', paragraphs, shown)).toBe('The board agreed to keep the winter ferry running at the old fare');
  });

  it('closes a deck on one conclusion per section, recorded on the section', () => {
    const source =
      '# Island ferries\n\n## Fares\n\n' +
      'The ferry fares rose by a third last spring, after the harbour fees went up for the second time in two years.\n\n' +
      'Riders from the outer islands pay the most, since they cross twice a day and have no other way to the mainland.\n\n' +
      'So the council should cap fares for islanders who cross to the mainland for work.\n\n' +
      '## Boats\n\n' +
      'The two ferries are thirty years old, and each spends a month a year in dry dock for repairs.\n\n' +
      'Critics say the boats should simply be replaced with new ones. That is not that simple: a new ferry takes four years to build.\n\n' +
      'In short, the old boats must be kept running until the new ferries arrive in four years.\n';
    const deck = outlineArticle(parseMarkdown(source, 'ferries.md').article);
    const closing = deck.slides.filter((slide) => slide.layout === 'closing').flatMap((slide) => (slide.points ?? []).map((point) => point.text));
    expect(closing).toEqual([
      'The council should cap fares for islanders who cross to the mainland for work',
      'The old boats must be kept running until the new ferries arrive in four years',
    ]);
    expect(deck.sections.map((section) => section.takeaway)).toEqual(closing);
  });
});

describe('the seed deck’s takeaways', async () => {
  const { article } = await readArticle(SEED_ARTICLE);
  const deck = outlineArticle(article);
  const closing = deck.slides.filter((slide) => slide.layout === 'closing').flatMap((slide) => (slide.points ?? []).map((point) => point.text));

  it('read as conclusions: one per section, none a premise, a reported view, a question or a dated fact', () => {
    expect(closing).toHaveLength(3);
    for (const text of closing) {
      expect(statesView(text), text).toBe(false);
      expect(text).not.toMatch(/\?|were willing to|inauguration|third lens/);
      expect(standsAlone(text, text), text).toBe(true);
    }
    // Each section's own conclusion: the first says where R1 leaves the race, the second what cheap fast-followers show,
    // the third what the ToS episode fits.
    expect(closing[0]).toMatch(/does not signal/);
    expect(closing[1]).toMatch(/fast-followers/);
    expect(closing[2]).toMatch(/no surprise/);
  });
});
