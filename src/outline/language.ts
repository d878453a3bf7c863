/**
 * Language and writing direction, from the settings or guessed: from the script the text is written in, and for
 * Latin script from its letter trigrams (franc-min; it was faster to load and to run than tinyld and as accurate on
 * the test articles).
 */
import { franc } from 'franc-min';

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'yi', 'ps', 'sd', 'ug', 'dv', 'ckb']);

const SCRIPT_GUESSES: Array<{ lang: string; pattern: RegExp }> = [
  { lang: 'he', pattern: /\p{Script=Hebrew}/gu },
  { lang: 'ar', pattern: /\p{Script=Arabic}/gu },
  { lang: 'ja', pattern: /[\p{Script=Hiragana}\p{Script=Katakana}]/gu },
  { lang: 'ko', pattern: /\p{Script=Hangul}/gu },
  { lang: 'zh', pattern: /\p{Script=Han}/gu },
  { lang: 'ru', pattern: /\p{Script=Cyrillic}/gu },
  { lang: 'el', pattern: /\p{Script=Greek}/gu },
  { lang: 'hi', pattern: /\p{Script=Devanagari}/gu },
  { lang: 'th', pattern: /\p{Script=Thai}/gu },
];

/** Latin-script languages told apart by their trigrams (ISO 639-3 → the tag Lectern uses). */
const LATIN_LANGUAGES: Readonly<Record<string, string>> = {
  eng: 'en',
  fra: 'fr',
  deu: 'de',
  spa: 'es',
  por: 'pt',
  ita: 'it',
  nld: 'nl',
  pol: 'pl',
  ces: 'cs',
  swe: 'sv',
  ron: 'ro',
  hun: 'hu',
  tur: 'tr',
  ind: 'id',
  vie: 'vi',
};
/** The only languages franc is asked about (the CLI bundle keeps franc's data for these alone: scripts/bundle-cli.mjs). */
export const LATIN_CODES = Object.keys(LATIN_LANGUAGES);

/**
 * The language a text's dominant script names, and the share of its letters in that script (0 when it is Latin or
 * has no letters): Hebrew, Arabic, Japanese (a little kana among Han), Korean, Chinese, Cyrillic, Greek, Devanagari, Thai.
 */
export function scriptLanguage(text: string): { lang: string; share: number; kana?: true } {
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  if (letters === 0) return { lang: 'en', share: 0 };
  let best = { lang: 'en', count: 0 };
  for (const guess of SCRIPT_GUESSES) {
    const count = (text.match(guess.pattern) ?? []).length;
    if (count > best.count) best = { lang: guess.lang, count };
  }
  // Japanese text is mostly Han characters; a little kana is enough to tell it from Chinese.
  if (best.lang === 'zh') {
    const kana = (text.match(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu) ?? []).length;
    if (kana > best.count * 0.1) return { lang: 'ja', share: (best.count + kana) / letters, kana: true };
  }
  return { lang: best.lang, share: best.count / letters };
}

/** Guesses a language tag from the dominant script of a text sample, and for Latin script from its words; `en` when unsure. */
export function detectLanguage(sample: string): string {
  const text = sample.slice(0, 20_000);
  if (!/\p{L}/u.test(text)) return 'en';
  const script = scriptLanguage(text);
  // Kana among Han characters says Japanese however much Latin text surrounds them.
  if (script.share > 0.3 || script.kana) return script.lang;
  // A few thousand characters are plenty for trigrams, and keep the guess fast on a long article.
  return LATIN_LANGUAGES[franc(text.slice(0, 4_000), { only: LATIN_CODES, minLength: 40 })] ?? 'en';
}

/** The writing direction of a language tag. */
export function directionOf(lang: string): 'ltr' | 'rtl' {
  const primary = lang.toLowerCase().split(/[-_]/)[0] ?? '';
  return RTL_LANGUAGES.has(primary) ? 'rtl' : 'ltr';
}

/** Languages written without spaces between words, where word counts come from a segmenter. */
export function isSpaceless(lang: string): boolean {
  return /^(zh|ja|th|lo|km|my)\b/i.test(lang);
}
