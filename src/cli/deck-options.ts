/** Command-line options shared by every command that outlines a deck; kept light, so commands can parse them before loading the pipeline. */
import { basename, extname } from 'node:path';
import { parseDuration } from '../article/front-matter.js';
import { ExitCode, LecternError } from '../errors.js';
import { DEFAULT_SLIDE_SIZE, parseSlideSize, SLIDE_SIZE_FORMS, SLIDE_SIZE_PRESETS } from '../slide-size.js';
import { WPM_RANGE } from '../outline/timing.js';
import type { PrepareOptions } from '../pipeline.js';
import { numberOption, type Options } from './args.js';
import { isStandardInput } from '../article/stdin.js';

/** Flags of every command that builds a deck, for the files an article may make Lectern read. */
export const FILE_ACCESS_OPTIONS = {
  'allow-root': { type: 'string', multiple: true },
  'trust-article': { type: 'boolean' },
  strict: { type: 'boolean' },
} satisfies Options;

/** Their lines in a command's help. */
export const FILE_ACCESS_HELP = `      --allow-root DIR  a folder beyond the article's own that it may read images and
                        theme files from (repeatable)
      --trust-article   let the article's front matter choose templates (from inside
                        its folder)
      --strict          a local image the article names but that does not exist is
                        an error (exit 3, nothing written) instead of a warning and a
                        placeholder`;

/** The slide-size flag of every command that outlines a deck, and its lines in a command's help. */
export const SIZE_OPTION = { size: { type: 'string' } } satisfies Options;
export const SIZE_HELP = `      --size SIZE       slide size: ${Object.entries(SLIDE_SIZE_PRESETS).map(([name, size]) => `${name} (${size.width}x${size.height})`).join(', ')}
                        or WIDTHxHEIGHT; default ${DEFAULT_SLIDE_SIZE} (overrides front matter)`;

/** Options shared by every command that outlines a deck. */
export function prepareOptions(values: Record<string, string | boolean | undefined | Array<string | boolean>>): PrepareOptions {
  const options: PrepareOptions = {};
  if (typeof values.duration === 'string') {
    const seconds = parseDuration(values.duration);
    if (seconds === undefined) throw new LecternError('--duration must be a length such as 20m, 1h30m or 90s', { exitCode: ExitCode.usage });
    options.duration = seconds;
  }
  const wpm = numberOption('wpm', typeof values.wpm === 'string' ? values.wpm : undefined, WPM_RANGE.min, WPM_RANGE.max);
  if (wpm !== undefined) options.wpm = wpm;
  if (typeof values.size === 'string') {
    const size = parseSlideSize(values.size);
    if (size === undefined) throw new LecternError(`--size must be ${SLIDE_SIZE_FORMS}, not ${JSON.stringify(values.size).slice(0, 60)}`, { exitCode: ExitCode.usage });
    options.size = size;
  }
  if (typeof values.theme === 'string') options.theme = values.theme;
  if (typeof values.templates === 'string') options.templates = values.templates;
  const roots = values['allow-root'];
  if (Array.isArray(roots)) options.allowRoots = roots.filter((root): root is string => typeof root === 'string');
  if (values['trust-article'] === true) options.trustArticle = true;
  if (values.strict === true) options.strict = true;
  return options;
}

/**
 * A deck's output name: its file name without the extension. A name of dots only (`..md` gives `.`) would make
 * `dist/<name>` the output root or its parent, so it becomes `deck`.
 */
export function deckName(source: string): string {
  if (isStandardInput(source)) return 'stdin';
  const name = basename(source, extname(source));
  return /^\.*$/.test(name) ? 'deck' : name;
}

/** The file types a deck in slides/ may have. */
export const DECK_EXTENSIONS = new Set(['.md', '.markdown', '.txt', '.html', '.htm']);
