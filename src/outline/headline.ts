import { isSpaceless } from './language.js';
import { wordsOf } from './sentences.js';
import { stopWordsFor } from './stopwords.js';
import { shortenSentence } from './condense.js';

/**
 * Slide titles from a slide's own content, in the article's own words: the key phrase its points share ("distillation
 * from larger models"), or its main claim compressed to a headline. At most about nine words, no final full stop.
 *
 * Part-of-speech tagging would find noun phrases more surely, but measured on this project's fixtures (Node 20, 2 cores)
 * wink-nlp with wink-eng-lite-web-model costs 250–400 ms to load (more than a whole ×1 build, 205 ms) and about 0.3–0.6 ms
 * a sentence, and compromise about 9 ms a sentence (9 s per 1,000 sentences): neither fits the build budget (≤ 1/3 of
 * Marp's build time), so titles come from word statistics over the `stopword` package's lists.
 */

export const TITLE_WORD_LIMIT = 9;

/** A headline that leans on something said before it. */
const DANGLING = /^(?:this|that|these|those|it|it’s|they|there|here|i|we|up to|as)\b/i;
/** Words a headline may drop, as headlines do: articles. */
const ARTICLES = /^(?:a|an|the)$/i;
/** Where a trailing phrase may be dropped to shorten a claim. */
const PHRASE_START = /^(?:of|in|on|for|with|by|from|at|between|into|over|through|after|before|during|without|across|among|because|since|while|which|who)$/i;

/** Ranked title candidates for a slide whose points (or other texts) are given, main text first. */
export function titleCandidates(texts: string[], lang: string, speech = false): string[] {
  const clean = texts.map((text) => text.trim()).filter(Boolean);
  if (clean.length === 0) return [];
  if (isSpaceless(lang) || !/^(en|de|fr|es|it|nl|pt)\b/i.test(lang)) return clean.flatMap((text) => keyPhrases(text, lang));
  const candidates: string[] = [];
  const shared = sharedPhrase(clean, lang);
  const main = clean[0]!;
  const mainWords = main.split(/\s+/);
  // A speaker's own words may start with "I" or "we": that is whom the quote is from.
  const dangling = (text: string): boolean => !speech && DANGLING.test(text);
  if (mainWords.length <= TITLE_WORD_LIMIT - 2 && !dangling(main)) candidates.push(finish(main));
  if (shared) candidates.push(shared);
  for (const text of clean) {
    const headline = compressClaim(text, lang);
    if (headline && !dangling(headline)) candidates.push(headline);
  }
  const phrases = clean.flatMap((text) => keyPhrases(text, lang));
  // A phrase that leans on what came before ("This development") is the last resort.
  candidates.push(...phrases.filter((phrase) => !dangling(phrase)), ...phrases.filter((phrase) => dangling(phrase)));
  return dedupe(candidates.filter((candidate) => wordsOf(candidate, lang).length >= 1));
}

/** A phrase of two to five words, starting and ending on content words, that at least two of the texts share. */
function sharedPhrase(texts: string[], lang: string): string | undefined {
  if (texts.length < 2) return undefined;
  const stop = stopWordsFor(lang);
  const seen = new Map<string, { phrase: string; texts: Set<number>; length: number; first: number }>();
  texts.forEach((text, textIndex) => {
    for (const clause of text.split(/[,;:()“”"—–.!?]+/)) {
      const words = clause.split(/\s+/).filter(Boolean);
      for (let start = 0; start < words.length; start++) {
        if (isStop(words[start]!, stop)) continue;
        for (let length = 2; length <= 5 && start + length <= words.length; length++) {
          const last = words[start + length - 1]!;
          if (isStop(last, stop)) continue;
          const phrase = words.slice(start, start + length).join(' ');
          const key = phrase.toLowerCase().replace(/[’']s\b/g, '');
          const entry = seen.get(key) ?? { phrase, texts: new Set<number>(), length, first: textIndex };
          entry.texts.add(textIndex);
          seen.set(key, entry);
        }
      }
    }
  });
  let best: { phrase: string; score: number } | undefined;
  for (const entry of seen.values()) {
    if (entry.texts.size < 2) continue;
    const contentCount = entry.phrase.split(/\s+/).filter((word) => !isStop(word, stop)).length;
    const score = entry.texts.size * 2 + contentCount + (/\p{Lu}/u.test(entry.phrase) ? 0.5 : 0) - entry.first * 0.1;
    if (!best || score > best.score) best = { phrase: entry.phrase, score };
  }
  return best ? capitalise(best.phrase) : undefined;
}

/** A claim as a headline: articles and trailing phrases dropped until it fits, never a word changed. */
export function compressClaim(text: string, lang: string): string | undefined {
  // First what a point may drop (openers, asides, leading clauses), then what a headline may drop.
  const shortened = shortenSentence(text, lang, 12) ?? text;
  let words = shortened.replace(/[.!]+$/, '').split(/\s+/).filter(Boolean);
  if (words.length <= TITLE_WORD_LIMIT) return finish(words.join(' '));
  // The first clause carries the claim.
  const clauseEnd = words.findIndex((word, index) => index >= 3 && /[,;:—]$/.test(word));
  if (clauseEnd >= 3) words = words.slice(0, clauseEnd + 1);
  if (words.length > TITLE_WORD_LIMIT) words = [words[0]!, ...words.slice(1).filter((word) => !ARTICLES.test(word))];
  // "does not signal that Chinese companies are ahead" → "does not signal Chinese companies are ahead", as headlines say it.
  if (words.length > TITLE_WORD_LIMIT) words = words.filter((word, index) => index === 0 || word.toLowerCase() !== 'that');
  while (words.length > TITLE_WORD_LIMIT) {
    // Drop the last trailing phrase ("… of US companies"), keeping at least four words.
    let cut = -1;
    for (let index = words.length - 1; index >= 4; index--) {
      if (PHRASE_START.test(words[index]!)) {
        cut = index;
        break;
      }
    }
    // Only a short trailing phrase ("… of US companies"); a longer one holds the verb of the claim.
    if (cut < 0 || words.length - cut > 8) break;
    words = words.slice(0, cut);
  }
  if (words.length > TITLE_WORD_LIMIT) return undefined;
  const stop = stopWordsFor(lang);
  while (words.length > 2 && isStop(words[words.length - 1]!, stop)) words.pop();
  return words.length >= 3 ? finish(words.join(' ')) : undefined;
}

/** Key phrases of a text: its first clause, cut at a word (or, without spaces, a segmenter word) boundary. */
function keyPhrases(text: string, lang: string): string[] {
  const clauses = text.split(/[,;:—،؛，；：、。！？!?]+/).map((clause) => clause.trim()).filter(Boolean);
  const phrases: string[] = [];
  const limit = isSpaceless(lang) ? 12 : 6;
  for (const clause of clauses.slice(0, 3)) {
    const words = wordsOf(clause, lang);
    if (words.length <= limit) phrases.push(finish(clause));
    else phrases.push(finish(cutAtWord(clause, limit, lang)));
  }
  const all = wordsOf(text, lang);
  for (const length of [limit + 2, limit - 2, limit + 3]) if (all.length > length && length > 1) phrases.push(finish(cutAtWord(text, length, lang)));
  return phrases;
}

/** The text up to its `count`-th word, ending at that word's end: never mid-word. */
function cutAtWord(text: string, count: number, lang: string): string {
  if (!isSpaceless(lang)) {
    const stop = stopWordsFor(lang);
    const words = text.split(/\s+/).slice(0, count);
    while (words.length > 2 && isStop(words[words.length - 1]!, stop)) words.pop();
    return words.join(' ');
  }
  const segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
  let seen = 0;
  let end = 0;
  for (const segment of segmenter.segment(text)) {
    if (segment.isWordLike && ++seen > count) break;
    end = segment.index + segment.segment.length;
  }
  return text.slice(0, end);
}

function isStop(word: string, stop: ReadonlySet<string>): boolean {
  const bare = word.toLowerCase().replace(/^[^\p{L}\p{N}$]+|[^\p{L}\p{N}%]+$/gu, '').replace(/[’']s$/, '');
  return bare === '' || stop.has(bare);
}

function finish(text: string): string {
  // A final full stop goes, unless it ends an abbreviation ("U.S.").
  return capitalise(text.trim().replace(/[\s,;:—–-]+$/, '').replace(/(?<!(?:^|\s)(?:\p{Lu}\.)+\p{Lu})[.。]([”"’]?)$/u, '$1').trim());
}

function capitalise(text: string): string {
  return text.replace(/^([“"‘']?)(\p{Ll})/u, (_match, quote: string, first: string) => quote + first.toUpperCase());
}

function dedupe(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = value.toLowerCase();
    if (seen.has(key) || !value) return false;
    seen.add(key);
    return true;
  });
}
