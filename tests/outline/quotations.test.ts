import { describe, expect, it } from 'vitest';
import { findQuotation } from '../../src/outline/quotations.js';

describe('findQuotation', () => {
  it('finds a quoted sentence and the speaker named before it', () => {
    expect(findQuotation('Marta Olsen says, “Every boat in this harbour was built by hand in the old shed.”')).toEqual({
      text: 'Every boat in this harbour was built by hand in the old shed.',
      attribution: 'Marta Olsen',
    });
  });

  it('takes straight double quotes as well as curly ones', () => {
    expect(findQuotation('The sign read "Keep away from the edge of the quay at all times."')?.text).toBe('Keep away from the edge of the quay at all times.');
  });

  it('leaves scare quotes and short fragments alone', () => {
    expect(findQuotation('Critics called the old ferry a “floating museum of rust and regret” at best.')).toBeUndefined();
    expect(findQuotation('The pilot answered “Aye.” and went below.')).toBeUndefined();
  });

  it('prefers an attributed quotation to a longer unattributed one', () => {
    const paragraph =
      'A notice on the wall read “Visitors must keep to the marked paths around the dry dock and the slipway at all times.” ' +
      'Afterwards, Jonas Berg wrote, “The slipway is older than the town itself.”';
    expect(findQuotation(paragraph)).toEqual({ text: 'The slipway is older than the town itself.', attribution: 'Jonas Berg' });
  });

  it('between unattributed quotations takes the longer', () => {
    const paragraph = 'First “The tide came in early that year.” and then “The whole lower town flooded before anyone could move the boats.”';
    expect(findQuotation(paragraph)?.text).toBe('The whole lower town flooded before anyone could move the boats.');
  });
});
