import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';

/**
 * Stop words from the `stopword` package (62 languages), so centrality and titles work beyond English. Lists are built
 * on first use per language.
 *
 * The package is one 237 KB module holding every language: loading it took 9 ms of a 320 ms build here, for the one
 * or two lists a deck uses. `npm run compile` therefore writes each list as its own JSON file in lib/stopwords/
 * (`writeStopwordFiles`), and a build reads just those (0.3 ms); without them (tests run from src/) the package is
 * loaded as before. The words are the package's either way.
 */

const require = createRequire(import.meta.url);
type Lists = Record<string, string[] | undefined>;
let lists: Lists | undefined;
const STOPWORD_FILES = join(PACKAGE_ROOT, 'lib', 'stopwords');

/** One of the package's lists (`eng`, `deu`, …), from its file when `npm run compile` wrote it. */
function packageList(name: string): string[] | undefined {
  if (!lists) {
    try {
      return JSON.parse(readFileSync(join(STOPWORD_FILES, `${name}.json`), 'utf8')) as string[];
    } catch {
      lists = require('stopword') as Lists;
    }
  }
  return lists[name];
}

/** Writes every list of the package as lib/stopwords/NAME.json (run by `npm run compile`); returns how many. */
export function writeStopwordFiles(): number {
  const all = require('stopword') as Record<string, unknown>;
  mkdirSync(STOPWORD_FILES, { recursive: true });
  let count = 0;
  for (const [name, words] of Object.entries(all)) {
    if (!Array.isArray(words) || !/^[a-z]{3}$/.test(name)) continue;
    const file = join(STOPWORD_FILES, `${name}.json`);
    writeFileSync(`${file}.${process.pid}`, JSON.stringify(words));
    renameSync(`${file}.${process.pid}`, file);
    count += 1;
  }
  return count;
}

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
    const english = packageList('eng') ?? [];
    const words = packageList(LIST_NAMES[primary] ?? 'eng') ?? english;
    // English words are kept too: Latin-script names and terms turn up in articles in every language.
    set = new Set([...words, ...english, ...ENGLISH_EXTRA].map((word) => word.toLowerCase()));
    sets.set(primary, set);
  }
  return set;
}
