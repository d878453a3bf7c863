import { describe, expect, it } from 'vitest';
import { findQuotation, unwrapQuotation } from '../../src/outline/quotations.js';
import { outlineArticle } from '../../src/outline/outline.js';
import { parseMarkdown } from '../../src/article/markdown.js';

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

describe('a block quote wholly in quotation marks', () => {
  it('shows the words without the marks, and its title opens on no unmatched mark', () => {
    expect(unwrapQuotation('"Every boat in this harbour was built by hand."')).toBe('Every boat in this harbour was built by hand.');
    expect(unwrapQuotation('“Every boat was built by hand.”')).toBe('Every boat was built by hand.');
    // Two quotations, or marks inside the text, are left as written.
    expect(unwrapQuotation('"Aye," said the pilot, "every one."')).toBe('"Aye," said the pilot, "every one."');
    expect(unwrapQuotation('The "old shed" built them all.')).toBe('The "old shed" built them all.');
    const article = parseMarkdown(
      '# Harbour\n\nThe harbour master was asked which boat was oldest. Her reply surprised the visitors from the city.\n\n> "Every boat in this harbour was built by hand in the old shed."\n',
      'harbour.md',
    );
    const quote = outlineArticle(article.article).slides.find((slide) => slide.layout === 'quote');
    expect(quote?.quote?.text).toBe('Every boat in this harbour was built by hand in the old shed.');
    expect(quote?.title).not.toMatch(/^["“]/);
  });
});
