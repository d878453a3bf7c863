/** A direct quotation inside a paragraph: "R1 responds, “I’m an AI language model called ChatGPT …”". */

export interface Quotation {
  text: string;
  attribution?: string;
}

const QUOTED = /[“"]([^”"]{24,400})[”"]/g;
const SPEECH_VERB =
  /\b(?:says?|said|responds?|responded|replies|replied|answers?|answered|writes?|wrote|argues?|argued|claims?|claimed|asks?|asked|declares?|declared|told|tells)\b/i;

/** The longest full-sentence quotation in the paragraph, with its speaker when a speech verb names one. */
export function findQuotation(paragraph: string): Quotation | undefined {
  let best: Quotation | undefined;
  for (const match of paragraph.matchAll(QUOTED)) {
    const text = (match[1] ?? '').trim();
    // Only quoted sentences (not scare-quoted terms): at least five words, ending like a sentence.
    if (text.split(/\s+/).length < 5 || !/[.!?…]$/.test(text) || !/^\p{Lu}/u.test(text)) continue;
    const found = { text, attribution: speakerOf(paragraph, match.index ?? 0, match[0].length) };
    // An attributed quote beats an unattributed one; then the longer.
    if (
      !best ||
      (found.attribution !== undefined && best.attribution === undefined) ||
      ((found.attribution === undefined) === (best.attribution === undefined) && text.length > best.text.length)
    )
      best = found;
  }
  return best;
}

/** The speaker of the quote at `index`: named after it (“…,” said Name, Role.) or before it (Name says, “…”). */
function speakerOf(paragraph: string, index: number, length: number): string | undefined {
  // “…,” said Alma Reyes, Chief Executive of the Authority. — the speaker and role after the quote.
  const after = paragraph.slice(index + length, index + length + 240);
  const following =
    /^[\s,]*(?:(?:says?|said|added|adds|explained|noted)\s+((?:\p{Lu}[\p{L}’'.-]*\s?){1,4})(?:,\s+([^.;“”"]{3,120}))?|((?:\p{Lu}[\p{L}’'.-]*\s?){1,4})\s+(?:says?|said|added|adds))/u.exec(
      after,
    );
  if (following) {
    const name = (following[1] ?? following[3] ?? '').trim();
    const role = following[2]?.split(/,\s+(?:which|who|where)\b/)[0]?.trim();
    return role ? `${name}, ${role}` : name;
  }
  const before = paragraph.slice(Math.max(0, index - 80), index);
  const clause = before.split(/[.;!?][”"’]?\s/).pop() ?? before;
  const verb = SPEECH_VERB.exec(clause);
  if (verb?.index === undefined) return undefined;
  const names = [...clause.slice(0, verb.index).matchAll(/(?<![\p{L}\d])\p{Lu}[\p{L}\d’'-]*(?:\s\p{Lu}[\p{L}\d’'-]*)*/gu)];
  const named = names.pop()?.[0].replace(/[’']s$/, '');
  if (named) return named;
  // “…” said Alma Reyes, Chief Executive. “…”: the speaker named after the verb, before the quote.
  const after_verb = /^\s*((?:\p{Lu}[\p{L}’'.-]*\s?){1,4})(?:,\s+([^.;“”"]{3,120}))?/u.exec(clause.slice(verb.index + verb[0].length));
  return after_verb
    ? [after_verb[1], after_verb[2]]
        .filter(Boolean)
        .map((part) => (part ?? '').trim())
        .join(', ') || undefined
    : undefined;
}

/**
 * `> "I'm an AI language model called ChatGPT."` → the words without the marks around them: a quote slide draws the
 * quotation itself, and a title cut from it would open on an unmatched mark. Only one pair enclosing the whole text.
 */
export function unwrapQuotation(text: string): string {
  const match = /^\s*(?:“([^“”]+)”|"([^"]+)")\s*$/.exec(text);
  const inner = match?.[1] ?? match?.[2];
  return inner === undefined ? text : inner.trim();
}
