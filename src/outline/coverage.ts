import type { Article } from '../article/types.js';
import { blockText, visibleText } from './outline.js';
import { splitSentences } from './sentences.js';
import type { Deck } from './types.js';

/** Where each sentence of the article ended up. */
export interface Coverage {
  sentences: number;
  /** Sentences visible on some slide. */
  onSlides: number;
  /** Sentences only in speaker notes. */
  inNotes: number;
  /** Sentences found nowhere: must be empty. */
  missing: Array<{ text: string; line: number }>;
}

/** Normalises text for comparison: whitespace folded, quotes and dashes unified, case kept. */
export function normaliseForCoverage(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2018\u2019\u201a\u201b]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Checks that every sentence of the article appears on a slide or in the notes. Pure. */
export function measureCoverage(article: Article, deck: Deck): Coverage {
  const visible = normaliseForCoverage(deck.slides.map(visibleText).join('\n'));
  const notes = normaliseForCoverage(deck.slides.flatMap((slide) => slide.notes).join('\n'));
  const coverage: Coverage = { sentences: 0, onSlides: 0, inNotes: 0, missing: [] };
  const check = (text: string, line: number): void => {
    for (const sentence of splitSentences(text, deck.meta.lang)) {
      const wanted = normaliseForCoverage(sentence);
      if (!wanted) continue;
      coverage.sentences++;
      if (visible.includes(wanted)) coverage.onSlides++;
      else if (notes.includes(wanted)) coverage.inNotes++;
      else coverage.missing.push({ text: sentence, line });
    }
  };
  for (const text of [article.meta.title, article.meta.subtitle, article.meta.author]) if (text) check(text, 1);
  for (const section of article.sections) {
    if (section.title) check(section.title, section.line);
    for (const block of section.blocks) check(blockText(block), block.line);
  }
  return coverage;
}
