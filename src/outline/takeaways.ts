import { CONDITION, contentWords, isSubstantive, leansOnReference, trimPoint, wordFrequencies } from './condense.js';
import { countWords, splitSentences } from './sentences.js';
import { statesView } from './views.js';

/**
 * A section's takeaway for the closing slide: its most central claim over the whole section, favouring concluding
 * sentences ("So…", "In short…") and its last paragraphs, and one that stands alone on a slide of its own. Pure.
 */

/** What a section offers its takeaway. */
export interface SectionText {
  title: string;
  /** The section's paragraphs, in order. */
  paragraphs: readonly string[];
  /** The sentences a slide of the section shows, with the text it shows for each. */
  shown: ReadonlyMap<string, string>;
  /** Indexes of the paragraphs that introduce the block after them (a quote, list, code, table or image). */
  leadIns?: ReadonlySet<number>;
}

export interface TakeawayCandidate {
  /** What the closing slide shows: the sentence's point as a slide showed it, else its shortened form. */
  text: string;
  /** The sentence as written. */
  sentence: string;
  score: number;
}

/** Openers of a sentence that states a conclusion. */
export const CONCLUDING =
  /^(?:so(?!\s+\p{L}+\s+(?:is|are|was|were|that)\b)|thus|hence|therefore|in\s+short|in\s+sum|to\s+sum\s+up|in\s+conclusion|ultimately|overall|all\s+in\s+all|taken\s+together|as\s+a\s+result|consequently|the\s+point\s+(?:here\s+)?is|the\s+upshot|the\s+bottom\s+line|in\s+the\s+end|all\s+told|given\s+(?:this|that|all\s+this|these)|that\s+is\s+why|this\s+is\s+why)\b/iu;

/** A state of things the section then says is changing: "Up to this point, …", "Traditionally, …". */
const PAST_STATE =
  /^(?:up\s+to\s+(?:this|that|now)(?:\s+point)?|until\s+(?:now|recently)|so\s+far|thus\s+far|to\s+date|traditionally|historically|in\s+the\s+past|for\s+(?:years|decades|a\s+long\s+time))\b/i;
/** Figures report data; the section's conclusion is what it makes of them. */
const FIGURES = /[$€£¥]\s?\d|\d\s?%|\b\d[\d,.]*\s+(?:thousand|million|billion|trillion)\b/i;
/** A dated event ("on January 20th", "in 1810") is a fact of the story rather than what it concludes. */
const DATED = /\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+\d|\b(?:1[5-9]|20)\d\d\b/i;

/** Words pointing at something on the page, not in the sentence: "the snippet below", "the result", "as shown". */
const POINTS_ELSEWHERE =
  /\b(?:below|above|the\s+following|as\s+shown|shown\s+here|see\s+(?:figure|table|chapter))\b|^(?:the|this|that)\s+(?:result|output|snippet|code|table|figure|chart|graph|list|example|quote|image|picture)s?\b/i;
/** Openers that lean on a referent said before: pronouns and demonstratives beyond those `leansOnReference` knows. */
const PRONOUN_OPENER =
  /^(?:(?:and|but|so|yet)\s+)?(?:they|them|he|she|its|their|his|her|here|there\s+(?!(?:is|are|was|were|has|have|had|will|would|may|might|could|can)\b)|the\s+(?:former|latter)|(?:in|on|at|by|for|from|with|of)\s+(?:this|that|these|those|it)\b|(?:this|that|these|those|it)\b)/i;
/** "None of those ideas…", "Each of these…": a quantity of something said before. */
const PART_OF_REFERENT = /^(?:none|all|each|some|many|most|both|any|one|neither|either|few)\s+of\s+(?:this|that|these|those|them|it)\b/i;
/** A demonstrative subject inside the claim ("How far this goes…"), and sayings that leave the question open. */
const INNER_REFERENCE =
  /\b(?:this|these|those)\s+(?:is|was|are|were|goes|means|will|would|may|might|can|could|has|have|does|did)\b|\b(?:at|by|from|until)\s+this\s+(?:stage|point|time)\b/i;
const NON_COMMITTAL = /\b(?:remains?\s+to\s+be\s+seen|time\s+will\s+tell)\b/i;
/** A pronoun inside the claim ("A sail feels it every day") leans a little on the sentence before. */
const INNER_PRONOUN = /\s(?:it|its|them|they|their)\b/i;
/** "It is clear that…", "It comes as no surprise that…": an "it" that points forward, at its own clause. */
const EXTRAPOSED_IT = /^it(?:’s|'s|\s+is|\s+was|\s+seems|\s+appears|\s+comes\s+as|\s+remains|\s+follows)\b[^,;:]{0,40}\bthat\b/i;
/** A pronoun subject after a leading clause: "After reaching orbit, it spread a sail". */
const PRONOUN_AFTER_CLAUSE =
  /^(?:after|before|when|while|once|since|as|although|though|because|in|on|at|by|with|without|over|under|during|for)\b[^,]{0,60},\s*(?:it|they|he|she|this|that|these|those)\b/i;
/** Asides to the audience ("I commend to you…", "Readers who want…", "You can…") rather than claims. */
const ADDRESSES_AUDIENCE = /^(?:(?:on\s+this\s+\w+|here|now),?\s+)?(?:i|you|readers?)\s/i;
/** An attribution to a named source ("Lee argues", "OpenAI claims"): a report of a claim, not the author's own. */
const ATTRIBUTED = /\b(?:argues|argued|claims|claimed|says|said|writes|wrote|contends|insists)\b|\baccording\s+to\b/i;

/** How far a concluding opener, the last paragraphs, and a slide having shown it lift a sentence. */
const WEIGHTS = {
  concluding: 2,
  lastConcluding: 0.5,
  late: 1,
  lastSentence: 0.3,
  shown: 0.5,
  opening: 0.8,
  premise: 3,
  attributed: 0.5,
  dated: 0.5,
  figures: 0.7,
  innerPronoun: 0.5,
  length: 0.1,
};
/** Words a takeaway may take before it starts losing score, and the most it may take. */
const TAKEAWAY_WORDS = 20;
const TAKEAWAY_MAX_WORDS = 30;
/** Sentences that stand alone, best as written first, weighed for the closing slide in their shortened form. */
const SHORTENED_CANDIDATES = 24;

/** The section's takeaway, or undefined when no sentence of it stands alone as a claim. */
export function sectionTakeaway(section: SectionText, lang = 'en'): TakeawayCandidate | undefined {
  return rankTakeaways(section, lang)[0];
}

/** Every sentence of the section that could close it, best first. */
export function rankTakeaways(section: SectionText, lang = 'en'): TakeawayCandidate[] {
  const context = wordFrequencies([...section.paragraphs], lang);
  const titleWords = new Set(contentWords(section.title, lang));
  const paragraphs = section.paragraphs.map((paragraph) => splitSentences(paragraph, lang));
  // The last conclusion the section draws is the one it ends on.
  const lastConcluding = paragraphs
    .flat()
    .filter((sentence) => CONCLUDING.test(sentence))
    .pop();
  // First what the sentence as written earns; only the best are shortened (a book-length section has thousands).
  const written: Array<{ sentence: string; shown: string | undefined; score: number; order: number }> = [];
  paragraphs.forEach((sentences, at) => {
    sentences.forEach((sentence, index) => {
      const order = written.length;
      // A paragraph that leads into the quote, list or code after it ("One engineer summed it up:") says nothing yet:
      // its last sentence, or all of it when short.
      if (section.leadIns?.has(at) && (index === sentences.length - 1 || sentences.length <= 2)) return;
      const shown = section.shown.get(sentence);
      const late = paragraphs.length > 1 ? at / (paragraphs.length - 1) : 1;
      const concluding = CONCLUDING.test(sentence);
      const score =
        centrality(sentence, context, lang) +
        (concluding ? WEIGHTS.concluding : 0) +
        (concluding && sentence === lastConcluding ? WEIGHTS.lastConcluding : 0) +
        late * WEIGHTS.late +
        (index === sentences.length - 1 && sentences.length > 1 ? WEIGHTS.lastSentence : 0) +
        (shown !== undefined ? WEIGHTS.shown : 0) -
        (at === 0 && index === 0 ? WEIGHTS.opening : 0) -
        (isPremise(sentence) ? WEIGHTS.premise : 0) -
        (ATTRIBUTED.test(sentence) ? WEIGHTS.attributed : 0);
      written.push({ sentence, shown, score, order });
    });
  });
  written.sort((a, b) => b.score - a.score || a.order - b.order);
  const candidates: Array<TakeawayCandidate & { order: number }> = [];
  for (const { sentence, shown, score, order } of written) {
    if (candidates.length >= SHORTENED_CANDIDATES) break;
    const text = shown ?? trimPoint(sentence, lang);
    if (countWords(text, lang) > TAKEAWAY_MAX_WORDS || !standsAlone(sentence, text, lang)) continue;
    // The section's opening sentence states its topic; one that restates the title says nothing more.
    if (restatesTitle(text, titleWords, lang)) continue;
    const final =
      score -
      (DATED.test(text) ? WEIGHTS.dated : 0) -
      (FIGURES.test(text) ? WEIGHTS.figures : 0) -
      (INNER_PRONOUN.test(text) ? WEIGHTS.innerPronoun : 0) -
      Math.max(0, countWords(text, lang) - TAKEAWAY_WORDS) * WEIGHTS.length;
    candidates.push({ text, sentence, score: final, order });
  }
  return candidates.sort((a, b) => b.score - a.score || a.order - b.order).map(({ text, sentence, score }) => ({ text, sentence, score }));
}

/**
 * Whether a sentence can close the talk on its own: a claim of the author's (not a view reported or refuted), not a
 * question, not a bridge, and with nothing in it that points at another sentence, slide or the page.
 */
export function standsAlone(sentence: string, text: string, lang = 'en'): boolean {
  if (statesView(sentence) || statesView(text)) return false;
  if (/\?/.test(text) || POINTS_ELSEWHERE.test(text) || ADDRESSES_AUDIENCE.test(text) || PRONOUN_AFTER_CLAUSE.test(text)) return false;
  if (CONDITION.test(sentence.trim()) && !CONDITION.test(text)) return false;
  if (!isSubstantive(text, lang) || PART_OF_REFERENT.test(text) || INNER_REFERENCE.test(text) || NON_COMMITTAL.test(text)) return false;
  // A sentence that mostly quotes (a title, a reply) names something rather than claims it.
  const quoted = text.match(/[“"][^”"]*[”"]/g)?.join(' ') ?? '';
  if (countWords(quoted, lang) * 2 > countWords(text, lang)) return false;
  if (EXTRAPOSED_IT.test(text)) return true;
  return !leansOnReference(text) && !PRONOUN_OPENER.test(text);
}

/**
 * Whether a sentence is a premise the section goes on to qualify: a state of things "up to this point", which the
 * sentences after it say is changing ("… That, in turn, will affect …").
 */
export function isPremise(sentence: string): boolean {
  return PAST_STATE.test(sentence.trim());
}

/** How much of the section a sentence gathers: its content words, weighted by how often the section uses them. */
function centrality(sentence: string, context: Map<string, number>, lang: string): number {
  const words = contentWords(sentence, lang);
  if (words.length === 0) return 0;
  let sum = 0;
  for (const word of new Set(words)) sum += Math.log1p(Math.max(0, (context.get(word) ?? 0) - 1));
  return sum / Math.sqrt(words.length);
}

/** Whether most of a text's content words are the section title's. */
function restatesTitle(text: string, titleWords: Set<string>, lang: string): boolean {
  const words = contentWords(text, lang);
  return titleWords.size > 0 && words.length > 0 && words.filter((word) => titleWords.has(word)).length / words.length >= 0.6;
}
