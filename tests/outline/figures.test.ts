import { describe, expect, it } from 'vitest';
import { figureText, findFigures, splitRate } from '../../src/outline/figures.js';

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
    const captions = findFigures('Upkeep adds roughly 3% of the dam’s price each year. A new lock needs about $2,400 worth of steel.').map(
      (figure) => figure.caption,
    );
    expect(captions).toEqual(['Upkeep adds roughly 3% of the dam’s price each year', 'A new lock needs about $2,400 worth of steel']);
  });

  it('keeps the rate a figure is stated at with its value, not in its caption', () => {
    const figures = findFigures('Raising a quay costs about $1,200 a metre in most ports, and pumps run from $3 million to $5 million each.');
    expect(figures).toEqual([
      { value: '$1,200', rate: 'a metre', caption: 'Raising a quay costs in most ports' },
      { value: '$3–5 million', rate: 'each', caption: 'Pumps run' },
    ]);
    expect(figures.map(figureText)).toEqual(['$1,200 a metre', '$3–5 million each']);
  });

  it('takes no rate from a phrase that only starts with "a"', () => {
    const figures = findFigures('The port spent $5 million a decade ago. It paid $2 million a company had asked for.');
    expect(figures.map((figure) => figure.rate)).toEqual([undefined, undefined]);
  });

  it('reads a rate back from a figure written as text', () => {
    expect(splitRate('$1,200 a metre')).toEqual({ value: '$1,200', rate: 'a metre' });
    expect(splitRate('$4–9 million each')).toEqual({ value: '$4–9 million', rate: 'each' });
    expect(splitRate('A third of a metre')).toEqual({ value: 'A third of a metre' });
    expect(splitRate('40%')).toEqual({ value: '40%' });
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
