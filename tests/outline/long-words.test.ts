import { describe, expect, it } from 'vitest';
import { outlineArticle } from '../../src/outline/outline.js';
import { clipLongWords, hasLongWord } from '../../src/outline/long-words.js';
import { measureCoverage } from '../../src/outline/coverage.js';
import { parseMarkdown } from '../../src/article/markdown.js';

const hash = 'f3a9'.repeat(100);

describe('over-long words', () => {
  it('clips a run longer than two lines to its start and an ellipsis', () => {
    expect(hasLongWord(`The digest ${hash} matched.`)).toBe(true);
    expect(clipLongWords(`The digest ${hash} matched.`)).toBe(`The digest ${hash.slice(0, 60)}… matched.`);
  });

  it('leaves ordinary words, long URLs of normal size and unspaced scripts alone', () => {
    const url = 'https://example.org/reports/2025/annual-review-of-open-model-releases?section=training-costs';
    const chinese = '深度求索公司在二零二五年一月发布了推理模型，它的训练成本远低于同类模型。'.repeat(6);
    for (const text of ['A short sentence.', url, chinese]) {
      expect(hasLongWord(text)).toBe(false);
      expect(clipLongWords(text)).toBe(text);
    }
  });

  it('shows clipped words on slides and keeps them whole in the notes', () => {
    const source = `# Digests\n\n## Checks\n\nThe build printed ${hash} as its digest. Nobody read it.\n\n- The item ${hash} is long.\n\n> A quote with ${hash} inside.\n`;
    const { article } = parseMarkdown(source, 'digests.md');
    const deck = outlineArticle(article);
    const shown = JSON.stringify(deck.slides.map((slide) => [slide.points, slide.quote]));
    expect(shown).not.toContain(hash);
    expect(shown).toContain(`${hash.slice(0, 60)}…`);
    expect(measureCoverage(article, deck).missing).toEqual([]);
  });
});
