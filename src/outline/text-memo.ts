/**
 * Sentences and content words, remembered while one section is outlined. Ranking, shortening, grouping, titling and
 * the section's takeaway each split and weigh the same paragraphs and sentences: in the seed article about twice over
 * (213 content-word counts of 99 texts, 43 splits of 22). Kept for one section at a time (`withTextMemo`), so memory
 * stays bounded by the longest section and each section pays for its own text. Results are frozen: a caller that
 * changed a shared array would change another's.
 */
type Table = Map<string, readonly string[]>;

let active: Map<string, Table> | undefined;

/** Runs `work` with sentences and content words remembered; what it remembered is dropped when it returns. */
export function withTextMemo<T>(work: () => T): T {
  const outer = active;
  active = new Map();
  try {
    return work();
  } finally {
    active = outer;
  }
}

/** `compute(text, lang)`, or its remembered result for the same kind, language and text inside `withTextMemo`. */
export function remembered(kind: string, text: string, lang: string, compute: (text: string, lang: string) => string[]): string[] {
  if (!active) return compute(text, lang);
  const key = `${kind} ${lang}`;
  let table = active.get(key);
  if (!table) active.set(key, (table = new Map<string, readonly string[]>()));
  const known = table.get(text);
  if (known) return known as string[];
  const result = Object.freeze(compute(text, lang));
  table.set(text, result);
  return result as string[];
}
