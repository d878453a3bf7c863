import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { oneSentence, segmentSentences, splitSentences } from '../../src/outline/sentences.js';

/** Texts `oneSentence` takes whole whose sentences, as ICU's segmenter finds them, are not that one. */
function disagreements(texts: Iterable<string>, lang: string): string[] {
  const wrong: string[] = [];
  for (const text of texts) {
    const fast = oneSentence(text);
    if (fast === undefined) continue;
    const segmented = segmentSentences(text, lang);
    if (fast.length !== segmented.length || fast.some((sentence, index) => sentence !== segmented[index])) wrong.push(text);
  }
  return wrong;
}

/** The same character between words, beside spaces, before a capital, and before a final stop. */
function* probes(codes: Iterable<number>): Generator<string> {
  for (const code of codes) {
    const c = String.fromCodePoint(code);
    yield `Ab${c} Cd`;
    yield `Ab${c}Cd`;
    yield `Ab ${c} Cd.`;
    yield `Ab${c}. Cd`;
    yield `Ab cd${c}”. `;
  }
}

function* range(from: number, to: number, keep: (code: number) => boolean = () => true): Generator<number> {
  for (let code = from; code <= to; code++) if ((code < 0xd800 || code > 0xdfff) && keep(code)) yield code;
}

describe('oneSentence', () => {
  // Greek's rules differ from English's: ";" is its question mark.
  it.each(['en', 'el'])('takes a text whole only where ICU finds one sentence (%s): every character of the BMP, and punctuation beyond', (lang) => {
    expect(disagreements(probes(range(0, 0xffff)), lang)).toEqual([]);
    // Beyond the BMP, terminal punctuation is punctuation: every other character there is a letter, mark, number or symbol.
    expect(disagreements(probes(range(0x10000, 0x10ffff, (code) => /[\p{P}\p{Cc}\p{Cf}\p{Zs}]/u.test(String.fromCodePoint(code)))), lang)).toEqual([]);
  });

  it('takes a sentence with one final stop whole, and leaves any other to the segmenter', () => {
    expect(oneSentence('  R1 rivals o1, at a fraction of the cost.” ')).toEqual(['R1 rivals o1, at a fraction of the cost.”']);
    expect(oneSentence('Is that a coincidence?!')).toEqual(['Is that a coincidence?!']);
    expect(oneSentence('A heading without a stop')).toEqual(['A heading without a stop']);
    expect(oneSentence('   ')).toEqual([]);
    for (const text of ['It rose. Then it fell.', 'Dr. Lee said so', 'One line\nand another', 'That’s true… sort of.', 'Maybe; maybe not.', 'Ends here.\u2029'])
      expect(oneSentence(text), text).toBeUndefined();
  });

  it('gives what the segmenter gives, for any text of words, spaces and punctuation', () => {
    const piece = fc.constantFrom(
      'word',
      'R1',
      'Ωμέγα',
      '中文',
      ' ',
      '\t',
      ',',
      ':',
      '"',
      '“',
      '”',
      '’',
      '(',
      ')',
      '—',
      '…',
      '.',
      '!',
      '?',
      ';',
      '\n',
      '\u00a0',
      '。',
      'Dr.',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), fc.constantFrom('en', 'el', 'fr'), (parts, lang) => {
        const text = parts.join('');
        expect(splitSentences(text, lang)).toEqual(segmentSentences(text, lang));
      }),
      { numRuns: 3000 },
    );
  });
});
