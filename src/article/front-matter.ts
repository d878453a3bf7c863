import { createRequire } from 'node:module';
import { ExitCode, LecternError, type Warning } from '../errors.js';
import { parseDuration } from '../settings/duration.js';
import { DECK_SETTINGS, TRANSITIONS, type DeckSettingKey, type Origin, type SettingSpec } from '../settings/table.js';
import type { ArticleMeta } from './types.js';

export { parseDuration, TRANSITIONS };

/** The article's own keys; the rest are the deck settings front matter may set (src/settings/table.ts). */
const ARTICLE_KEYS = ['title', 'subtitle', 'author', 'date'] as const;
const FRONT_MATTER_SETTINGS = (Object.keys(DECK_SETTINGS) as DeckSettingKey[]).filter((key) =>
  (DECK_SETTINGS[key].origins as readonly Origin[]).includes('frontMatter'),
);

/** Keys a deck's front matter may set. */
export const KNOWN_META_KEYS: readonly string[] = [...ARTICLE_KEYS, ...FRONT_MATTER_SETTINGS];

export interface FrontMatterResult {
  meta: ArticleMeta;
  /** The text after the front matter. */
  body: string;
  /** Number of lines the front matter occupied, so body line numbers can be mapped back. */
  bodyLineOffset: number;
  /** 1-based line of each known key. */
  lines: Partial<Record<keyof ArticleMeta, number>>;
  warnings: Warning[];
}

const FENCE = /^---[ \t]*\n([\s\S]*?)\n?(?:---|\.\.\.)[ \t]*(?:\n|$)/;

/** Splits YAML front matter (between `---` lines at the very start) from a Markdown body. */
export function splitFrontMatter(source: string, file: string): FrontMatterResult {
  const match = FENCE.exec(source);
  if (!match) {
    if (/^---[ \t]*\n/.test(source) && /^[A-Za-z_][\w-]*:/m.test(source.split('\n', 2)[1] ?? '')) {
      throw new LecternError('front matter is not closed by a `---` line', {
        exitCode: ExitCode.input,
        location: { file, line: 1, column: 1 },
        hint: 'end the YAML block with a line holding only ---',
      });
    }
    return { meta: {}, body: source, bodyLineOffset: 0, lines: {}, warnings: [] };
  }
  const yamlText = match[1] ?? '';
  const data: unknown = parseSimpleYaml(yamlText) ?? parseYaml(yamlText, file);
  const consumed = match[0];
  const bodyLineOffset = consumed.split('\n').length - (consumed.endsWith('\n') ? 1 : 0);
  const body = source.slice(consumed.length);
  if (data === null || data === undefined) return { meta: {}, body, bodyLineOffset, lines: {}, warnings: [] };
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new LecternError('front matter must be a set of `key: value` lines', {
      exitCode: ExitCode.input,
      location: { file, line: 2, column: 1 },
    });
  }
  const { meta, lines, warnings } = readMeta(data as Record<string, unknown>, file, yamlText);
  return { meta, body, bodyLineOffset, lines, warnings };
}

const requireLazily = createRequire(import.meta.url);

/** Full YAML, loaded only for front matter that the simple reader below does not handle. */
function parseYaml(yamlText: string, file: string): unknown {
  const { parseDocument, visit } = requireLazily('yaml') as typeof import('yaml');
  const document = parseDocument(yamlText, { uniqueKeys: true });
  const firstError = document.errors[0];
  if (firstError) {
    const [line, column] = firstError.linePos?.[0] ? [firstError.linePos[0].line, firstError.linePos[0].col] : [1, 1];
    throw new LecternError(`invalid front matter: ${firstError.message.split('\n')[0]}`, {
      exitCode: ExitCode.input,
      location: { file, line: line + 1, column },
    });
  }
  try {
    return document.toJS();
  } catch (error) {
    // Aliases resolve only now: `title: *Bold* claims` is YAML for an alias to an anchor that does not exist.
    let offset = 0;
    visit(document, {
      Alias(_, alias) {
        if (alias.resolve(document) !== undefined) return undefined;
        offset = alias.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    const before = yamlText.slice(0, offset).split('\n');
    throw new LecternError(`invalid front matter: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`, {
      exitCode: ExitCode.input,
      location: { file, line: before.length + 1, column: (before.at(-1)?.length ?? 0) + 1 },
      hint: 'quote a value that starts with * or &, e.g. title: "*Bold* claims"',
    });
  }
}

const SIMPLE_LINE = /^([A-Za-z_][\w-]*):[ \t]*(.*)$/;
const PLAIN_SCALAR = /^[^\s[\]{}&*!|>'"%@`#,?:-](?:[^#]*[^\s#])?$/;

/**
 * Reads the common case — one `key: value` per line, plain or simply quoted scalars — without loading a YAML
 * library; anything else (lists, blocks, anchors, escapes, comments, duplicates) returns undefined for full YAML.
 */
export function parseSimpleYaml(text: string): Record<string, string | number> | undefined {
  const result: Record<string, string | number> = {};
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const match = SIMPLE_LINE.exec(line);
    if (!match) return undefined;
    const key = match[1] ?? '';
    const raw = (match[2] ?? '').trim();
    if (key in result || !raw) return undefined;
    let value: string | number;
    if (/^"[^"\\]*"$/.test(raw) || /^'[^']*'$/.test(raw)) value = raw.slice(1, -1);
    else if (/^-?\d+(?:\.\d+)?$/.test(raw)) value = Number(raw);
    else if (PLAIN_SCALAR.test(raw) && !/: |\s#/.test(raw) && !/^(?:true|false|null|yes|no|on|off|~)$/i.test(raw)) value = raw;
    else return undefined;
    result[key] = value;
  }
  return result;
}

/** Unknown keys warned about one by one; the rest are counted in one warning, so 50,000 keys print a few lines. */
const MAX_UNKNOWN_KEY_WARNINGS = 10;

function readMeta(
  data: Record<string, unknown>,
  file: string,
  yamlText: string,
): { meta: ArticleMeta; lines: FrontMatterResult['lines']; warnings: Warning[] } {
  const meta: ArticleMeta = {};
  const lines: FrontMatterResult['lines'] = {};
  const warnings: Warning[] = [];
  // Line of each top-level key, found in one pass (a search per key is quadratic in the number of keys).
  const keyLines = new Map<string, number>();
  yamlText.split('\n').forEach((line, index) => {
    const key = /^([^\s:#][^:]*):/.exec(line)?.[1];
    if (key !== undefined && !keyLines.has(key)) keyLines.set(key, index + 2);
  });
  const lineOf = (key: string): number => keyLines.get(key) ?? 1;
  let unknown = 0;
  for (const [key, value] of Object.entries(data)) {
    const location = { file, line: lineOf(key), column: 1 };
    const fail = (expected: string): never => {
      throw new LecternError(`front matter \`${key}\` must be ${expected}`, { exitCode: ExitCode.input, location });
    };
    switch (key) {
      case 'title':
      case 'subtitle':
      case 'author':
        if (typeof value !== 'string' && typeof value !== 'number') fail('text');
        meta[key] = String(value);
        lines[key] = location.line;
        break;
      case 'date':
        meta.date = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
        break;
      case 'transition':
        if (DECK_SETTINGS.transition.parse(value) === undefined) {
          throw new LecternError(
            `front matter \`transition\` must be ${DECK_SETTINGS.transition.expected}, not ${JSON.stringify(String(value)).slice(0, 60)}`,
            {
              exitCode: ExitCode.input,
              location,
              hint: 'one transition for the whole deck; the -in/-out forms are for single slides only',
            },
          );
        }
      // falls through: checked like every other setting
      case 'theme':
      case 'templates':
      case 'lang':
      case 'duration':
      case 'size':
      case 'logo':
      case 'brand':
      case 'wpm':
      case 'fragments':
      case 'labels':
      case 'reveal': {
        const spec = DECK_SETTINGS[key] as SettingSpec<unknown>;
        const parsed = spec.parse(value);
        if (parsed === undefined)
          fail(key === 'brand' ? `${spec.explain?.(value) ?? spec.expected} (quote a colour that starts with #: accent: "#c8553d")` : spec.expected);
        (meta as Record<string, unknown>)[key] = parsed;
        lines[key] = location.line;
        break;
      }
      default: {
        unknown++;
        if (unknown > MAX_UNKNOWN_KEY_WARNINGS) break;
        const closest = closestKey(key);
        warnings.push({
          message: `unknown front matter key \`${key}\`` + (closest ? ` (did you mean \`${closest}\`?)` : ` (known keys: ${KNOWN_META_KEYS.join(', ')})`),
          location,
        });
      }
    }
  }
  if (unknown > MAX_UNKNOWN_KEY_WARNINGS) {
    warnings.push({ message: `${unknown - MAX_UNKNOWN_KEY_WARNINGS} more unknown front matter keys`, location: { file, line: 2 } });
  }
  return { meta, lines, warnings };
}

function closestKey(key: string): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const known of KNOWN_META_KEYS) {
    const distance = editDistance(key.toLowerCase(), known);
    if (distance < bestDistance) {
      best = known;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

/** Levenshtein distance. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
