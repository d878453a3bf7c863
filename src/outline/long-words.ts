/**
 * A run of letters with no space in it can be far longer than a slide is wide (a pasted hash, a URL with a long
 * query, a generated identifier). Slides show its start with an ellipsis; the notes keep it whole.
 */

/** Longer than about two wrapped lines of a point. */
const LONGEST_SHOWN = 120;
const KEPT = 60;

// Scripts written without spaces are sentences, not long words.
const LONG_RUN = new RegExp(
  `[^\\s\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\p{Script=Thai}\\p{Script=Lao}\\p{Script=Khmer}\\p{Script=Myanmar}]{${LONGEST_SHOWN + 1},}`,
  'gu',
);

/** Whether the text holds a run too long to show whole. */
export function hasLongWord(text: string): boolean {
  if (!mayHoldLongRun(text)) return false;
  LONG_RUN.lastIndex = 0;
  return LONG_RUN.test(text);
}

/** The text with every over-long run cut to its start and an ellipsis. */
export function clipLongWords(text: string): string {
  if (!mayHoldLongRun(text)) return text;
  return text.replace(LONG_RUN, (run) => `${Array.from(run).slice(0, KEPT).join('')}…`);
}

/**
 * Whether some run between ASCII spaces is longer than LONGEST_SHOWN code units: without one, no run of code points
 * between any spaces can be, and the Unicode-script pattern need not run. Every point and title passes here, and that
 * pattern cost about a third of shortening a sentence.
 */
function mayHoldLongRun(text: string): boolean {
  if (text.length <= LONGEST_SHOWN) return false;
  let run = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 32 || (code >= 9 && code <= 13)) run = 0;
    else if (++run > LONGEST_SHOWN) return true;
  }
  return false;
}
