/** Command-line options shared by every command that outlines a deck; kept light, so commands can parse them before loading the pipeline. */
import { basename, extname } from 'node:path';
import type { DeckSettings } from '../api/settings.js';
import { ExitCode, LecternError } from '../errors.js';
import type { PrepareOptions } from '../pipeline.js';
import { DECK_SETTINGS, type DeckSettingKey } from '../settings/table.js';
import type { Options } from './args.js';
import { isStandardInput } from '../article/stdin.js';

/** Flags of every command that builds a deck: the files an article may make Lectern read, and the threads it may use. */
export const SOURCE_OPTIONS = {
  'allow-root': { type: 'string', multiple: true },
  'trust-article': { type: 'boolean' },
  jobs: { type: 'string', short: 'j' },
} satisfies Options;

/** Their lines in a command's help. */
export const SOURCE_HELP = `      --allow-root DIR  a folder beyond the article's own that it may read images and
                        theme files from (repeatable)
      --trust-article   let the article's front matter choose templates (from inside
                        its folder)
  -j, --jobs N          threads that outline an article of 1 MB or more: 1 for this one
                        only, 2 or more adds a helper thread (default: 2 with two or
                        more cores)`;

const FLAG_SETTINGS = (Object.keys(DECK_SETTINGS) as DeckSettingKey[]).filter((key) => 'flag' in DECK_SETTINGS[key]);
const flagOf = (key: DeckSettingKey): { arg?: string; help: string | readonly string[] } =>
  (DECK_SETTINGS[key] as { flag: { arg?: string; help: string | readonly string[] } }).flag;
/** A flag with an argument (`--size SIZE`), or a switch (`--strict`). */
const takesValue = (key: DeckSettingKey): boolean => flagOf(key).arg !== undefined;

/** The deck settings the command line sets (from the settings table, less `omit`), and the config file's flags. */
export function settingOptions(omit: readonly DeckSettingKey[] = []): Options {
  return {
    ...Object.fromEntries(FLAG_SETTINGS.filter((key) => !omit.includes(key)).map((key) => [key, { type: takesValue(key) ? 'string' : 'boolean' }])),
    config: { type: 'string' },
    'no-config': { type: 'boolean' },
  };
}
export const SETTING_OPTIONS: Options = settingOptions();

const helpLine = (flag: string, text: string | readonly string[]): string =>
  (typeof text === 'string' ? [text] : text).map((line, index) => `      ${(index === 0 ? flag : '').padEnd(17)} ${line}`).join('\n');

/** Their lines in a command's help, from the same table. */
export function settingsHelp(omit: readonly DeckSettingKey[] = []): string {
  return [
    ...FLAG_SETTINGS.filter((key) => !omit.includes(key)).map((key) => {
      const flag = flagOf(key);
      return helpLine(flag.arg === undefined ? `--${key}` : `--${key} ${flag.arg}`, flag.help);
    }),
    helpLine('--config FILE', 'config file to use (default: lectern.config.{ts,mjs,js,json} or'),
    helpLine('', 'package.json "lectern", in this folder or above, up to the project root)'),
    helpLine('--no-config', 'use no config file'),
  ].join('\n');
}
export const SETTINGS_HELP = settingsHelp();

/** The command line's deck settings, as the API takes them. */
export function deckSettingsOf(values: Record<string, string | boolean | undefined | Array<string | boolean>>): DeckSettings {
  const settings: Record<string, unknown> = {};
  for (const key of FLAG_SETTINGS) if (typeof values[key] === 'string' || values[key] === true) settings[key] = values[key];
  const roots = values['allow-root'];
  if (Array.isArray(roots)) settings.allowRoots = roots.filter((root): root is string => typeof root === 'string');
  if (values['trust-article'] === true) settings.trustArticle = true;
  if (typeof values.jobs === 'string') {
    if (!/^\d+$/.test(values.jobs)) throw new LecternError('--jobs must be a whole number of threads, 1 or more', { exitCode: ExitCode.usage });
    settings.jobs = Number(values.jobs);
  }
  if (values['no-config'] === true) {
    if (typeof values.config === 'string') throw new LecternError('choose one of --config and --no-config', { exitCode: ExitCode.usage });
    settings.config = false;
  } else if (typeof values.config === 'string') settings.config = values.config;
  return settings;
}

/** Options shared by every command that outlines a deck: the flags, checked by the settings table, and the config file. */
export async function prepareOptions(values: Record<string, string | boolean | undefined | Array<string | boolean>>): Promise<PrepareOptions> {
  const { prepareOptionsOf } = await import('../api/settings.js');
  return prepareOptionsOf(deckSettingsOf(values), '--');
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
