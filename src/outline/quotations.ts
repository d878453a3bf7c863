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
  // “…,” said Alma Reyes, Chief Executive of the Authority. — the speaker and role after the quote.
  const after = paragraph.slice(best.index + best.text.length + 2, best.index + best.text.length + 240);
  const following = /^[\s,]*(?:(?:says?|said|added|adds|explained|noted)\s+((?:\p{Lu}[\p{L}’'.-]*\s?){1,4})(?:,\s+([^.;“”"]{3,120}))?|((?:\p{Lu}[\p{L}’'.-]*\s?){1,4})\s+(?:says?|said|added|adds))/u.exec(after);
  if (following) {
    const name = (following[1] ?? following[3] ?? '').trim();
    const role = following[2]?.split(/,\s+(?:which|who|where)\b/)[0]?.trim();
    return { text: best.text, attribution: role ? `${name}, ${role}` : name };
  }
  const before = paragraph.slice(Math.max(0, best.index - 80), best.index);
  const clause = before.split(/[.;!?][”"’]?\s/).pop() ?? before;
  const verb = SPEECH_VERB.exec(clause);
  let attribution: string | undefined;
  if (verb?.index !== undefined) {
    const names = [...clause.slice(0, verb.index).matchAll(/(?<![\p{L}\d])\p{Lu}[\p{L}\d’'-]*(?:\s\p{Lu}[\p{L}\d’'-]*)*/gu)];
    attribution = names.pop()?.[0].replace(/[’']s$/, '');
    // “…” said Alma Reyes, Chief Executive. “…”: the speaker named after the verb, before the quote shown.
    attribution ??= /^\s*((?:\p{Lu}[\p{L}’'.-]*\s?){1,4})(?:,\s+([^.;“”"]{3,120}))?/u.exec(clause.slice(verb.index + verb[0].length))?.slice(1).filter(Boolean).map((part) => part.trim()).join(', ') || undefined;
  }
  return { text: best.text, attribution };
}
