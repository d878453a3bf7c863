/**
 * Abbreviations after which a full stop does not end a sentence, lower case and without their final stop: the one
 * lexicon for splitting sentences (src/outline/sentences.ts) and for telling a plain-text heading from a sentence
 * (src/article/text-headings.ts). Initials ("J.") and letter-dot runs ("U.S.") are recognised by shape, not listed.
 */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sr',
  'jr',
  'st',
  'vs',
  'etc',
  'e.g',
  'i.e',
  'cf',
  'al',
  'approx',
  'vol',
  'fig',
  'inc',
  'ltd',
  'co',
  'corp',
  'dept',
  'no',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'u.s',
  'u.k',
  'u.n',
  'e.u',
  'p.m',
  'a.m',
  'gen',
  'gov',
  'sen',
  'rep',
  'mt',
  'ft',
  'pp',
  'ed',
  'eds',
]);

/** True when `text` ends in a listed abbreviation with its full stop ("… vs."), or a run like "U.S.". */
export function endsWithListedAbbreviation(text: string): boolean {
  const match = /(?:^|[\s(“"‘'])([\p{L}.]+)\.$/u.exec(text);
  if (!match?.[1]) return false;
  const word = match[1].toLowerCase();
  return ABBREVIATIONS.has(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word);
}
