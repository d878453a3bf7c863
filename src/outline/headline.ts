import { isSpaceless, scriptLanguage } from './language.js';
import { countWords, segmenterFor, wordsOf } from './sentences.js';
import { stopWordsFor } from './stopwords.js';
import { shortenSentence } from './condense.js';
import { statesView } from './views.js';

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
/** What a compressed claim aims at: trailing phrases go down to this while the title stays whole. */
export const TITLE_WORD_TARGET = 7;
/** A point of more words than this is not repeated word for word as its slide's title: the audience would read it twice. */
const REPEATABLE_POINT_WORDS = 6;

/** A headline that leans on something said before it: a pronoun, or an ordinal without its noun ("The first is …"). */
const DANGLING =
  /^(?:this|that|these|those|it|it’s|it's|they|there|here|i|we|up to|as|(?:the\s+)?(?:first|second|third|fourth|fifth|last|latter|former|other|next)\s+(?:is|was|are|were|one|ones)\b)\b/i;
/** Particles that complete a phrasal verb ("catching up", "shows up"): a title may end on one. */
const PARTICLES = /^(?:up|down|out|off|away|back|apart|together|ahead|behind)$/i;
/** Auxiliaries and forms of "be" and "have": a trailing phrase that holds one holds a verb of the claim. */
const CLAIM_VERB = /^(?:is|are|was|were|has|have|had)$/i;
/**
 * Openers that only announce the claim ("The point here is that R1 is derivative"): a title drops them. Kept to words that
 * never carry the claim themselves.
 */
const ANNOUNCERS =
  /^(?:(?:so|and|but|now|well),?\s+)?(?:the (?:point|thing|lesson|upshot|bottom line|key) (?:here )?is(?: that)?|what (?:this|that) means is(?: that)?|what matters(?: most)? is(?: that)?|it(?:’|')s (?:especially|also|clear|true|worth noting) that)\s+/i;
/**
 * "This looks like an indication that <claim>": a demonstrative opener whose verb introduces the clause that states the
 * claim. The claim clause stands as a title; a negated opener ("That doesn't mean <clause>") does not, since the clause
 * alone would say the opposite.
 */
const LEAD_INS = [
  /^(?:this|that|these|those|it|they)\b([^,;:]{0,60}?)\sthat\s+(?=\S)/i,
  /^(?:this|that|these|those|it|they)\b([^,;:]{0,60}?)\s(?:like|as if)\s+(?=\S)/i,
];
const NEGATION = /\b(?:not|never|no)\b|n[’']t\b/i;
/**
 * Verbs that leave a phrase open when their object is cut ("… benchmark tests rivals", "make it look"). Part-of-speech
 * tagging would find them all; see the cost note above for why a short list of the common ones stands in.
 */
const OPEN_VERBS = new Set([
  'rival',
  'rivals',
  'look',
  'looks',
  'seem',
  'seems',
  'mean',
  'means',
  'develop',
  'develops',
  'make',
  'makes',
  'made',
  'show',
  'shows',
  'showed',
  'suggest',
  'suggests',
  'signal',
  'signals',
  'indicate',
  'indicates',
  'claim',
  'claims',
  'argue',
  'argues',
  'say',
  'says',
  'said',
  'need',
  'needs',
  'needed',
  'want',
  'wants',
  'become',
  'becomes',
  'get',
  'gets',
  'give',
  'gives',
  'take',
  'takes',
  'find',
  'finds',
  'invest',
  'invested',
  'use',
  'uses',
  'used',
  'using',
  'train',
  'trained',
  'enable',
  'enables',
  'create',
  'creates',
  'mimic',
  'mimics',
  'violate',
  'violated',
  'hack',
  'reach',
  'reaches',
  'match',
  'matches',
  'beat',
  'beats',
  'include',
  'includes',
  'require',
  'requires',
  'allow',
  'allows',
  'let',
  'lets',
  'keep',
  'keeps',
  'put',
  'puts',
  'call',
  'called',
  'known',
  'proliferated',
  'asking',
  'asked',
]);
/** Words a headline may drop, as headlines do: articles. */
const ARTICLES = /^(?:a|an|the)$/i;
const MONTHS = /^(?:january|february|march|april|may|june|july|august|september|october|november|december)$/i;
/** Where a trailing phrase may be dropped to shorten a claim. */
const PHRASE_START = /^(?:of|in|on|for|with|by|from|at|between|into|over|through|after|before|during|without|across|among|because|since|while|which|who)$/i;

/** How much of a text a title is drawn from: a title is a few words from its start, and a 3 MB point must not cost 3 MB of work per candidate. */
const TITLE_SOURCE_CHARACTERS = 600;

/** The start of a text, cut at a word boundary where the text has spaces. */
function titleSource(text: string): string {
  if (text.length <= TITLE_SOURCE_CHARACTERS) return text;
  const start = text.slice(0, TITLE_SOURCE_CHARACTERS);
  const lastSpace = start.search(/\s\S*$/);
  return lastSpace > 0 ? start.slice(0, lastSpace) : start;
}

/** Ranked title candidates for a slide whose points (or other texts) are given, main text first. */
export function titleCandidates(texts: string[], lang: string, speech = false): string[] {
  const clean = texts.map((text) => titleSource(text.trim())).filter(Boolean);
  if (clean.length === 0) return [];
  // A passage in a script written without spaces (Chinese in an English article) is cut as that script is.
  const written = scriptLanguage(clean[0]!);
  if (written.share > 0.5 && isSpaceless(written.lang) && !isSpaceless(lang)) return titleCandidates(texts, written.lang, speech);
  if (isSpaceless(lang) || !/^(en|de|fr|es|it|nl|pt)\b/i.test(lang)) return clean.flatMap((text) => keyPhrases(text, lang));
  const candidates: string[] = [];
  const shared = sharedPhrase(clean, lang);
  // What only announces a claim goes first: "The point here is that R1 is derivative" → "R1 is derivative".
  const claims = clean.map(claimClause);
  const main = claims[0]!;
  const whole = (text: string): boolean => isWholeTitle(text, lang, speech);
  // A speaker's own words may start with "I" or "we": that is whom the quote is from.
  const dangling = (text: string): boolean => !speech && DANGLING.test(text);
  // (a) A whole short clause that states the slide's claim, its main text first.
  // A view the author reports ("At first sight, R1 looks like proof…") titles a slide only with what marks it as one:
  // without the marker it would read as the author's own claim.
  const keepsView = (headline: string, index: number): boolean => !statesView(clean[index]!) || statesView(headline);
  if (main.split(/\s+/).length <= TITLE_WORD_LIMIT - 2 && whole(finish(main)) && keepsView(finish(main), 0)) candidates.push(finish(main));
  // The main claim compressed; another point's claim only when it is short enough whole.
  const compressed = claims.map((claim, index) => {
    const headline = compressClaim(claim, lang);
    return headline !== undefined && keepsView(headline, index) ? headline : undefined;
  });
  const later: string[] = [];
  compressed.forEach((headline, index) => {
    if (!headline || !whole(headline)) return;
    const kept = claims[index]!.split(/\s+/).filter((word) => !ARTICLES.test(word) && word.toLowerCase() !== 'that');
    if (index === 0 || kept.length <= TITLE_WORD_LIMIT) candidates.push(headline);
    else later.push(headline);
  });
  // (b) The key phrase the slide's points share, or the key noun phrases of its points.
  if (shared && whole(shared)) candidates.push(shared);
  candidates.push(...clean.flatMap((text) => nounRuns(text, lang)).filter(whole));
  // (c) Another point's claim cut at a phrase boundary.
  candidates.push(...later);
  // (c) A cut of a point at a phrase boundary; a cut that leaves the phrase open or leans on what came before is the
  // last resort, kept only so that every slide still gets a distinct title.
  const phrases = clean.flatMap((text, index) => keyPhrases(text, lang).filter((phrase) => keepsView(phrase, index)));
  candidates.push(...phrases.filter(whole));
  const rest = [shared, ...compressed, ...phrases].filter((text): text is string => Boolean(text));
  candidates.push(...rest.filter((text) => !dangling(text)), ...rest.filter(dangling));
  // A title that only repeats a point word for word, or its opening, gives way where it stands to that point's subject,
  // a key noun phrase ("Southern half of the bay"); a whole repeat without one, to another point's claim that repeats
  // nothing, or in another language to the point's opening words. Otherwise it stays, as a weaker phrase says less.
  const claimSet = new Set([finish(main), ...compressed, ...later].filter((text): text is string => Boolean(text)));
  // Each candidate is compared with the points once: the claim that replaces a repeat is looked for among them all.
  const memo = <T>(compute: (candidate: string) => T): ((candidate: string) => T) => {
    const known = new Map<string, T>();
    return (candidate) => {
      if (!known.has(candidate)) known.set(candidate, compute(candidate));
      return known.get(candidate)!;
    };
  };
  const points = clean.map((text) => ({ text, comparable: comparablePoint(text, lang) }));
  const wordsOf = memo(comparable);
  const repeated = memo((candidate) => points.find((point) => repeatsComparable(wordsOf(candidate), point.comparable))?.text);
  const opened = memo((candidate) => points.find((point) => opensComparable(wordsOf(candidate), point.comparable))?.text);
  const fresh = candidates.map((candidate) => {
    const point = repeated(candidate) ?? opened(candidate);
    if (point === undefined) return candidate;
    const subject = subjectPhrase(point, lang);
    if (subject !== undefined && whole(subject)) return subject;
    if (repeated(candidate) === undefined) return candidate;
    const claim = candidates.find((other) => claimSet.has(other) && repeated(other) === undefined && opened(other) === undefined);
    if (claim !== undefined) return claim;
    // Where no subject can be found (no English auxiliaries to end it), the point's first six words stand for it.
    const opening = /^en\b/i.test(lang) ? undefined : keyPhrases(point, lang)[0];
    return opening !== undefined && whole(opening) && countWords(opening, lang) >= 3 && countWords(opening, lang) + 2 <= countWords(point, lang)
      ? opening
      : candidate;
  });
  return dedupe([...fresh, ...candidates].filter((candidate) => countWords(candidate, lang) >= 1));
}

/** Words of a text for comparing a title with a point: lower-cased, without articles or punctuation. */
function comparable(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}$]+|[^\p{L}\p{N}%]+$/gu, ''))
    .filter((word) => word !== '' && !ARTICLES.test(word));
}

/** A point read once for comparing with every title candidate of its slide. */
interface ComparablePoint {
  /** Long enough that a title saying it again would be a repeat. */
  repeatable: boolean;
  words: string[];
  wordSet: Set<string>;
}

function comparablePoint(point: string, lang: string): ComparablePoint {
  const words = comparable(point);
  return { repeatable: countWords(point, lang) > REPEATABLE_POINT_WORDS, words, wordSet: new Set(words) };
}

function repeatsComparable(titleWords: string[], point: ComparablePoint): boolean {
  if (!point.repeatable || titleWords.length === 0 || point.words.length - titleWords.length > 2) return false;
  return titleWords.every((word) => point.wordSet.has(word));
}

function opensComparable(titleWords: string[], point: ComparablePoint): boolean {
  if (!point.repeatable) return false;
  return titleWords.length >= 4 && titleWords.length * 5 >= point.words.length * 2 && titleWords.every((word, index) => point.words[index] === word);
}

/** Whether a title is a point word for word, but for articles and punctuation: the slide would show it twice. */
export function saysPoint(title: string, point: string): boolean {
  const titleWords = comparable(title);
  const pointWords = comparable(point);
  return titleWords.length > 0 && titleWords.length === pointWords.length && titleWords.every((word, index) => word === pointWords[index]);
}

/** Whether a title says a point again nearly whole: the point, longer than a few words, adds at most two words to it. */
export function repeatsPoint(title: string, point: string, lang = 'en'): boolean {
  return repeatsComparable(comparable(title), comparablePoint(point, lang));
}

/** Whether a title is the opening of a point, four words or more and two fifths of it, word for word: read twice. */
export function opensPoint(title: string, point: string, lang = 'en'): boolean {
  return opensComparable(comparable(title), comparablePoint(point, lang));
}

/** The verbs that end a sentence's subject: auxiliaries and modals ("The southern half of the bay | was stable"). */
const AUXILIARIES = /^(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|does|did|do)$/i;

/**
 * The subject of a point, when it is a noun phrase of two to six words that names something ("The southern half of the
 * bay was largely stable" → "Southern half of the bay"): a key noun phrase to title the slide by. Without a tagger, the
 * subject ends at the first auxiliary; a subject with a comma, a negation or a figure is part of the claim and stays.
 */
export function subjectPhrase(text: string, lang = 'en'): string | undefined {
  if (!/^en\b/i.test(lang)) return undefined;
  const words = text.trim().split(/\s+/);
  const verb = words.findIndex((word) => AUXILIARIES.test(word));
  if (verb < 2 || verb > 7) return undefined;
  const subject = words.slice(0, verb);
  const joined = subject.join(' ');
  // A verb before the auxiliary ("DeepSeek showed that rivals can …") means the auxiliary is a later clause's.
  if (/[,;:—–()]|\d/.test(joined) || NEGATION.test(joined) || subject.slice(1).some((word) => /^(?:that|if|whether|because|\p{Ll}+ed)$/iu.test(word)))
    return undefined;
  const stop = stopWordsFor(lang);
  const phrase = ARTICLES.test(subject[0]!) ? subject.slice(1) : subject;
  // Two plain words ("Three years") say too little; a name or a third word makes a phrase worth a title.
  const named = phrase.slice(1).some((word) => /^\p{Lu}/u.test(word)) || /^\p{Lu}\p{Ll}*\p{Lu}/u.test(phrase[0]!);
  if (phrase.filter((word) => !isStop(word, stop)).length < 2 || (phrase.length < 3 && !named)) return undefined;
  return finish(phrase.join(' '));
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

/**
 * Runs of two to five content words ("R1 development", "Kai-Fu Lee’s AI Superpowers"), joined by "of" where it links two
 * ("terms of service"): the key noun phrases of a text, without a tagger. Runs holding a name come first.
 */
export function nounRuns(text: string, lang = 'en'): string[] {
  const stop = stopWordsFor(lang);
  const runs: string[][] = [];
  for (const clause of text.split(/[,;:()“”"—–.!?]+/)) {
    let run: string[] = [];
    const words = clause.split(/\s+/).filter(Boolean);
    words.forEach((word, index) => {
      const joins = /^of$/i.test(word) && run.length > 0 && index + 1 < words.length && !isStop(words[index + 1]!, stop);
      // A lower-case word after "to" starts an infinitive ("to examine R1"), not a noun phrase.
      const infinitive = run.length === 0 && index > 0 && /^to$/i.test(words[index - 1]!) && /^\p{Ll}/u.test(word);
      if (infinitive) return;
      if (joins || (!isStop(word, stop) && !OPEN_VERBS.has(bare(word)))) run.push(word);
      else {
        runs.push(run);
        run = [];
      }
    });
    runs.push(run);
  }
  // A date ("January 20th") names when, not what: a phrase needs two words that are not dates or figures.
  const wordy = (run: string[]): boolean => run.filter((word) => /^\p{L}/u.test(word) && !MONTHS.test(word)).length >= 2;
  // A possessive names whose thing it is ("Kai-Fu Lee’s book"): the slide is about that, more than a title it quotes.
  const weight = (run: string[]): number =>
    run.length + run.filter((word) => /^\p{Lu}/u.test(word)).length + (run.some((word) => /\p{L}[’']s$/u.test(word)) ? 2 : 0);
  return (
    runs
      // Two words make a noun phrase only as a name or a term with a figure ("R1 development"); otherwise they are as often
      // a subject and its verb ("the Sun raise …").
      .filter((run) => run.length >= 2 && wordy(run) && (run.length >= 3 || run.every((word) => /^\P{Ll}/u.test(word)) || run.some((word) => /\d/.test(word))))
      .map((run, order) => ({ run: run.slice(0, 5), order }))
      .sort((a, b) => weight(b.run) - weight(a.run) || a.order - b.order)
      .map(({ run }) => finish(run.join(' ')))
  );
}

/** A claim as a headline: articles and trailing phrases dropped until it fits, never a word changed. */
export function compressClaim(text: string, lang: string): string | undefined {
  // First what a point may drop (openers, asides, leading clauses), then what a headline may drop.
  const shortened = shortenSentence(text, lang, 12) ?? text;
  let words = shortened
    .replace(/[.!]+$/, '')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length <= TITLE_WORD_LIMIT) return finish(words.join(' '));
  // A short leading time or place phrase ("On January 20th, …") can go from a headline; the point keeps it.
  const leadEnd = words.findIndex((word, index) => index <= 4 && /,$/.test(word));
  if (leadEnd >= 1 && /^(?:on|in|at|by|during|since|after|before)$/i.test(words[0]!) && words.length - leadEnd - 1 >= 4) words = words.slice(leadEnd + 1);
  // "A Chinese company called DeepSeek released …" → "DeepSeek released …": a headline names the actor; the point keeps
  // what it is.
  const naming = words.findIndex((word, index) => index >= 1 && index <= 4 && /^(?:called|named)$/i.test(word));
  if (naming > 0 && ARTICLES.test(words[0]!) && /^[“"‘']?\p{Lu}/u.test(words[naming + 1] ?? '') && words.length - naming - 1 >= 4) {
    words = words.slice(naming + 1);
  }
  // The first clause carries the claim.
  const clauseEnd = words.findIndex((word, index) => index >= 3 && /[,;:—]$/.test(word));
  if (clauseEnd >= 3) words = words.slice(0, clauseEnd + 1);
  // A trailing relative clause or a second coordinated verb phrase goes whole: "… open-source models that mimic …",
  // "… hack into any servers or steal …".
  if (words.length > TITLE_WORD_LIMIT) {
    // "does not signal that …" opens the claim itself, not a relative clause: it stays (its "that" goes below).
    const tail = words.findIndex(
      (word, index) => index >= 4 && /^(?:that|which|who|or)$/i.test(word) && !(/^that$/i.test(word) && OPEN_VERBS.has(bare(words[index - 1]!))),
    );
    if (tail >= 4 && tail <= TITLE_WORD_LIMIT + 1) words = words.slice(0, tail);
  }
  if (words.length > TITLE_WORD_LIMIT) words = [words[0]!, ...words.slice(1).filter((word) => !ARTICLES.test(word))];
  // "does not signal that Chinese companies are ahead" → "does not signal Chinese companies are ahead", as headlines say it.
  if (words.length > TITLE_WORD_LIMIT) words = words.filter((word, index) => index === 0 || word.toLowerCase() !== 'that');
  while (words.length > TITLE_WORD_LIMIT) {
    // Drop the last trailing phrase ("… of US companies"), keeping at least four words.
    const cut = lastPhraseStart(words, 4);
    // Only a short trailing phrase ("… of US companies"); a longer one, or one with a verb of its own ("… of intellectual
    // property is central …"), holds the verb of the claim.
    if (cut < 0 || words.length - cut > 8 || holdsMainVerb(words.slice(cut))) break;
    words = words.slice(0, cut);
  }
  if (words.length > TITLE_WORD_LIMIT) return undefined;
  const stop = stopWordsFor(lang);
  // Toward the target, a short trailing phrase goes too ("… was built in 1782 by Johann Müller" → "… was built in
  // 1782"), when what is left stays whole; the point on the slide keeps it.
  while (words.length > TITLE_WORD_TARGET) {
    const cut = lastPhraseStart(words, 4);
    // Only a phrase without a verb of its own: "… evidence of leavened bread comes" holds the claim's verb.
    if (cut < 0 || words.slice(cut).some((word) => /^(?:is|are|was|were|has|have|had|\p{Ll}+(?:ed|es))$/u.test(bare(word)))) break;
    const shorter = words.slice(0, cut);
    while (shorter.length > 2 && endsOnStop(shorter, stop)) shorter.pop();
    // "… did not have to break | into servers": an infinitive the cut parts from its phrase leaves the claim open.
    if (shorter.length < 4 || !isWholeTitle(shorter.join(' '), lang, true) || bare(shorter[shorter.length - 2] ?? '') === 'to') break;
    words = shorter;
  }
  while (words.length > 2 && endsOnStop(words, stop)) words.pop();
  // A cut that left a verb without its object ("… benchmark tests rivals") goes back to the phrase before it.
  while (words.length > 3 && !isWholeTitle(words.join(' '), lang, true)) {
    const cut = lastPhraseStart(words, 3);
    if (cut < 0) break;
    words = words.slice(0, cut);
    while (words.length > 2 && endsOnStop(words, stop)) words.pop();
  }
  return words.length >= 3 ? finish(words.join(' ')) : undefined;
}

/**
 * Whether a trailing phrase holds the verb its sentence's subject needs: "of intellectual property | is central …" does;
 * "by how forgiving a starter is" and "because it was …" hold verbs of clauses of their own.
 */
function holdsMainVerb(phrase: string[]): boolean {
  const verb = phrase.findIndex((word) => CLAIM_VERB.test(bare(word)));
  return verb > 0 && !phrase.slice(0, verb).some((word) => SUBORDINATE.test(bare(word)));
}
const SUBORDINATE = /^(?:how|what|why|whether|when|where|who|whom|whose|which|that|if|because|since|while|as|than|although|though|unless|until)$/i;

/** Index of the last word from `from` on that opens a trailing phrase ("of", "in", "by" …), or -1. */
function lastPhraseStart(words: string[], from: number): number {
  for (let index = words.length - 1; index >= from; index--) if (PHRASE_START.test(words[index]!)) return index;
  return -1;
}

/** Key phrases of a text: its first clause, cut at a word (or, without spaces, a segmenter word) boundary. */
function keyPhrases(text: string, lang: string): string[] {
  const clauses = text
    .split(/[,;:—،؛，；：、。！？!?]+/)
    .map((clause) => clause.trim())
    .filter(Boolean);
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
export function cutAtWord(text: string, count: number, lang: string): string {
  if (!isSpaceless(lang)) {
    const stop = stopWordsFor(lang);
    const words = text.split(/\s+/).slice(0, count);
    while (words.length > 2 && endsOnStop(words, stop)) words.pop();
    return words.join(' ');
  }
  const segmenter = segmenterFor(lang, 'word');
  let seen = 0;
  let end = 0;
  for (const segment of segmenter.segment(text)) {
    if (segment.isWordLike && ++seen > count) break;
    end = segment.index + segment.segment.length;
  }
  return text.slice(0, end);
}

/**
 * Whether a title reads as a whole phrase: no unresolved opener, no word at its end that leaves it open (a stop word
 * other than a verb's particle, a verb that wants its object).
 */
export function isWholeTitle(title: string, lang = 'en', speech = false): boolean {
  if (!speech && DANGLING.test(title)) return false;
  const words = title.split(/\s+/).filter(Boolean);
  if (words.length === 0) return false;
  const last = bare(words[words.length - 1]!);
  if (endsOnStop(words, stopWordsFor(lang))) return false;
  return !OPEN_VERBS.has(last);
}

/** Whether words end on a stop word that leaves them open: a particle after a verb ("catching up") closes them. */
function endsOnStop(words: string[], stop: ReadonlySet<string>): boolean {
  const last = words[words.length - 1]!;
  if (!isStop(last, stop)) return false;
  return !(PARTICLES.test(bare(last)) && words.length >= 2 && !isStop(words[words.length - 2]!, stop));
}

/** A claim without what only announces it: "The point here is that R1 is derivative" → "R1 is derivative". */
export function claimClause(text: string): string {
  let claim = text.trim().replace(ANNOUNCERS, '');
  for (const pattern of LEAD_INS) {
    const lead = pattern.exec(claim);
    if (!lead || NEGATION.test(lead[1] ?? '')) continue;
    const rest = claim.slice(lead[0].length);
    if (rest.split(/\s+/).length >= 4) {
      claim = rest;
      break;
    }
  }
  return claim === text.trim() ? claim : capitalise(claim);
}

function bare(word: string): string {
  return word.toLowerCase().replace(/^[^\p{L}\p{N}$]+|[^\p{L}\p{N}%]+$/gu, '');
}

/**
 * Answers remembered per stop-word list and word as written: titling asks about the same words thousands of times over
 * a long article (a 2.5 MB one: 380 ms of 7.6 s in this function). Forgotten past STOP_ANSWERS words, so a long-running
 * process (the dev server) does not keep every word it ever saw.
 */
const stopAnswers = new WeakMap<ReadonlySet<string>, Map<string, boolean>>();
const STOP_ANSWERS = 200_000;

function isStop(word: string, stop: ReadonlySet<string>): boolean {
  let answers = stopAnswers.get(stop);
  if (!answers || answers.size > STOP_ANSWERS) stopAnswers.set(stop, (answers = new Map<string, boolean>()));
  let answer = answers.get(word);
  if (answer === undefined) {
    const plain = bare(word).replace(/[’']s$/, '');
    answer = plain === '' || stop.has(plain);
    answers.set(word, answer);
  }
  return answer;
}

function finish(text: string): string {
  // A final full stop goes, unless it ends an abbreviation ("U.S.").
  return capitalise(
    text
      .trim()
      .replace(/[\s,;:—–-]+$/, '')
      .replace(/(?<!(?:^|\s)(?:\p{Lu}\.)+\p{Lu})[.。]([”"’]?)$/u, '$1')
      .trim(),
  );
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
