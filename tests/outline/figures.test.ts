import { describe, expect, it } from 'vitest';
import { findFigures } from '../../src/outline/figures.js';

describe('findFigures', () => {
  it('finds a sum of money and captions it with the rest of its clause', () => {
    expect(findFigures('The harbour authority spent $41 million on the new breakwater last year.')).toEqual([
      { value: '$41 million', caption: 'The harbour authority spent on the new breakwater last year' },
    ]);
  });

  it('joins a range of money into one figure with one currency sign and one unit', () => {
    expect(findFigures('Costs rose to between $41 million and $78 million.').map((figure) => figure.value)).toEqual(['$41–78 million']);
  });

  it('finds money, percentages and large counts in the order the sentence gives them', () => {
    const values = findFigures('A $5 fee, a 10% cut and 7 million boxes.').map((figure) => figure.value);
    expect(values).toEqual(['$5', '10%', '7 million']);
  });

  it('keeps a figure in its caption where the phrase would break without it, qualifier and all', () => {
    const captions = findFigures('Upkeep adds roughly 3% of the dam’s price each year. A new lock costs about $2,400 a metre to line.').map(
      (figure) => figure.caption,
    );
    expect(captions).toEqual(['Upkeep adds roughly 3% of the dam’s price each year', 'A new lock costs about $2,400 a metre to line']);
  });

  it('reads a caption across a comma-enclosed aside and back from a pronoun to the name it stands for', () => {
    const [, own] = findFigures('Rivals spent $90 million on the engine. Kestrel, by contrast, says that it built one with just $4 million.');
    expect(own).toEqual({ value: '$4 million', caption: 'Kestrel says that it built one' });
  });

  it('starts a caption at its figure, not at a relative pronoun', () => {
    const [, share] = findFigures('The bridge cost $20 million, of which $6 million came from the county road fund.');
    expect(share).toEqual({ value: '$6 million', caption: '$6 million came from the county road fund' });
  });

  it('stops at the limit', () => {
    const paragraph = 'Rates were 5%, 6%, 7%, 8% and 9% in turn.';
    expect(findFigures(paragraph)).toHaveLength(3);
    expect(findFigures(paragraph, 5).map((figure) => figure.value)).toEqual(['5%', '6%', '7%', '8%', '9%']);
  });

  it('ignores plain numbers: years, versions, counts without a scale', () => {
    expect(findFigures('In 2024 version 2.0 shipped to 12 harbours.')).toEqual([]);
  });

  it('reads a long run of comma-separated digits in linear time without inventing figures', () => {
    expect(findFigures(`Codes ${Array.from({ length: 20_000 }, () => '1').join(',')} end.`)).toEqual([]);
  });
});
