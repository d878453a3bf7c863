/** `reveal:` options from front matter or a config file, held to the runtime's allow-list (src/present/config.ts). */
import type { Warning } from '../errors.js';
import { ALLOWED_REVEAL_OPTIONS, SETTABLE_REVEAL_OPTIONS } from '../present/config.js';

/** The options that may pass, and a warning naming each one that may not (unknown, not settable, or a wrong value). */
export function checkRevealOptions(
  raw: Readonly<Record<string, unknown>>,
  where: Warning['location'],
): { options: Record<string, unknown>; warnings: Warning[] } {
  const options: Record<string, unknown> = {};
  const warnings: Warning[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const check = Object.hasOwn(ALLOWED_REVEAL_OPTIONS, key) ? ALLOWED_REVEAL_OPTIONS[key] : undefined;
    if (!SETTABLE_REVEAL_OPTIONS.includes(key) || !check) {
      const why = key === 'width' || key === 'height' ? 'the slide size is set with `size:`' : `options that may be set: ${SETTABLE_REVEAL_OPTIONS.join(', ')}`;
      warnings.push({ message: `reveal option \`${key}\` ignored: not allowed (${why})`, location: where });
    } else if (!check(value)) {
      warnings.push({
        message: `reveal option \`${key}\` ignored: ${JSON.stringify(value)?.slice(0, 60) ?? String(value)} is not a value it takes`,
        location: where,
      });
    } else {
      options[key] = value;
    }
  }
  return { options, warnings };
}
