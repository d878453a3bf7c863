/** Detection of running page headers and footers (page numbers, report titles) in text extracted from paged documents. */

const MIN_REPEATS = 3;
/** Repeated lines that start like these are chapter headings, not furniture, even though only their number differs. */
const HEADING_WORDS = /^(?:chapter|part|section|book|act|scene|step|lesson|appendix|day|week|unit|stage|phase|module|article)\b/i;
/** "12", "- 12 -", "[12]", "Page 3", "p. 3", "3 of 40", "Report | 7". */
const PAGE_NUMBER = /^[^\p{L}#]*#[^\p{L}#]*$|\bpage\b|\bp\.\s*#|\b# of #\b|^#\s*[|·•–—-]|[|·•–—-]\s*#$/iu;
const SENTENCE_END = /[.!?][\s"'’”»)\]]*$/u;

export interface Furniture {
  /** Per line: true if the line is page furniture (or only a form feed) and must be ignored. */
  drop: boolean[];
  /** Per line: true if a page ends at this line (form feed or furniture), so a paragraph may continue past it. */
  pageBreak: boolean[];
}

function keyOf(line: string): string | undefined {
  if (line.length > 160) return undefined; // cheap exit for long lines before any regex work
  const t = line.replace(/\f/g, '').trim().replace(/\s+/g, ' ');
  if (t.length === 0 || t.length > 80) return undefined;
  if (!/[\p{L}\p{N}]/u.test(t)) return undefined; // rules like `* * *` are structure, not furniture
  if (t.split(' ').length > 12 || SENTENCE_END.test(t)) return undefined;
  const key = t.replace(/\d+/g, '#');
  // Numbered lines ("3. Results", "2.1 Scope") are headings or list items, however alike they look once masked.
  if (key !== t && (HEADING_WORDS.test(key) || /^#(?:\.#)*[.)]?\s+\p{L}/u.test(key))) return undefined;
  return key;
}

/**
 * Finds short lines that repeat at least three times (identically, or identically once digits are masked: "Page 3").
 * A repeated line only counts when at least one copy sits at a page edge — next to a form feed, at the start or end of
 * the file, or in the middle of a sentence — so that a heading like "Summary" used in every chapter survives.
 */
export function detectFurniture(lines: readonly string[]): Furniture {
  const n = lines.length;
  const keys = new Array<string | undefined>(n);
  const groups = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const key = keyOf(lines[i]!);
    keys[i] = key;
    if (key === undefined) continue;
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  }
  const repeated = new Set<string>();
  for (const [key, indices] of groups) if (indices.length >= MIN_REPEATS) repeated.add(key);

  const blankLine = lines.map((line) => line.replace(/\f/g, '').trim() === '');
  const blank = (i: number): boolean => blankLine[i]!;
  const skippable = (i: number): boolean => blank(i) || (keys[i] !== undefined && repeated.has(keys[i]));
  const hasFormFeed = (i: number): boolean => lines[i]!.includes('\f');
  // For each line, the nearest line before and after that is neither blank nor a repeated line, and whether a form
  // feed lies on the way: computed in one pass each way, since walking from every line of a run of thousands of
  // identical lines is quadratic.
  const nearest = (step: 1 | -1): Array<{ index: number; formFeed: boolean }> => {
    const result = new Array<{ index: number; formFeed: boolean }>(n);
    let index = -1;
    let formFeed = false;
    for (let k = 0; k < n; k++) {
      const i = step === 1 ? n - 1 - k : k;
      result[i] = { index, formFeed };
      // Line i is "on the way" for the lines beyond it in the opposite direction.
      if (skippable(i)) formFeed ||= hasFormFeed(i);
      else {
        index = i;
        formFeed = hasFormFeed(i);
      }
    }
    return result;
  };
  const previousKept = nearest(-1);
  const nextKept = nearest(1);
  /** Nearest line in direction `step` that is neither blank nor a repeated line; -1 past the file's edge. */
  const neighbour = (i: number, step: 1 | -1): { index: number; formFeed: boolean } => (step === 1 ? nextKept[i]! : previousKept[i]!);
  const atPageEdge = (i: number): boolean => {
    if (hasFormFeed(i)) return true;
    const before = neighbour(i, -1);
    const after = neighbour(i, 1);
    if (before.formFeed || after.formFeed || before.index < 0 || after.index < 0) return true;
    const prev = lines[before.index]!.trim();
    const next = lines[after.index]!.trim();
    return !SENTENCE_END.test(prev) && /^\p{Ll}/u.test(next);
  };

  const drop = new Array<boolean>(n).fill(false);
  const pageBreak = new Array<boolean>(n).fill(false);
  for (const key of repeated) {
    const indices = groups.get(key)!;
    const masked = key.includes('#') && indices.some((i) => /\d/.test(lines[i]!));
    // Lines alike only once digits are masked ("Exercise 1", "Exercise 2") are furniture only if they read as page
    // numbers or sit next to a form feed; identical lines need any page edge.
    const pageNumber = PAGE_NUMBER.test(key) || indices.some((i) => hasFormFeed(i) || neighbour(i, -1).formFeed || neighbour(i, 1).formFeed);
    if (masked ? !pageNumber : !indices.some(atPageEdge)) continue;
    for (const i of indices) drop[i] = pageBreak[i] = true;
  }
  for (let i = 0; i < n; i++) {
    if (hasFormFeed(i)) {
      pageBreak[i] = true;
      if (blank(i)) drop[i] = true;
    }
  }
  return { drop, pageBreak };
}
