import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords, hasAtMostWords, wordsOf } from '../../src/outline/sentences.js';

/** Words as they were found before the scan by character codes: split at `\s`, keeping runs with a letter or digit. */
const splitWords = (text: string): string[] => text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));

// Letters, digits, punctuation, and every kind of white space JavaScript's `\s` knows (and a few it does not).
const pieces = [
  'word',
  'A1',
  '42',
  'é',
  'Ωμέγα',
  '—',
  '…',
  '"',
  '(',
  '.',
  ' ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '\u00a0',
  '\u2003',
  '\u3000',
  '\ufeff',
  '\u2028',
  '\u0085',
  '\u200b',
  '😀',
];
const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(''));

describe('words of spaced languages, scanned by character codes', () => {
  it('are the words split at white space gives, counted and listed alike', () => {
    fc.assert(
      fc.property(texts, fc.string(), (text, noise) => {
        for (const sample of [text, noise, `${text}${noise}`]) {
          expect(wordsOf(sample)).toEqual(splitWords(sample));
          expect(countWords(sample)).toBe(splitWords(sample).length);
          for (const limit of [0, 1, 2, 5, 16])
            expect(hasAtMostWords(sample, limit), `${JSON.stringify(sample)} ≤ ${limit}`).toBe(splitWords(sample).length <= limit);
        }
      }),
      { numRuns: 500 },
    );
  });
});
