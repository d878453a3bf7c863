import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/article/markdown.js';
import { shortenSentence, trimPoint } from '../../src/outline/condense.js';
import { outlineArticle } from '../../src/outline/outline.js';
import { splitSentences } from '../../src/outline/sentences.js';
import { refutedViews, refutes, statesView } from '../../src/outline/views.js';

describe('views the author reports, and refutes', () => {
  it('tells a view held by others or an appearance from the author’s own claim', () => {
    expect(statesView('Some have argued that the ferry only serves tourists.')).toBe(true);
    expect(statesView('Critics say the new pier is too short for winter storms.')).toBe(true);
    expect(statesView('It is often said that islanders distrust the mainland council.')).toBe(true);
    expect(statesView('At first glance, the timetable looks like a gift to commuters.')).toBe(true);
    expect(statesView('On the surface, the harbour is doing well.')).toBe(true);
    expect(statesView('The ferry carried more tourists than islanders last year.')).toBe(false);
    expect(statesView('Varga argues that the ferry keeps the island alive.')).toBe(false);
    expect(statesView('The reef was one of the most feared hazards on the coast.')).toBe(false);
  });

  it('finds a view the next sentence rejects, and only that', () => {
    const refuted = (paragraph: string): number[] => [...refutedViews(splitSentences(paragraph))];
    expect(refuted('Some argue the ferry mostly serves tourists. That’s not quite right: islanders make most of the trips.')).toEqual([0]);
    expect(refuted('At first glance, the new timetable looks like a gift to commuters. But the early boat now leaves at five.')).toEqual([0]);
    expect(refuted('Critics say the pier is too short. In fact, it is the longest on the coast.')).toEqual([0]);
    // A view the author goes on to support, or a rejection with no view before it, is not a refuted view.
    expect(refuted('Some argue the ferry mostly serves tourists. The counts bear them out: two trips in three are by visitors.')).toEqual([]);
    expect(refuted('The ferry runs twice a day. But the winter service is thinner.')).toEqual([]);
    // A view at a paragraph's end, refuted at the start of the next.
    expect([...refutedViews(['Many believe the harbour will close.'], ['This is wrong: the council has renewed its lease.'])]).toEqual([0]);
    expect(refutes('That is not the case.')).toBe(true);
    expect(refutes('That is the price of a reliable crossing.')).toBe(false);
  });

  it('keeps what marks a view when a sentence is shortened', () => {
    const appearance = 'At first glance, this looks like an indication that the harbour board is winning its long argument with the fishing cooperatives.';
    expect(trimPoint(appearance)).toMatch(/^At first glance, /);
    expect(
      shortenSentence('On the surface, the new ferry timetable looks like a generous gift to the commuters who cross the sound every morning.') ?? '',
    ).toMatch(/^On the surface, /);
    expect(trimPoint('The pier, as critics argue, is far too short for the new ferries that the council ordered from the northern yard last year.')).toMatch(
      /as critics argue/,
    );
    expect(trimPoint('Some have argued that the ferry is only a subsidy for the tourists who visit the island for a few weeks each summer.')).toMatch(
      /^Some have argued/,
    );
    // A discourse opener that is not a view still goes, and "So … is … that" keeps the "so" it inverts.
    expect(trimPoint('However, the ferry kept running through the worst storm of the winter.')).toBe(
      'The ferry kept running through the worst storm of the winter',
    );
    expect(trimPoint('So important is the ferry to the island that the council meets on the quay.')).toMatch(/^So important is/);
  });

  it('never shows a refuted view alone on a slide: its refutation stands beside it and titles the slide', () => {
    const source =
      '# Island ferries\n\n## The timetable\n\n' +
      'The island ferry has run the same timetable for eleven years, with six crossings a day in summer and four in winter. ' +
      'Its crew of six knows every rock in the sound.\n\n' +
      'At first glance, the new timetable looks like a generous gift to the commuters who cross the sound every morning before work. ' +
      'It is not that simple. ' +
      'The first boat now leaves at five, and the last one returns before most shifts end.\n';
    const deck = outlineArticle(parseMarkdown(source, 'ferries.md').article);
    const slide = deck.slides.find((candidate) => candidate.points?.some((point) => /first glance/i.test(point.text)));
    expect(slide, 'the view is shown with its marker').toBeDefined();
    expect(slide!.points!.map((point) => point.text)).toContain('It is not that simple');
    expect(slide!.title).toBe('Not that simple');
    // No point anywhere states the appearance as a bare claim.
    for (const point of deck.slides.flatMap((candidate) => candidate.points ?? [])) expect(point.text).not.toMatch(/^The new timetable looks like/);
  });
});
