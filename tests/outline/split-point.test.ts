import { describe, expect, it } from 'vitest';
import { splitPoint } from '../../src/outline/split-point.js';

describe('splitPoint', () => {
  it('splits a long point at its colon into two whole parts', () => {
    expect(splitPoint('Every harbour on the coast faces one hard sum: dredging costs rise faster than the fees the ships pay to enter', 'en')).toEqual([
      'Every harbour on the coast faces one hard sum',
      'Dredging costs rise faster than the fees the ships pay to enter',
    ]);
  });

  it('splits off an appositive that describes what the first half names, keeping its figures', () => {
    expect(
      splitPoint(
        'The city council opened the new ferry terminal on the north quay, a 40-berth hall that will handle most of the island traffic each summer',
        'en',
      ),
    ).toEqual(['The city council opened the new ferry terminal on the north quay', 'A 40-berth hall that will handle most of the island traffic each summer']);
  });

  it('takes the most even boundary when there are several', () => {
    const halves = splitPoint('Rates rose twice; the bank held them through the winter — and traders expected a cut by the spring of next year', 'en');
    expect(halves).toEqual(['Rates rose twice; the bank held them through the winter', 'And traders expected a cut by the spring of next year']);
  });

  it('leaves a point whose halves would be too short or too long, or whose boundary sits inside quotation marks', () => {
    expect(splitPoint('Prices: up again this year across the whole of the northern region', 'en')).toBeUndefined();
    expect(splitPoint('The minister said “the plan is simple: build more walls and pay for them together” at the launch', 'en')).toBeUndefined();
    expect(splitPoint('A short point', 'en')).toBeUndefined();
  });

  it('splits at an appositive only in English', () => {
    const text = 'Le conseil a ouvert le nouveau terminal sur le quai nord, a 40-berth hall qui servira tout le trafic de l’île';
    expect(splitPoint(text, 'fr')).toBeUndefined();
  });
});
