import { describe, expect, it } from 'vitest';
import { groupByTopic, type GroupUnit } from '../../src/outline/group.js';

const unit = (points: number, words: number, text: string, extra: Partial<GroupUnit> = {}): GroupUnit => ({ points, words, text, ...extra });

describe('groupByTopic', () => {
  it('keeps a one-point paragraph with its neighbour by showing the neighbour’s best point only, rather than leaving it alone', () => {
    const units = [
      unit(1, 12, 'The reef hides below the surface for most of the tide.'),
      unit(2, 29, 'Engineers proposed a tower in the late century. Parliament passed an act in 1806.', { singleWords: 12 }),
    ];
    expect(groupByTopic(units, 'en')).toEqual({ starts: [0], reduced: [true] });
  });

  it('shows every point when the paragraphs fit together as they are', () => {
    const units = [unit(1, 8, 'Tides rise twice a day.'), unit(2, 14, 'Tides are long waves. They sweep the planet.', { singleWords: 6 })];
    expect(groupByTopic(units, 'en')).toEqual({ starts: [0], reduced: [false] });
  });

  it('keeps paragraphs apart when together they would pass the budget and one cannot show fewer points', () => {
    const units = [unit(1, 12, 'The reef hides below the surface.'), unit(2, 30, 'Two long points that fill a slide of their own without help.')];
    expect(groupByTopic(units, 'en').starts).toEqual([0, 1]);
  });

  it('returns nothing for no paragraphs', () => {
    expect(groupByTopic([], 'en')).toEqual({ starts: [], reduced: [] });
  });
});

describe('groupByTopic joins only paragraphs that share a topic', () => {
  // A ferry paragraph of two points, then a run about a keeper's diary that shares nothing with it.
  const ferry = unit(2, 29, 'The ferry company did not need new boats or cranes. It only needed a longer pier and calmer weather for its crossings.', {
    singleWords: 20,
  });
  const diary = unit(1, 17, 'Read the keeper’s diary, with a caveat about its author, who wrote for newspapers and liked gossip.');
  const winters = unit(1, 15, 'In that diary, the keeper says long winters made every family on the island patient.');
  const anywhere = unit(1, 10, 'Islanders who survive those winters can survive anywhere, the keeper says.');
  const way = unit(2, 22, 'Given this, nobody was surprised when islanders refused to leave after the storm. According to the keeper, that was their way.', {
    singleWords: 15,
  });

  it('does not give up a paragraph’s second point to share a slide with an unrelated paragraph', () => {
    const { starts, reduced } = groupByTopic([ferry, diary, winters, anywhere, way], 'en');
    // The ferry paragraph keeps both points on a slide of its own; the diary starts the next slide.
    expect(starts.slice(0, 2)).toEqual([0, 1]);
    expect(reduced[0]).toBe(false);
  });

  it('still puts one-point paragraphs that share a topic together', () => {
    expect(groupByTopic([winters, anywhere], 'en')).toEqual({ starts: [0], reduced: [false] });
  });
});
