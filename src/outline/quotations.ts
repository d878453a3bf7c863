/** A direct quotation inside a paragraph: "R1 responds, “I’m an AI language model called ChatGPT …”". */

export interface Quotation {
  text: string;
  attribution?: string;
}

const QUOTED = /[“"]([^”"]{24,400})[”"]/g;
const SPEECH_VERB = /\b(?:says?|said|responds?|responded|replies|replied|answers?|answered|writes?|wrote|argues?|argued|claims?|claimed|asks?|asked|declares?|declared|told|tells)\b/i;

/** The longest full-sentence quotation in the paragraph, with its speaker when a speech verb names one. */
export function findQuotation(paragraph: string): Quotation | undefined {
  let best: { text: string; index: number } | undefined;
  for (const match of paragraph.matchAll(QUOTED)) {
    const text = (match[1] ?? '').trim();
    // Only quoted sentences (not scare-quoted terms): at least five words, ending like a sentence.
    if (text.split(/\s+/).length < 5 || !/[.!?…]$/.test(text) || !/^\p{Lu}/u.test(text)) continue;
    if (!best || text.length > best.text.length) best = { text, index: match.index ?? 0 };
  }
  if (!best) return undefined;
  const before = paragraph.slice(Math.max(0, best.index - 80), best.index);
  const clause = before.split(/[.;!?][”"’]?\s/).pop() ?? before;
  const verb = SPEECH_VERB.exec(clause);
  let attribution: string | undefined;
  if (verb?.index !== undefined) {
    const names = [...clause.slice(0, verb.index).matchAll(/(?<![\p{L}\d])\p{Lu}[\p{L}\d’'-]*(?:\s\p{Lu}[\p{L}\d’'-]*)*/gu)];
    attribution = names.pop()?.[0].replace(/[’']s$/, '');
  }
  return { text: best.text, attribution };
}
