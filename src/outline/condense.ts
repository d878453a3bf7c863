import { clipLongWords } from './long-words.js';
import { splitSentences, wordsOf } from './sentences.js';

/** The most a point should say, in words; longer sentences are cut at a clause boundary. */
export const POINT_WORD_LIMIT = 15;

const STOPWORDS = new Set(
  ('a an and are as at be been but by can could did do does for from had has have he her his how i if in into is it its ' +
    'just may might more most much no not of on one or our out over own she so some such than that the their them then there ' +
    'these they this those through to too under up us very was we were what when where which while who whom why will with ' +
    'would you your about after all also any because before being both each few further here itself only other same should ' +
    'now once again against between during above below off down own s t don’t it’s that’s isn’t doesn’t didn’t').split(' '),
);

const OPENERS =
  /^(?:but|and|so|yet|still|thus|hence|also|now|then|first(?:ly)?|second(?:ly)?|third(?:ly)?|finally|lastly|however|moreover|furthermore|indeed|in other words|in short|in fact|after all|of course|regardless|on the one hand|on the other hand|by contrast|in turn|that said|as a result|for example|for instance|at first glance|more importantly|and,? more importantly|here|well|ok(?:ay)?)\b[,:]?\s+/i;

const EDGE_PUNCTUATION = /^[^\p{L}\p{N}$]+|[^\p{L}\p{N}%]+$/gu;

/** a–z or 0–9: most words start and end so, and need no trimming (a hot path on long articles). */
function isAsciiAlphanumeric(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

/** Content words of a text, lower-cased, for overlap scores. */
export function contentWords(text: string, lang = 'en'): string[] {
  return wordsOf(text.toLowerCase(), lang)
    .map((word) => (isAsciiAlphanumeric(word.charCodeAt(0)) && isAsciiAlphanumeric(word.charCodeAt(word.length - 1)) ? word : word.replace(EDGE_PUNCTUATION, '')))
    .filter((word) => word.length > 1 && !STOPWORDS.has(word));
}

/** Counts of content words across a body of text (a section), for centrality. */
export function wordFrequencies(texts: string[], lang = 'en'): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) for (const word of contentWords(text, lang)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/** How much a sentence is worth as the point of its paragraph. */
export function scoreSentence(sentence: string, index: number, context: Map<string, number>, lang = 'en'): number {
  const words = contentWords(sentence, lang);
  if (words.length === 0) return -10;
  const own = new Map<string, number>();
  for (const word of words) own.set(word, (own.get(word) ?? 0) + 1);
  let centrality = 0;
  for (const [word, count] of own) centrality += Math.log1p(Math.max(0, (context.get(word) ?? 0) - count));
  centrality /= Math.sqrt(words.length);
  const facts = (/\d/.test(sentence) ? 0.8 : 0) + (/[$€£¥%]/.test(sentence) ? 0.6 : 0) +
    Math.min(0.9, 0.3 * (sentence.slice(1).match(/\s\p{Lu}[\p{L}\d]+/gu) ?? []).length);
  const position = index === 0 ? 0.9 : index === 1 ? 0.2 : 0;
  const total = wordsOf(sentence, lang).length;
  const lengthPenalty = total < 5 ? 1.2 : total > 45 ? 0.6 : 0;
  const question = /\?\s*["”’]?$/.test(sentence) ? 0.5 : 0;
  return centrality + facts + position - lengthPenalty - question;
}

/** Picks the paragraph's most informative sentence and trims it into a slide point; every word comes from the paragraph. */
export function condenseParagraph(paragraph: string, context: Map<string, number>, lang = 'en'): string {
  return keyPoints(paragraph, context, lang, 1)[0] ?? paragraph.trim();
}

/** True when a sentence carries facts worth showing: figures, dates, names or a quotation. */
export function carriesFacts(sentence: string): boolean {
  const names = (sentence.slice(1).match(/(?<=\s)\p{Lu}[\p{L}\d’'-]+/gu) ?? []).length;
  return /\d/.test(sentence) || /[“"][^”"]{8,}[”"]/.test(sentence) || names >= 2;
}

/**
 * Up to `max` points for a paragraph, best first: the most central sentence, then (when allowed) another sentence that
 * adds facts the first does not show. Points come back in the paragraph's own order.
 */
export function keyPoints(
  paragraph: string,
  context: Map<string, number>,
  lang = 'en',
  max = 1,
  sentences = splitSentences(paragraph, lang),
): string[] {
  if (sentences.length === 0) return paragraph.trim() ? [paragraph.trim()] : [];
  // A short paragraph ("Is that a coincidence? Maybe. Maybe not.") is its own point.
  if (sentences.length > 1 && wordsOf(paragraph, lang).length <= POINT_WORD_LIMIT) return [trimPoint(paragraph, lang)];
  const ranked = sentences
    .map((sentence, index) => ({ sentence, index, score: scoreSentence(sentence, index, context, lang) }))
    .sort((a, b) => b.score - a.score || a.index - b.index);
  const chosen = [ranked[0]!];
  for (const candidate of ranked.slice(1)) {
    if (chosen.length >= max) break;
    const overlap = similarity(candidate.sentence, chosen[0]!.sentence, lang);
    // A second point must earn its place: a figure or a quotation, or several names beside a short first point.
    const strong = /\d|[“"][^”"]{8,}[”"]/.test(candidate.sentence);
    const primaryWords = wordsOf(trimPoint(chosen[0]!.sentence, lang), lang).length;
    if ((strong || (carriesFacts(candidate.sentence) && primaryWords <= 12)) && overlap < 0.5 && candidate.score > 0) chosen.push(candidate);
  }
  return chosen.sort((a, b) => a.index - b.index).map((entry) => trimPoint(entry.sentence, lang));
}

function similarity(a: string, b: string, lang: string): number {
  const left = new Set(contentWords(a, lang));
  const right = new Set(contentWords(b, lang));
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  return shared / Math.min(left.size, right.size);
}

/** Shortens a sentence into a point: drops discourse openers and asides, then cuts at a clause boundary. */
export function trimPoint(sentence: string, lang = 'en'): string {
  let text = sentence.trim();
  if (!/^(en|de|fr|es|it|nl|pt)\b/i.test(lang) && lang !== 'en') return clipLongWords(limitWords(text, lang));
  for (let pass = 0; pass < 3; pass++) {
    const stripped = text.replace(OPENERS, '');
    if (stripped === text || wordsOf(stripped).length < 4) break;
    text = stripped;
  }
  // Asides without figures go; a parenthesis that holds a number or a name list carries facts.
  text = text.replace(/\s*\((?![^)]*\d)[^)]{1,80}\)/g, '').replace(/\s*—(?![^—]*\d)[^—]{1,80}—\s*/g, ' ');
  text = text.replace(/\s+([,.;:!?])/g, '$1').replace(/\s{2,}/g, ' ').trim();
  if (wordsOf(text).length > POINT_WORD_LIMIT + 3) text = dropInsertions(text);
  if (wordsOf(text).length > POINT_WORD_LIMIT + 3) text = dropLeadingSubordinate(text);
  text = text.replace(/^[“"‘']?\p{Ll}/u, (first) => first.toUpperCase());
  text = clipLongWords(limitWords(text, lang));
  return text.replace(/[.;:,]$/, '');
}

const SUBORDINATOR = /^(?:if|when|whenever|although|though|while|because|since|as|given|unless|whereas|after|before|once|even if|even though)\b/i;
const INSERTION = /,\s+(?:given|which|who|whom|whose|if|when|although|though|as|by contrast|in turn|after all|for example|for instance|of course|however|in fact|at least|so far)\b[^,]{0,90},\s+/gi;

/** "DeepSeek, by contrast, claims" → "DeepSeek claims": comma-enclosed asides go when a point is too long. */
function dropInsertions(text: string): string {
  return text.replace(INSERTION, (insertion) => (/^,\s+(?:which|who|whom|whose)\b/i.test(insertion) ? ', ' : ' ')).replace(/\s{2,}/g, ' ');
}

/** "If we look closely, R1 is derivative" → "R1 is derivative": the main clause carries the point. */
function dropLeadingSubordinate(text: string): string {
  if (!SUBORDINATOR.test(text)) return text;
  const comma = text.indexOf(', ');
  if (comma < 0) return text;
  // "When a leaf falls it leaves a scar, and inside it…": the clause kept must not open with the "and" that joined it.
  const main = text.slice(comma + 2).replace(OPENERS, '');
  return wordsOf(main).length >= 5 ? main : text;
}

const TRAILING_FUNCTION_WORD = /^(?:a|an|the|that|which|who|of|to|and|or|but|with|in|on|for|by|at|from|their|its|his|her|our|this|these|those|is|are|was|were|be|as|than|into|between)$/i;

function limitWords(text: string, lang: string): string {
  const words = text.split(/\s+/);
  if (wordsOf(text, lang).length <= POINT_WORD_LIMIT + 3) return text;
  // Prefer ending at a clause boundary (", ; : —", Arabic "، ؛") between 6 and the limit; never inside a figure such as "1,000".
  const boundary = /[,;:—–،؛]\s|\s[—–]\s/g;
  let cut = -1;
  for (let match = boundary.exec(text); match; match = boundary.exec(text)) {
    const before = text.slice(0, match.index);
    const count = wordsOf(before, lang).length;
    if (count >= 6 && count <= POINT_WORD_LIMIT + 3) cut = match.index;
    if (count > POINT_WORD_LIMIT + 3) break;
  }
  if (cut > 0) {
    // When the next clause names something the kept part does not (a figure, a name), keep it too if still short.
    const next = /[,;:—–،؛]\s|\s[—–]\s/g;
    next.lastIndex = cut + 1;
    const following = next.exec(text);
    const end = following ? following.index : text.length;
    const extra = text.slice(cut, end);
    const kept = text.slice(0, cut);
    const newFacts = (extra.match(/\d|(?<=\s)\p{Lu}[\p{L}\d’'-]*/gu) ?? []).filter((fact) => !kept.includes(fact));
    if (newFacts.length > 0 && wordsOf(text.slice(0, end), lang).length <= POINT_WORD_LIMIT + 5) return text.slice(0, end).replace(/[\s,;:—–،؛]+$/, '');
    return kept.replace(/[\s,;:—–،؛]+$/, '');
  }
  if (words.length <= 1) return text;
  // No clause boundary: cut at the limit, but not between a number and its unit or inside a capitalised name.
  let end = POINT_WORD_LIMIT;
  while (end < words.length - 1 && end < POINT_WORD_LIMIT + 5 && /^(?:\p{Lu}|\d|\$|million|billion|percent|%)/u.test(words[end] ?? '')) end++;
  while (end > 6 && TRAILING_FUNCTION_WORD.test(words[end - 1] ?? '')) end--;
  return words.slice(0, end).join(' ').replace(/[,;:—–]+$/, '') + '…';
}
