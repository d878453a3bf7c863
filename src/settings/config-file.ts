/**
 * The project's config file: `lectern.config.{ts,mjs,js,json}`, or a `"lectern"` key in package.json, in the working
 * folder or above it up to the project root (the nearest folder with a package.json or .git). Found with lilconfig;
 * TypeScript configs are loaded with jiti (only then). Its relative paths resolve against its own folder.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
// Imported statically: every build searches for a config, and the CLI's bundle carries lilconfig in its code-cached
// core (scripts/bundle-cli.mjs). Imported dynamically, Node translated the CommonJS package for ESM on each build
// (about 9 ms, against 0.3 ms bundled).
import { lilconfig } from 'lilconfig';
import { ExitCode, LecternError, type Warning } from '../errors.js';
import { parseSettings, resolvePaths } from './resolve.js';
import { EXPORT_SETTINGS, type DeckSettingValues, type ExportSettingKey, type ExportSettingValues, type SettingSpec } from './table.js';

export const CONFIG_FILE_NAMES = ['lectern.config.ts', 'lectern.config.mjs', 'lectern.config.js', 'lectern.config.json'] as const;

export interface ConfigFile {
  file: string;
  /** Deck settings, paths made absolute. */
  values: DeckSettingValues;
  /** Defaults for `export`. */
  export: ExportSettingValues;
  /** The line of each top-level key, where it could be found. */
  lines: Partial<Record<string, number>>;
  warnings: Warning[];
}

/** Which config to use: a file (`--config FILE`), none (`--no-config`, `false`), or the one found from `cwd`. */
export interface ConfigChoice {
  config?: string | false;
  cwd?: string;
}

export async function loadConfig(choice: ConfigChoice = {}): Promise<ConfigFile | undefined> {
  if (choice.config === false) return undefined;
  const cwd = resolve(choice.cwd ?? process.cwd());
  if (choice.config !== undefined) {
    const file = resolve(cwd, choice.config);
    if (!existsSync(file) || !statSync(file).isFile()) throw configError(`config file not found: ${choice.config}`, file);
    const fromPackage = basename(file) === 'package.json';
    const data = await loadFile(file);
    return readConfig(file, fromPackage ? (data as Record<string, unknown> | null)?.lectern : data, fromPackage);
  }
  const found = await lilconfig('lectern', {
    searchPlaces: [...CONFIG_FILE_NAMES, 'package.json'],
    stopDir: projectRoot(cwd),
    cache: false,
    loaders: { '.ts': loadFile, '.mjs': loadFile, '.js': loadFile, '.json': loadFile },
  })
    .search(cwd)
    .catch((error: unknown) => {
      throw error instanceof LecternError ? error : configError(messageOf(error), undefined);
    });
  if (!found || found.isEmpty) return undefined;
  return readConfig(found.filepath, found.config, false);
}

/** The nearest folder from `cwd` up that holds a package.json or .git; the file-system root when none does. */
export function projectRoot(cwd: string): string {
  for (let dir = cwd; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) || existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return dir;
  }
}

/** A config file's contents: its default export (or module object), or its JSON; package.json's `lectern` key. */
async function loadFile(file: string): Promise<unknown> {
  if (/\.json$/i.test(file)) {
    const text = await readFile(file, 'utf8');
    try {
      // package.json whole: lilconfig picks its `lectern` key.
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw configError(`invalid JSON: ${messageOf(error)}`, file, jsonErrorLine(text));
    }
  }
  if (/\.ts$/i.test(file)) {
    try {
      return await importWithJiti(file);
    } catch (error) {
      throw configError(messageOf(error), file, lineIn(error, file));
    }
  }
  try {
    // The file's modification time in the URL: an edited config is read again, not served from the module cache.
    const module = (await import(`${pathToFileURL(file).href}?mtime=${statSync(file).mtimeMs}`)) as { default?: unknown };
    return module.default ?? module;
  } catch (error) {
    // Node's syntax errors from import() carry no line; jiti's parser names it.
    const line =
      lineIn(error, file) ??
      (error instanceof SyntaxError
        ? await importWithJiti(file).then(
            () => undefined,
            (parsed: unknown) => lineIn(parsed, file),
          )
        : undefined);
    throw configError(messageOf(error), file, line);
  }
}

async function importWithJiti(file: string): Promise<unknown> {
  const { createJiti } = await import('jiti');
  return createJiti(import.meta.url, { moduleCache: false, fsCache: false }).import(file, { default: true });
}

/**
 * The line of a JSON syntax error: the first line after which the text is wrong, not merely unfinished. (V8's
 * messages give no position for every kind of error.) Config files are short; longer ones get no line.
 */
function jsonErrorLine(text: string): number | undefined {
  const lines = text.split('\n');
  if (lines.length > 2_000) return undefined;
  for (let count = 1; count <= lines.length; count++) {
    try {
      JSON.parse(lines.slice(0, count).join('\n'));
    } catch (error) {
      const prefix = lines.slice(0, count).join('\n');
      const position = /at position (\d+)/.exec(messageOf(error))?.[1];
      const unfinished = /end of (?:JSON )?input/i.test(messageOf(error)) || (position !== undefined && Number(position) >= prefix.trimEnd().length);
      if (!unfinished) return count;
    }
  }
  return undefined;
}

/** The line a loader's error points at in `file`, when its stack or message says. */
function lineIn(error: unknown, file: string): number | undefined {
  const text = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : '';
  const name = basename(file).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${name}(?:\\?[^:\\s]*)?:(\\d+)`).exec(text) ?? /\((\d+):\d+\)/.exec(text);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

async function readConfig(file: string, data: unknown, fromPackage: boolean): Promise<ConfigFile> {
  const text = await readFile(file, 'utf8').catch(() => '');
  const lines: Partial<Record<string, number>> = {};
  const lineOf = (key: string): number | undefined => (lines[key] ??= keyLine(text, key));
  if (data === undefined || data === null) return { file, values: {}, export: {}, lines, warnings: [] };
  if (typeof data !== 'object' || Array.isArray(data))
    throw configError(`the config must be an object of settings${fromPackage ? ' under "lectern"' : ''}`, file);
  const { export: exportRaw, ...raw } = data as Record<string, unknown>;
  const fail = (key: string, expected: string): never => {
    throw configError(`\`${key}\` must be ${expected}`, file, lineOf(key.split('.').at(-1) ?? key));
  };
  const { values, unknown } = parseSettings(raw, 'config', fail);
  const warnings: Warning[] = unknown.map((key) => ({ message: `unknown config setting \`${key}\` ignored`, location: { file, line: lineOf(key) } }));
  const exportValues: Record<string, unknown> = {};
  if (exportRaw !== undefined) {
    if (typeof exportRaw !== 'object' || exportRaw === null || Array.isArray(exportRaw)) fail('export', 'an object of export settings');
    for (const [key, value] of Object.entries(exportRaw as Record<string, unknown>)) {
      const spec = Object.hasOwn(EXPORT_SETTINGS, key) ? (EXPORT_SETTINGS[key as ExportSettingKey] as SettingSpec<unknown>) : undefined;
      if (!spec || !spec.origins.includes('config')) {
        warnings.push({ message: `unknown export setting \`export.${key}\` ignored`, location: { file, line: lineOf(key) } });
        continue;
      }
      const parsed = spec.parse(value);
      if (parsed === undefined) fail(`export.${key}`, spec.explain?.(value) ?? spec.expected);
      exportValues[key] = key === 'browser' && typeof parsed === 'string' && parsed.includes('/') ? resolve(dirname(file), parsed) : parsed;
    }
  }
  for (const key of Object.keys(values)) lineOf(key);
  return { file, values: resolvePaths(values, dirname(file)), export: exportValues, lines, warnings };
}

/** The first line that sets `key` (`key:`, `"key":`, `key =`), for messages. */
function keyLine(text: string, key: string): number | undefined {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const index = text.split('\n').findIndex((line) => new RegExp(`(?:^|[\\s{,])["']?${escaped}["']?\\s*:`).test(line));
  return index === -1 ? undefined : index + 1;
}

function configError(message: string, file: string | undefined, line?: number): LecternError {
  return new LecternError(`config: ${message}`, { exitCode: ExitCode.usage, location: file === undefined ? undefined : { file, line } });
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'unreadable';
}
