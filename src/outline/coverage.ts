import type { Article, Block } from '../article/types.js';
import { blockText, visibleText } from './outline.js';
import { splitSentences } from './sentences.js';
import type { Deck, Slide } from './types.js';

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

/** The normalised visible text and notes of some slides. */
interface Haystack {
  visible: string;
  notes: string;
}

function haystackOf(slides: readonly Slide[]): Haystack {
  return {
    visible: normaliseForCoverage(slides.map(visibleText).join('\n')),
    notes: normaliseForCoverage(slides.flatMap((slide) => slide.notes).join('\n')),
  };
}

/**
 * The slides made from each source line. Searching those first keeps coverage linear in the article's size; a
 * search of the whole deck, which costs time proportional to the deck, is left for sentences found nowhere near.
 */
function slidesByLine(deck: Deck): (line: number) => Haystack {
  const byLine = new Map<number, Slide[]>();
  for (const slide of deck.slides) {
    const [first, last] = slide.lines;
    // Title, agenda and closing slides span whole regions; the global search covers them.
    if (last - first > 2_000) continue;
    for (let line = first; line <= last; line++) {
      const slides = byLine.get(line);
      if (slides) slides.push(slide);
      else byLine.set(line, [slide]);
    }
  }
  const cache = new Map<number, Haystack>();
  return (line) => {
    let haystack = cache.get(line);
    if (!haystack) {
      haystack = haystackOf(byLine.get(line) ?? []);
      cache.set(line, haystack);
    }
    return haystack;
  };
}

/**
 * Checks that every sentence of the article appears on a slide or in the notes. A sentence counts as on a slide when
 * a slide made from its part of the article shows it (or, failing any such slide, when any slide does). Pure.
 */
export function measureCoverage(article: Article, deck: Deck): Coverage {
  const local = slidesByLine(deck);
  let whole: Haystack | undefined;
  const coverage: Coverage = { sentences: 0, onSlides: 0, inNotes: 0, missing: [] };
  const check = (text: string, line: number): void => {
    const near = local(line);
    for (const sentence of splitSentences(text, deck.meta.lang)) {
      const wanted = normaliseForCoverage(sentence);
      if (!wanted) continue;
      coverage.sentences++;
      if (near.visible.includes(wanted)) coverage.onSlides++;
      else if (near.notes.includes(wanted)) coverage.inNotes++;
      else {
        whole ??= haystackOf(deck.slides);
        if (whole.visible.includes(wanted)) coverage.onSlides++;
        else if (whole.notes.includes(wanted)) coverage.inNotes++;
        else coverage.missing.push({ text: sentence, line });
      }
    }
  };
  for (const text of [article.meta.title, article.meta.subtitle, article.meta.author]) if (text) check(text, 1);
  for (const section of article.sections) {
    if (section.title) check(section.title, section.line);
    for (const block of section.blocks) for (const text of coverageTexts(block)) check(text, block.line);
  }
  return coverage;
}

/**
 * The texts whose sentences are looked for. Code and tables are shown line by line and row by row, and run over
 * several slides between lines and rows, so their "sentences" are looked for within one line or row.
 */
function coverageTexts(block: Block): string[] {
  if (block.kind === 'code') return block.code.split('\n');
  if (block.kind === 'table') return [block.header, ...block.rows].map((row) => row.join(' '));
  return [blockText(block)];
}
