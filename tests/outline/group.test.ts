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
