import { countWords } from './sentences.js';

/** A point that names a series after a short lead: "We recommend a fund, fees, and a move to honest prices". */
export interface Series {
  /** The words that introduce the items ("We recommend"), capitalised. */
  lead: string;
  /** Three or more items, in order, each capitalised. */
  items: string[];
}

const MIN_ITEMS = 3;
const MAX_ITEMS = 6;
const MAX_ITEM_WORDS = 12;
const MAX_LEAD_WORDS = 6;

/**
 * Words that hand a clause over to the list it names. Without a part-of-speech tagger (see the cost note in
 * headline.ts) the end of the lead is found by these: the verbs and phrases English uses to introduce a list.
 */
const LEAD_END =
  /\b(?:recommends?|recommended|proposes?|proposed|suggests?|suggested|urges?|urged|includes?|including|included|needs?|needed|requires?|required|calls? for|called for|asks? for|such as|namely|offers?|offered|covers?|covered|lists?|listed|means|wants?|wanted|involves?|involved|consists? of|comprises?)$/i;

const DETERMINER = /^(?:the|a|an|this|that|these|those|its|their|our|his|her|my|your)$/i;

/** An item that opens a clause of its own ("which …", "but …", "whether …") is not one of a list of things. */
const CLAUSE_OPENER =
  /^(?:which|who|whom|whose|where|when|while|whether|because|although|though|if|unless|since|but|yet|so|then|that|this|these|those|it|its|they|he|she|we|i|you|there|as|not)\b/i;

/**
 * "In short, we recommend A, B, and C" → lead "We recommend", items A, B, C: an English sentence whose whole tail after a
 * short lead is a comma series of three to six short items, the last joined by "and" or "or". A slide shows it as a lead
 * line over a list. Undefined when the sentence is anything else, so a comma inside a clause never breaks it up.
 */
export function findSeries(text: string, lang: string): Series | undefined {
  if (!/^en\b/i.test(lang)) return undefined;
  const segments = topLevelCommaParts(text.replace(/[\s.;:!]+$/u, ''));
  if (segments.length < 2) return undefined;
  const last = segments[segments.length - 1]!;
  const joined = /^(?:and|or)\s+(.+)$/i.exec(last);
  // "A, B and C" (no comma before "and") ends in a segment holding two items.
  const tail = joined ? [joined[1]!] : splitFinalPair(last);
  if (!tail) return undefined;
  const middle = segments.slice(1, -1);
  const head = segments[0]!;
  const leadEnd = leadBoundary(head);
  if (leadEnd === undefined) return undefined;
  const lead = head.slice(0, leadEnd).trim();
  const first = head.slice(leadEnd).trim();
  const items = [first, ...middle, ...tail];
  if (items.length < MIN_ITEMS || items.length > MAX_ITEMS) return undefined;
  if (items.some((item) => !isItem(item, lang))) return undefined;
  return { lead: capitalise(lead), items: items.map(capitalise) };
}

/** Where the lead ends in the series' first segment: after its last list-introducing word, leaving an item. */
function leadBoundary(head: string): number | undefined {
  const words = [...head.matchAll(/\S+/g)];
  for (let count = Math.min(MAX_LEAD_WORDS, words.length - 1); count >= 2; count--) {
    const end = words[count - 1]!;
    const endIndex = (end.index ?? 0) + end[0].length;
    // "The proposed barrier" uses the word as an adjective: after a determiner it does not end a lead.
    const before = words[count - 2]?.[0] ?? '';
    if (LEAD_END.test(head.slice(0, endIndex)) && !DETERMINER.test(before)) return endIndex;
  }
  return undefined;
}

function splitFinalPair(segment: string): string[] | undefined {
  const match = /^(.+?)\s+(?:and|or)\s+(.+)$/i.exec(segment);
  // Only a short segment: "fees for local works and a move to honest prices", never a clause with "and" inside.
  return match && countWords(segment) <= MAX_ITEM_WORDS ? [match[1]!, match[2]!] : undefined;
}

function isItem(item: string, lang: string): boolean {
  const words = countWords(item, lang);
  return words >= 1 && words <= MAX_ITEM_WORDS && !CLAUSE_OPENER.test(item) && !/\b(?:and|or)\s*$/i.test(item);
}

/** Parts of a text between commas that stand outside brackets and quotation marks. */
function topLevelCommaParts(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char === '(' || char === '[' || char === '“') depth++;
    else if ((char === ')' || char === ']' || char === '”') && depth > 0) depth--;
    else if (char === '"') quoted = !quoted;
    else if ((char === ',' || char === '，') && depth === 0 && !quoted) {
      parts.push(text.slice(start, index).trim());
      start = index + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts.filter(Boolean);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
