import { describe, expect, it } from 'vitest';
import { contentWords } from '../../src/outline/condense.js';
import { splitSentences } from '../../src/outline/sentences.js';
import { remembered, withTextMemo } from '../../src/outline/text-memo.js';

const PARAGRAPH = 'The tide turns twice a day. Engineers at the barrage measure it to the centimetre. Power follows the tide.';

describe('text memo', () => {
  it('computes each text once inside a section and again outside it', () => {
    let calls = 0;
    const count = (text: string): string[] => {
      calls++;
      return text.split(' ');
    };
    withTextMemo(() => {
      expect(remembered('test', 'a b', 'en', count)).toEqual(['a', 'b']);
      expect(remembered('test', 'a b', 'en', count)).toEqual(['a', 'b']);
      expect(remembered('test', 'a b', 'fr', count)).toEqual(['a', 'b']);
      expect(remembered('other', 'a b', 'en', count)).toEqual(['a', 'b']);
    });
    expect(calls).toBe(3);
    remembered('test', 'a b', 'en', count);
    remembered('test', 'a b', 'en', count);
    expect(calls).toBe(5);
  });

  it('forgets what one section remembered before the next', () => {
    let calls = 0;
    const count = (text: string): string[] => {
      calls++;
      return [text];
    };
    withTextMemo(() => remembered('test', 'x', 'en', count));
    withTextMemo(() => remembered('test', 'x', 'en', count));
    expect(calls).toBe(2);
  });

  it('gives the same sentences and content words as without it, frozen so no caller can change another’s', () => {
    const plain = { sentences: splitSentences(PARAGRAPH), words: contentWords(PARAGRAPH) };
    withTextMemo(() => {
      const sentences = splitSentences(PARAGRAPH);
      expect(sentences).toEqual(plain.sentences);
      expect(splitSentences(PARAGRAPH)).toBe(sentences);
      expect(contentWords(PARAGRAPH)).toEqual(plain.words);
      expect(Object.isFrozen(sentences)).toBe(true);
      expect(() => sentences.push('more')).toThrow(TypeError);
    });
    expect(Object.isFrozen(splitSentences(PARAGRAPH))).toBe(false);
  });
});
