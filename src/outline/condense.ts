import { clipLongWords } from './long-words.js';
import { countWords, hasAtMostWords, isSpace, splitSentences, wordsOf } from './sentences.js';
import { stopWordsFor } from './stopwords.js';
import { remembered } from './text-memo.js';
import { statesView } from './views.js';

/** The most a point should say, in words; longer sentences are shortened by dropping what can go, never cut mid-clause. */
export const POINT_WORD_LIMIT = 16;
/**
 * What a point aims at: a point over it drops a trailing clause that only describes a thing already named ("their
 * rivals that have led so far"), when that clause holds no figure, name, negation or hedge. Nothing else is cut for it.
 */
export const POINT_WORD_TARGET = 12;
/** A sentence that cannot be shortened to the limit may still stand as a point up to this length, whole. */
const WHOLE_SENTENCE_LIMIT = 24;

// "At first glance", "On the surface" qualify the claim (src/outline/views.ts): they are not openers and stay. "So
// significant is…" inverts a clause: its "so" stays.
const OPENERS =
  /^(?:but|and|so(?!\s+\p{L}+\s+(?:is|are|was|were)\b)|yet|still|thus|hence|also|now|then|first(?:ly)?|second(?:ly)?|third(?:ly)?|finally|lastly|however|moreover|furthermore|indeed|in other words|in short|in fact|after all|of course|regardless|on the one hand|on the other hand|by contrast|in turn|that said|as a result|for example|for instance|up to (?:this|that) point|so far|until now|to date|more importantly|and,? more importantly|well|ok(?:ay)?|on (?:this|that) (?:issue|point|front|note|score)|the point (?:here )?is(?: that)?|the (?:fact|truth|reality) is(?: that)?)\b[,:]?\s+/iu;

const EDGE_PUNCTUATION = /^[^\p{L}\p{N}$]+|[^\p{L}\p{N}%]+$/gu;

/** a–z or 0–9: most words start and end so, and need no trimming (a hot path on long articles). */
function isAsciiAlphanumeric(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

/** Content words of a text, lower-cased, for overlap scores. */
export function contentWords(text: string, lang = 'en'): string[] {
  return remembered('content words', text, lang, contentWordsOnce);
}

function contentWordsOnce(text: string, lang: string): string[] {
  const stopwords = stopWordsFor(lang);
  return wordsOf(text.toLowerCase(), lang)
    .map((word) =>
      isAsciiAlphanumeric(word.charCodeAt(0)) && isAsciiAlphanumeric(word.charCodeAt(word.length - 1)) ? word : word.replace(EDGE_PUNCTUATION, ''),
    )
    .filter((word) => word.length > 1 && !stopwords.has(word.replace(/[’']s$/, '')));
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
  const facts =
    (/\d/.test(sentence) ? 0.8 : 0) +
    (/[$€£¥%]/.test(sentence) ? 0.6 : 0) +
    Math.min(0.9, 0.3 * (sentence.slice(1).match(/\s\p{Lu}[\p{L}\d]+/gu) ?? []).length);
  const position = index === 0 ? 0.9 : index === 1 ? 0.2 : 0;
  const total = countWords(sentence, lang);
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

/** A point and the sentence it came from. */
export interface KeyPoint {
  text: string;
  /** The sentence as written in the article. */
  sentence: string;
  /** Index of the sentence in its paragraph. */
  index: number;
  score: number;
}

/**
 * Up to `max` points for a paragraph, best first: the most central sentence, then (when allowed) another sentence that
 * adds facts the first does not show. A sentence that cannot be shortened into a whole clause of about 16 words gives
 * way to the paragraph's next best sentence. Points come back in the paragraph's own order.
 */
export function keyPoints(paragraph: string, context: Map<string, number>, lang = 'en', max = 1, sentences = splitSentences(paragraph, lang)): string[] {
  return keyPointsOf(paragraph, context, lang, max, sentences).map((point) => point.text);
}

export function keyPointsOf(paragraph: string, context: Map<string, number>, lang = 'en', max = 1, sentences = splitSentences(paragraph, lang)): KeyPoint[] {
  return pickPoints(rankSentences(paragraph, context, lang, sentences), lang, max);
}

/** A paragraph's sentences with their shortened forms, best first (`pickPoints` chooses from them). */
export interface RankedSentences {
  /** Set when the paragraph is its own point. */
  whole?: KeyPoint;
  ranked: Array<{ sentence: string; index: number; shortened: string | undefined; score: number }>;
}

export function rankSentences(paragraph: string, context: Map<string, number>, lang = 'en', sentences = splitSentences(paragraph, lang)): RankedSentences {
  if (sentences.length === 0)
    return paragraph.trim() ? { whole: { text: paragraph.trim(), sentence: paragraph.trim(), index: 0, score: 0 }, ranked: [] } : { ranked: [] };
  // A short paragraph ("Is that a coincidence? Maybe. Maybe not.") is its own point.
  if (sentences.length > 1 && hasAtMostWords(paragraph, POINT_WORD_LIMIT, lang)) {
    return { whole: { text: finishPoint(stripOpeners(paragraph.trim())), sentence: paragraph.trim(), index: 0, score: 1 }, ranked: [] };
  }
  const ranked = sentences
    .map((sentence, index) => {
      const shortened = shortenSentence(sentence, lang);
      // A point that opens with "this" or "these" leans on a sentence the slide may not show.
      const dangling = shortened !== undefined && leansOnReference(shortened) ? 1.2 : 0;
      const tooLong = shortened === undefined ? 2.5 : Math.max(0, countWords(shortened, lang) - 10) * 0.15;
      return { sentence, index, shortened, score: scoreSentence(sentence, index, context, lang) - dangling - tooLong };
    })
    .sort((a, b) => b.score - a.score || a.index - b.index);
  return { ranked };
}

/** Up to `max` points from ranked sentences; with `max` of 3 or more, any sentence that adds something may join. */
export function pickPoints({ whole, ranked }: RankedSentences, lang: string, max: number): KeyPoint[] {
  if (whole) return [whole];
  if (ranked.length === 0) return [];
  const first = ranked[0]!;
  const chosen = [{ ...first, text: first.shortened ?? wholeClause(first.sentence, lang) }];
  for (const candidate of ranked.slice(1)) {
    if (chosen.length >= max) break;
    if (candidate.shortened === undefined) continue;
    // "But it's not quite that simple" right after the point qualifies it: the author's caveat may join it.
    const caveat = candidate.index === first.index + 1 && isCaveat(candidate.sentence);
    if (!isSubstantive(candidate.shortened, lang) && !(caveat && max >= 3)) continue;
    const overlap = overlapShare(candidate.sentence, chosen[0]!.sentence, lang);
    // A second point must earn its place: a figure or a quotation, or several names beside a short first point.
    const strong = /\d|[“"][^”"]{8,}[”"]/.test(candidate.sentence);
    const primaryWords = countWords(chosen[0]!.text, lang);
    // With room for three or more, any sentence that says something new may join.
    const permissive = max >= 3 && overlap < 0.5 && candidate.score > -2;
    if (permissive || ((strong || (carriesFacts(candidate.sentence) && primaryWords <= 12)) && overlap < 0.5 && candidate.score > 0)) {
      chosen.push({ ...candidate, text: candidate.shortened });
    }
  }
  return chosen.sort((a, b) => a.index - b.index).map((entry) => ({ text: entry.text, sentence: entry.sentence, index: entry.index, score: entry.score }));
}

/** A sentence that qualifies the one before it: it opens on "but", "yet" or "however" and holds a negation. */
export function isCaveat(sentence: string): boolean {
  return /^(?:but|yet|however|still)\b/i.test(sentence.trim()) && NEGATIONS.test(sentence);
}

/**
 * Whether a point says something on its own: not a bridge ("That's true… sort of", "Here is where it gets
 * interesting"), which leans on what was said before or names too little to stand on a slide.
 */
export function isSubstantive(text: string, lang = 'en'): boolean {
  if (!shortensLikeEnglish(lang)) return true;
  // "That doesn't mean the R1 launch failed" leans on what came before, but names what it is about: it says something.
  const names = /\s(?:\p{Lu}[\p{L}\d’'-]*\d|\p{Lu}{2,}|\p{Lu}\p{Ll}+\p{Lu})/u.test(` ${text.trim().replace(/^\S+/, '')}`);
  if (leansOnReference(text) && contentWords(text, lang).length < 5 && !names) return false;
  return contentWords(text, lang).length >= 3 || /\d/.test(text);
}

const DANGLING_REFERENCE = /^(?:this|that|these|those|such|it|it’s|it's)\b(?!\s+(?:is|was)\s+(?:why|how|what))/i;
/** An attribution or a short leading phrase before the subject ("According to Lee, that's …"), which a reference may follow. */
const LEADING_PHRASE = /^(?:(?:according to|as|for|in|to)\s[^,]{1,40},\s*|\p{Lu}[\p{L}’'-]*\s(?:argues|says|said|writes|notes),?\s*)/iu;

/** Whether a point opens on a "this", "that", "these" or "it" whose referent was said before it. */
export function leansOnReference(text: string): boolean {
  return DANGLING_REFERENCE.test(text.trim()) || DANGLING_REFERENCE.test(text.trim().replace(LEADING_PHRASE, ''));
}

/** Share of the shorter text's content words the other also has, 0–1. */
export function overlapShare(a: string, b: string, lang: string): number {
  const left = new Set(contentWords(a, lang));
  const right = new Set(contentWords(b, lang));
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  return shared / Math.min(left.size, right.size);
}

/** Shortens a sentence into a point (see `shortenSentence`); one that cannot be shortened stays whole, clause by clause. */
export function trimPoint(sentence: string, lang = 'en'): string {
  return shortenSentence(sentence, lang) ?? wholeClause(sentence, lang);
}

/** Languages whose clause structure the English-style shortening below suits. */
function shortensLikeEnglish(lang: string): boolean {
  return /^(en|de|fr|es|it|nl|pt)\b/i.test(lang);
}

/**
 * A sentence as a point of at most about 16 words, by dropping what can go: discourse openers, asides, appositives,
 * leading subordinate clauses, trailing "which" clauses; failing those, the first of two coordinated main clauses.
 * Subject, verb, figures, names, hedges ("claims", "reportedly") and negations stay. Undefined when no whole clause
 * short enough is left.
 */
export function shortenSentence(sentence: string, lang = 'en', limit = POINT_WORD_LIMIT): string | undefined {
  const { text, fits } = shorten(sentence, lang, limit);
  if (fits) return tighten(text, lang, Math.min(limit, POINT_WORD_TARGET));
  return hasAtMostWords(text, Math.max(limit, WHOLE_SENTENCE_LIMIT), lang) && limit >= POINT_WORD_LIMIT ? text : undefined;
}

/**
 * The shortest whole-clause form of a sentence, and whether it is within the limit. A view the author reports ("Some
 * argue…", "At first glance…") keeps what marks it as one: when the steps lost that, the sentence stays whole.
 */
function shorten(sentence: string, lang: string, limit: number): { text: string; fits: boolean } {
  const shortened = shortenSteps(sentence, lang, limit);
  if (!statesView(sentence) || statesView(shortened.text)) return shortened;
  const whole = finishPoint(sentence.trim());
  return { text: whole, fits: hasAtMostWords(whole, limit, lang) };
}

function shortenSteps(sentence: string, lang: string, limit: number): { text: string; fits: boolean } {
  // Counting stops past the limit: a sentence of 200,000 words is tried at every step below.
  const fits = (text: string): boolean => hasAtMostWords(text, limit, lang);
  let text = sentence.trim();
  if (!shortensLikeEnglish(lang)) {
    if (fits(text)) return { text: finishPoint(text), fits: true };
    const clause = firstClauses(text, lang, limit);
    return clause === undefined ? { text: finishPoint(text), fits: false } : { text: finishPoint(clause), fits: true };
  }
  text = stripOpeners(text);
  // Asides without figures go; a parenthesis that holds a number carries facts.
  text = text.replace(/\s*\((?![^)]*\d)[^)]{1,80}\)/g, '').replace(/\s*—(?![^—]*\d)[^—]{1,80}—\s*/g, ' ');
  text = tidy(text);
  if (fits(text)) return { text: finishPoint(text), fits: true };
  for (const step of [
    dropInsertions,
    dropAppositive,
    dropTrailingWhich,
    dropTrailingRelative,
    dropTrailingPurpose,
    dropLeadingSubordinate,
    dropTrailingAside,
  ]) {
    const next = tidy(step(text));
    if (countWords(next, lang) >= 5) text = next;
    if (fits(text)) return { text: finishPoint(text), fits: true };
  }
  const clause = firstClauses(text, lang, limit);
  if (clause !== undefined) return { text: finishPoint(clause), fits: true };
  return { text: finishPoint(text), fits: false };
}

/**
 * A point that fits, brought toward the target: only a connective between commas (", in turn,") and a trailing
 * restrictive clause that describes a thing already named go ("…their rivals that have led so far"); see
 * `dropTrailingRelative`.
 */
function tighten(point: string, lang: string, target: number): string {
  if (!shortensLikeEnglish(lang) || hasAtMostWords(point, target, lang)) return point;
  let text = point;
  for (const step of [dropConnectives, dropIntensifiers, dropTrailingRelative, dropTrailingPurpose]) {
    if (hasAtMostWords(text, target, lang)) break;
    const next = tidy(step(text));
    if (countWords(next, lang) >= 5) text = next;
  }
  return text === point ? point : finishPoint(text);
}

/**
 * "It comes as no surprise at all that…" → "It comes as no surprise that…": an intensifier only stresses a claim it does
 * not change. "At all" goes only at the end of its phrase ("at all costs" names something and stays).
 */
export function dropIntensifiers(text: string): string {
  return text
    .replace(/\s+at all\b(?=\s*(?:[,.;:!?]|$)|\s+that\b)/gi, '')
    .replace(/\s+(?:really|actually|truly|extremely|naturally|obviously)\s+(?=\p{L})/giu, ' ');
}

/** "That, in turn, will affect …" → "That will affect …": a connective between commas links to what was said; it adds no claim. */
function dropConnectives(text: string): string {
  return text.replace(
    /,\s+(?:in turn|after all|of course|in fact|for example|for instance|too|then|therefore|thus|meanwhile|as a result),\s+(?!(?:and|or)\s)/gi,
    ' ',
  );
}

const NEGATIONS = /\b(?:not|no|never|nor|neither|without|nothing|none|nobody|nowhere|hardly|barely|rarely|seldom)\b|n[’']t\b/i;
/** Words that qualify how sure a claim is: a clause holding one is part of the claim. */
const HEDGES =
  /\b(?:claims?|claimed|reportedly|allegedly|according|apparently|may|might|could|would|perhaps|possibly|probably|likely|unlikely|seems?|seemed|appears?|appeared|suggests?|suggested|estimated?|about|around|roughly|nearly|almost|only|just|some|most|unless|except|although|though|but)\b/i;

/**
 * Whether a trailing clause is background a slide can leave to the speaker: no figure, negation or hedge, and no
 * proper name (a capitalised word such as "Geneva") the rest of the point does not already say. Acronyms ("AI", "R1") pass.
 */
export function isBackground(clause: string, kept: string): boolean {
  // A number is a figure; a digit inside a name ("R1") is part of the name, treated as the acronyms are.
  if (/(?<!\p{L})\d|[$€£¥%]/u.test(clause) || NEGATIONS.test(clause) || HEDGES.test(clause)) return false;
  const names = clause.match(/(?<![\p{L}\p{N}])\p{Lu}\p{Ll}[\p{L}’'-]*/gu) ?? [];
  return names.every((name) => kept.includes(name));
}

/** The sentence as short as whole clauses allow, though longer than a point should be. */
function wholeClause(sentence: string, lang: string): string {
  return shorten(sentence, lang, POINT_WORD_LIMIT).text;
}

/** "PORTVALE, March 4, 2026 — ": a press release's dateline is not part of the point. */
const DATELINE = /^\p{Lu}{2,}[\p{Lu}\s.'-]*,\s+[^—–]{3,40}?\s+[—–]\s+/u;

function stripOpeners(sentence: string): string {
  let text = sentence.replace(DATELINE, '');
  for (let pass = 0; pass < 3; pass++) {
    const stripped = text.replace(OPENERS, '');
    if (stripped === text || countWords(stripped) < 4) break;
    text = stripped;
  }
  return text;
}

function tidy(text: string): string {
  return text
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .replace(/^[,;:\s]+/, '')
    .trim();
}

/** Capitalised, without the final full stop or dangling punctuation; long runs clipped. */
export function finishPoint(text: string): string {
  const capital = text.replace(/^([“"‘']?)(\p{Ll})/u, (_match, quote: string, first: string) => quote + first.toUpperCase());
  return clipLongWords(capital)
    .replace(/(?<!\.\.)[.;:,]$/, '')
    .replace(/\s*[—–]$/, '');
}

const SUBORDINATOR =
  /^(?:if|when|whenever|although|though|while|because|since|as|given|unless|whereas|after|before|once|even if|even though|without|with|by|in|on|for|at|from|to|like|unlike|despite)\b/i;
const INSERTION =
  /,\s+(?:given|which|who|whom|whose|if|when|although|though|as|by contrast|in turn|after all|for example|for instance|of course|however|in fact|at least|so far|too|then|therefore|thus|instead|meanwhile)\b[^,]{0,90},\s+(?!(?:and|or)\s)/gi;

/**
 * "DeepSeek, by contrast, claims" → "DeepSeek claims": comma-enclosed asides go when a point is too long; one that says
 * whose view the claim is ("…, as critics argue, …") stays.
 */
function dropInsertions(text: string): string {
  return text
    .replace(INSERTION, (insertion) => (statesView(insertion) ? insertion : /^,\s+(?:which|who|whom|whose)\b/i.test(insertion) ? ', ' : ' '))
    .replace(/\s{2,}/g, ' ');
}

/**
 * "Mara Quist, the agency's director, said" → "Mara Quist said": an appositive after a name. A capitalised adverb that
 * opens the sentence ("Meanwhile, the basic practice remains…: flour, water") is no name, and a phrase with a colon in
 * it is a clause, not an appositive.
 */
function dropAppositive(text: string): string {
  if (SENTENCE_ADVERB.test(text)) return text;
  return text.replace(/^((?:[“"‘']?\p{Lu}[\p{L}\d’'.-]*\s?){1,4}),\s+(?:a|an|the|its|their|our|his|her)\s[^,:;]{2,80},\s+(?=\p{Ll})/u, '$1 ');
}

const SENTENCE_ADVERB = /^(?:meanwhile|today|now|then|still|instead|later|yesterday|here|there|again|otherwise|elsewhere|\p{L}+ly),/iu;

/** "…grew fast, which surprised the board" → "…grew fast". */
function dropTrailingWhich(text: string): string {
  return text.replace(/,\s+(?:which|who|where|something|a move|a step|an idea|so that|in order to)\b[^,;]*$/i, '');
}

/** Words that open a noun phrase ("their US rivals"), so a relative clause after it describes a thing the point names. */
const DETERMINERS = /^(?:a|an|the|its|their|his|her|our|my|your|this|these|those)$/i;
/** Auxiliaries and modals: after "that", the verb of a relative clause; after its subject, the verb of a "that" clause. */
const AUXILIARIES = /^(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|shall|do|does|did)$/i;
/** Nouns whose "that" clause states what they hold ("an indication that prices rise"): that clause is the claim. */
const CONTENT_NOUNS =
  /^(?:indications?|signs?|signals?|facts?|ideas?|claims?|evidence|news|beliefs?|views?|arguments?|notions?|hopes?|fears?|concerns?|assumptions?|possibility|possibilities|chances?|proof|suggestions?|points?|sense|impressions?|reminders?|warnings?|promises?|risks?|dangers?|likelihood|conclusions?|findings?|reports?|theory|theories|doubts?|assurances?|guarantees?|rules?|principles?|message|lessons?|questions?)$/i;

const PREPOSITIONS = /^(?:on|in|to|with|for|from|at|by|of|into|onto|over|about|against|than|like|across|through|behind|beyond|toward|towards|upon)$/i;

/** Whether the word before a noun phrase makes it an object: a preposition, an auxiliary, an inflected verb or "to" + verb. */
function isObjectLead(word: string, before: string): boolean {
  return (
    PREPOSITIONS.test(word) ||
    AUXILIARIES.test(word) ||
    (/^\p{Ll}{2,}(?:ed|s|ing)$/u.test(word) && !/(?:ss|us|is)$/.test(word)) ||
    (/^to$/i.test(before) && /^\p{Ll}+$/u.test(word))
  );
}

/** The longest trailing relative clause a point drops, in words. */
const RELATIVE_CLAUSE_WORDS = 20;

/** The text from the start of its last `count` words (all of it when shorter). */
function lastWords(text: string, count: number): string {
  let seen = 0;
  for (let index = text.length - 1; index > 0; index--) {
    if (isSpace(text.charCodeAt(index)) && !isSpace(text.charCodeAt(index - 1)) && ++seen >= count) return text.slice(index + 1);
  }
  return text;
}

/** Words whose claim holds only within a restrictive clause ("the first city that …", "the only firm that …"). */
const SCOPED = /\b(?:\p{L}+est|most|least|first|last|only|every|all|any|no|each|same|such)\b/iu;

/**
 * "…gaining on their US rivals that have led so far" → "…gaining on their US rivals": a restrictive relative clause
 * at the end of the sentence, after a noun phrase the main clause names as its object. Only when "that", "which" or
 * "who" is followed by a verb (so it is no "that" clause: "showed that prices rose") and the clause is background.
 */
export function dropTrailingRelative(text: string): string {
  // A clause that only describes is short: only the last words are read, so a sentence of 200,000 words costs little.
  const window = lastWords(text, RELATIVE_CLAUSE_WORDS + 8);
  const before = text.slice(0, text.length - window.length);
  const words = window.split(/\s+/);
  for (let index = before ? 8 : 3; index < words.length - 1; index++) {
    if (!/^(?:that|which|who)$/i.test(words[index]!)) continue;
    const next = words[index + 1]!;
    const verb =
      AUXILIARIES.test(next) || (/^\p{Ll}[\p{Ll}-]{2,}(?:s|ed)$/u.test(next) && !/(?:ss|us|is)$/.test(next) && !AUXILIARIES.test(words[index + 2] ?? ''));
    if (!verb) continue;
    // The noun phrase before it opens on a determiner after the subject and verb, unbroken by punctuation.
    const head = words[index - 1]!;
    if (/[,;:—–()"“”]$/.test(head) || CONTENT_NOUNS.test(head) || /^(?:one|ones|way|time|kind|sort|extent)$/i.test(head)) continue;
    const from = Math.max(2, index - 4);
    const opener = words.slice(from, index).findIndex((word) => DETERMINERS.test(word));
    if (opener < 0 || words.slice(from + opener, index).some((word) => /[,;:—–()"“”]$/.test(word))) continue;
    // …and is the object of a verb or a preposition ("gaining on their rivals", "to build a case"), not a subject whose
    // own verb follows the clause ("Since 2020, the firm that makes boats sold its yard").
    if (!isObjectLead(words[from + opener - 1]!, words[from + opener - 2] ?? '')) continue;
    const clause = words.slice(index).join(' ');
    if (/[,;:—–()"“”]/.test(clause)) continue;
    const kept = before + words.slice(0, index).join(' ');
    // "the oldest lighthouse built on a rock that the sea covers": a superlative or "only" is true only with the clause.
    if (SCOPED.test(words.slice(Math.max(0, index - 8), index).join(' '))) continue;
    if (isBackground(clause, kept)) return kept;
  }
  return text;
}

/**
 * Words after which "to" starts the verb's own complement ("willing to invest", "need to hack", "in order to"), not a
 * purpose added to a finished clause. Part-of-speech tags would tell a noun from these; see headline.ts for the cost.
 */
const TO_TAKERS =
  /^(?:able|unable|willing|unwilling|ready|eager|likely|unlikely|sure|certain|free|about|enough|going|trying|order|need|needs|needed|want|wants|wanted|have|has|had|ought|used|seem|seems|appear|appears|plan|plans|hope|hopes|wish|expect|expects|fail|fails|refuse|refuses|agree|agrees|decide|decides|choose|chooses|way|ways|right|rights|time|chance|power|ability|freedom|attempt|effort|bid|decision|promise|pledge|tendency|first|last|only|next|according|due|close|up|down|back|thanks|relation|respect|regard|compared|similar|opposed|prior|addition|contrast|access|commitment|pressure|incentive|incentives|reason|reasons)$/i;
/** Verbs whose object is asked or let to act ("asked bakers to make", "let councils to decide"): their "to" is no purpose. */
const OBJECT_TO_VERBS =
  /^(?:ask|asks|asked|asking|tell|tells|told|allow|allows|allowed|let|lets|help|helps|helped|want|wants|wanted|persuade|persuaded|urge|urges|urged|invite|invites|invited|encourage|encourages|encouraged|force|forces|forced|require|requires|required|enable|enables|enabled|expect|expects|expected|cause|causes|caused|get|gets|got|lead|leads|led|teach|taught|advise|advised|order|ordered|pay|pays|paid|hire|hired|train|trained|needs?|wish|prefer|prefers)$/i;
/** Words an object opens on, after the verb of a purpose clause ("to train their model", "to collect a twig"). */
const OBJECT_OPENERS = /^(?:a|an|the|their|its|his|her|our|my|your|this|these|those|them|it|us|some|any|more|each|every|new)$/i;
/** Verbs a purpose is commonly stated with, whatever their object opens on ("to enable marginal advantages"). */
const PURPOSE_VERBS =
  /^(?:enable|ensure|make|help|keep|avoid|reduce|improve|support|protect|allow|create|build|train|produce|meet|cover|fund|raise|cut|bring|reach|gain|save|prevent|stop|serve|attract|boost|increase|lower|match|win|secure|offset|finance|replace|compete|stay|remain|survive)$/i;
/** The longest trailing purpose clause a point drops, in words. */
const PURPOSE_CLAUSE_WORDS = 16;

/**
 * "…invest billions into infrastructure to enable marginal advantages over their competitors" → "…invest billions into
 * infrastructure": a trailing purpose clause after the object of a finished clause, when the clause is background
 * (`isBackground`: no figure, negation, hedge or new name). What was done stays on the slide; why, in the notes.
 */
export function dropTrailingPurpose(text: string): string {
  const window = lastWords(text, PURPOSE_CLAUSE_WORDS + 6);
  const before = text.slice(0, text.length - window.length);
  const words = window.split(/\s+/);
  for (let index = before ? 6 : 4; index < words.length - 1; index++) {
    // "to be", "to have": what the object is said to be, not what the action was for.
    if (!/^to$/i.test(words[index]!) || !/^\p{Ll}{2,}$/u.test(words[index + 1]!) || /^(?:be|have|do)$/i.test(words[index + 1]!)) continue;
    // "to" opens a verb, not a noun phrase ("a move to honest prices", "a rival to wind"): the verb takes an object
    // that opens on a determiner, or is one of the verbs purposes are commonly stated with.
    if (!OBJECT_OPENERS.test(words[index + 2] ?? '') && !PURPOSE_VERBS.test(words[index + 1]!)) continue;
    if (words.length - index > PURPOSE_CLAUSE_WORDS) continue;
    const head = words[index - 1]!;
    // The word before "to" ends a noun phrase: plain letters, no punctuation, not an adjective or verb that takes "to",
    // not an inflected verb ("tried to", "going to") and not a preposition ("up to").
    if (
      !/^[\p{L}’'-]+$/u.test(head) ||
      TO_TAKERS.test(head) ||
      /^(?:and|or|but|nor|than|as|so|then)$/i.test(head) ||
      /(?:ed|ing)$/i.test(head) ||
      PREPOSITIONS.test(head) ||
      AUXILIARIES.test(head)
    )
      continue;
    // "asked bakers in several countries to make starters": a verb that asks its object to act takes "to" too.
    if (words.slice(Math.max(0, index - 7), index - 1).some((word) => OBJECT_TO_VERBS.test(word))) continue;
    // That noun phrase is an object: a determiner, a preposition or a quantity stands within the three words before it.
    const lead = words.slice(Math.max(0, index - 4), index - 1);
    if (!lead.some((word) => DETERMINERS.test(word) || PREPOSITIONS.test(word) || /^(?:any|some|all|billions|millions)$/i.test(word))) continue;
    if (lead.some((word) => /[,;:—–()"“”]$/.test(word))) continue;
    const clause = words.slice(index).join(' ');
    const kept = before + words.slice(0, index).join(' ');
    // A clause with a verb of its own after "that" ("…to make starters found that…") runs on past the purpose.
    if (/[,;:—–()"“”]/.test(clause.replace(/[.!]$/, '')) || /\b(?:that|which|who|whose)\b/i.test(clause)) continue;
    // "from one bake to the next" is one phrase; under a negation ("never climb a tree to collect a twig") the purpose
    // is what is denied. The clause the purpose belongs to starts after the last comma or "that" ("no surprise that …").
    const governing = kept.split(/[,;]\s|\bthat\s/i).pop() ?? kept;
    if (/\b(?:from|between)\b/i.test(words.slice(Math.max(0, index - 9), index).join(' ')) || NEGATIONS.test(governing)) continue;
    if (isBackground(clause, kept)) return kept;
  }
  return text;
}

/**
 * A condition the claim holds under ("If …, there is nothing…"): a point that dropped it claims more than the author.
 * A frame the reader looks through ("if we look at it through that lens") is not one.
 */
export const CONDITION =
  /^(?:(?:in\s+other\s+words|so|and|but),?\s+)?(?:if|unless|provided|only\s+if)\b(?!\s+(?:we|you|one)(?:[’']re|\s+are)?\s+(?:look|looking|consider|considering|view|viewing)\b)/i;

/** "If we look closely, R1 is derivative" → "R1 is derivative": the main clause carries the point. */
function dropLeadingSubordinate(text: string): string {
  if (!SUBORDINATOR.test(text)) return text;
  const comma = text.indexOf(', ');
  if (comma < 0 || comma > text.length * 0.7) return text;
  // An attribution ("As Lee argues, …") or an appearance ("At first glance, …") qualifies the claim: it stays.
  const lead = text.slice(0, comma);
  if (/\b(?:argues?|argued|says?|said|claims?|claimed|writes?|wrote|notes?|noted|believes?|according|reportedly|suggests?)\b/i.test(lead) || statesView(lead))
    return text;
  // A condition ("If the wall fails, …", "Unless …") is part of the claim: without it the point claims more than the
  // author. A frame the reader looks through ("If we look at it through that lens, …") is not one.
  if (CONDITION.test(lead)) return text;
  // A clause that holds a figure ("With $5.6 million, …") or sets a place ("In China, …") qualifies the claim: it stays.
  if (/\d/.test(text.slice(0, comma)) || /^(?:in|at|on|for|from|to|with|by)\s+\p{Lu}/iu.test(text)) return text;
  // "When a leaf falls it leaves a scar, and inside it…": the clause kept must not open with the "and" that joined it.
  const main = text.slice(comma + 2).replace(OPENERS, '');
  return countWords(main) >= 5 ? main : text;
}

/** "…rose by 40%, driven by cheaper steel and new ports" → "…rose by 40%": a trailing participial or example phrase. */
function dropTrailingAside(text: string): string {
  // A trailing phrase with a figure ("…, from $105–235 billion a year") is the point itself: it stays.
  return text.replace(/,\s+(?:including|especially|particularly|such as|driven by|led by|making|bringing|leaving|thanks to|from|with|ranging)\b[^;\d]*$/i, '');
}

/**
 * The first main clause or clauses, when the sentence joins several ("A; B", "A, and B", "A — B"), up to the limit.
 * Never a cut inside a clause: each boundary used ends a clause with a subject and verb of its own.
 */
function firstClauses(text: string, lang: string, limit: number): string | undefined {
  const boundary = /;\s|,\s+(?:and|but|so|while|whereas|yet)\s|\s[—–]\s|—|[،؛，；。]\s?/g;
  let best: string | undefined;
  for (let match = boundary.exec(text); match; match = boundary.exec(text)) {
    // "X, Y, and Z": the "and" closes a list, not a clause; cutting there would drop the list's last items.
    if (/^,\s+(?:and|or)\s/.test(match[0]) && endsInList(text.slice(0, match.index))) continue;
    const before = text.slice(0, match.index).replace(/[\s,;:—–،؛，；]+$/, '');
    const count = countWords(before, lang);
    if (count > limit) break;
    if (count >= 5 || (isSpacelessScript(before) && count >= 3)) best = before;
  }
  return best;
}

/** Whether the text before a ", and" holds an earlier list comma ("what it costs, who pays"): then the "and" ends a list. */
function endsInList(before: string): boolean {
  const lastClause = before.split(/;\s|\s[—–]\s|—|:\s/).pop() ?? before;
  return /,\s+\S+(?:\s+\S+){0,6}$/.test(lastClause) && !/^,\s+(?:and|but|so|while|whereas|yet)\s/i.test(lastClause.slice(lastClause.lastIndexOf(',')));
}

function isSpacelessScript(text: string): boolean {
  return /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u.test(text);
}
