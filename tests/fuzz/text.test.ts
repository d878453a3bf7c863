import fc from 'fast-check';
import { describe, it } from 'vitest';
import { decodeSource } from '../../src/article/decode.js';
import { LecternError } from '../../src/errors.js';
import { textArticle, unicodeText } from './arbitraries.js';
import { failsOnlyWithLecternError, fuzzRuns, keepsEverySentence } from './harness.js';

const RUNS = fuzzRuns(1000);

describe.each([
  { name: 'plain-text-like articles', arbitrary: textArticle },
  { name: 'arbitrary Unicode read as plain text', arbitrary: unicodeText() },
])('$name', ({ arbitrary }) => {
  it('read, outline and render fail only with LecternError', async () => {
    await fc.assert(
      fc.asyncProperty(arbitrary, (text) => failsOnlyWithLecternError('text', text)),
      RUNS,
    );
  });

  it('keep every sentence on a slide or in the notes', async () => {
    await fc.assert(
      fc.asyncProperty(arbitrary, (text) => keepsEverySentence('text', text)),
      RUNS,
    );
  });
});

describe('decoding arbitrary bytes', () => {
  it('fails only with LecternError', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 200 }),
      // Byte-order marks lead into the UTF-16 and BOM-stripping decoders.
      fc
        .tuple(fc.constantFrom([0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]), fc.uint8Array({ maxLength: 200 }))
        .map(([bom, rest]) => Uint8Array.from([...bom, ...rest])),
      unicodeText().map((text) => new TextEncoder().encode(text)),
    );
    fc.assert(
      fc.property(bytes, (input) => {
        try {
          decodeSource(input, 'fuzz.txt');
        } catch (error) {
          if (!(error instanceof LecternError)) throw error;
        }
      }),
      RUNS,
    );
  });
});
