import { createRequire } from 'node:module';

/**
 * Stop words from the `stopword` package (62 languages), so centrality and titles work beyond English. Lists are built
 * on first use per language.
 */

const require = createRequire(import.meta.url);
type Lists = Record<string, string[] | undefined>;
let lists: Lists | undefined;

/** BCP 47 primary subtags → the package's ISO 639-3 list names. */
const LIST_NAMES: Record<string, string> = {
  af: 'afr',
  ar: 'ara',
  bn: 'ben',
  br: 'bre',
  bg: 'bul',
  ca: 'cat',
  cs: 'ces',
  da: 'dan',
  de: 'deu',
  el: 'ell',
  en: 'eng',
  eo: 'epo',
  et: 'est',
  eu: 'eus',
  fa: 'fas',
  fi: 'fin',
  fr: 'fra',
  ga: 'gle',
  gl: 'glg',
  gu: 'guj',
  ha: 'hau',
  he: 'heb',
  hi: 'hin',
  hr: 'hrv',
  hu: 'hun',
  hy: 'hye',
  id: 'ind',
  it: 'ita',
  ja: 'jpn',
  ko: 'kor',
  ku: 'kur',
  la: 'lat',
  lv: 'lav',
  lt: 'lit',
  mr: 'mar',
  ms: 'msa',
  my: 'mya',
  nl: 'nld',
  nb: 'nob',
  no: 'nob',
  pa: 'panGu',
  pl: 'pol',
  pt: 'por',
  ro: 'ron',
  ru: 'rus',
  sk: 'slk',
  sl: 'slv',
  so: 'som',
  st: 'sot',
  es: 'spa',
  sw: 'swa',
  sv: 'swe',
  tl: 'tgl',
  th: 'tha',
  tr: 'tur',
  uk: 'ukr',
  ur: 'urd',
  vi: 'vie',
  yo: 'yor',
  zh: 'zho',
  zu: 'zul',
};

/**
 * Contractions and possessive fragments the English list leaves out, written as the segmenter leaves them; the
 * package's list covers the rest.
 */
const ENGLISH_EXTRA = [
  'its',
  'it’s',
  "it's",
  'not',
  'no',
  'so',
  'does',
  'will',
  'just',
  'may',
  'yet',
  'also',
  's',
  't',
  'don’t',
  'doesn’t',
  'didn’t',
  'isn’t',
  'that’s',
  'there’s',
  'one',
];

const sets = new Map<string, ReadonlySet<string>>();

/** The stop words of a language (English for a language the package does not cover), lower-cased. */
export function stopWordsFor(lang = 'en'): ReadonlySet<string> {
  const primary = lang.toLowerCase().split(/[-_]/)[0] ?? 'en';
  let set = sets.get(primary);
  if (!set) {
    lists ??= require('stopword') as Lists;
    const words = lists[LIST_NAMES[primary] ?? 'eng'] ?? lists.eng ?? [];
    // English words are kept too: Latin-script names and terms turn up in articles in every language.
    set = new Set([...words, ...(lists.eng ?? []), ...ENGLISH_EXTRA].map((word) => word.toLowerCase()));
    sets.set(primary, set);
  }
  return set;
}
