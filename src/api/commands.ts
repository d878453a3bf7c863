/** What the CLI's commands do, as functions: read, build, export and check a deck. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sourcePath, type SourceText } from '../article/read.js';
import type { CheckReport } from '../check/report.js';
import { ExitCode, LecternError, type Warning } from '../errors.js';
import type { Deck } from '../outline/types.js';
import { PACKAGE_ROOT } from '../paths.js';
import { prepareDeck, type PrepareOptions } from '../pipeline.js';
import type { BrowserLaunch } from '../export/browser.js';
import type { Progress } from '../export/progress.js';
import type { ConfigFile } from '../settings/config-file.js';
import { EXPORT_SETTINGS, type ExportFormat, type ExportSettingKey, type ExportSettingValues, type SettingSpec } from '../settings/table.js';
import { prepareOptionsOf, type DeckSettings, type ExportSettings } from './settings.js';

/** A deck's source: a file's path, or the article's text. */
export type DeckSource = string | SourceText;

/** Where an output may go: an existing folder is replaced only if it is empty or Lectern wrote it, a file only by its own type. */
export interface OutputOptions {
  /** The site's folder (build, png) or the file (pdf, html) to write. */
  out: string;
  /** Replace an output that Lectern cannot tell it wrote (the CLI's `--force`); never the source itself. */
  force?: boolean;
}

export interface BuildOptions extends DeckSettings, OutputOptions {}

export interface BuildResult {
  /** The site's `index.html`. */
  index: string;
  deck: Deck;
  warnings: Warning[];
}

export interface ExportOptions extends DeckSettings, ExportSettings, OutputOptions {
  /** PNG: the 1-based slides to export, e.g. `3-5,8` (default all). */
  slides?: string;
}

export interface ExportResult {
  format: ExportFormat;
  /** Every file written. */
  files: string[];
  deck: Deck;
  warnings: Warning[];
  /** PDF: pages and bookmarks written. */
  pages?: number;
  bookmarks?: number;
  /** PNG: each image's size in pixels. */
  width?: number;
  height?: number;
  /** HTML: the file's size in bytes. */
  bytes?: number;
}

/** How the CLI runs a build: with the settings it already checked and the config file it already read. */
export interface BuildRun {
  prepareOptions?: PrepareOptions;
}

/** How the CLI runs an export: its progress line, a browser it started early, and the config it already read. */
export interface ExportRun {
  progress?: Progress;
  browser?: BrowserLaunch;
  config?: ConfigFile;
}

export interface CheckOptions extends DeckSettings {
  /** The browser executable (found as for `lectern check` when not given). */
  browser?: string;
}

/** The outlined deck, nothing written (what `lectern build --json` prints). */
export async function readDeck(source: DeckSource, settings: DeckSettings = {}): Promise<Deck> {
  return (await prepareDeck(source, await prepareOptionsOf(settings))).deck;
}

/** Builds the deck's static site into `options.out`. */
export async function build(source: DeckSource, options: BuildOptions, run: BuildRun = {}): Promise<BuildResult> {
  const rules = { force: options.force === true };
  const { checkFolderOutput, sourceFiles } = await import('../site/output-guard.js');
  // Refused before any work; buildSite checks again just before it swaps the folder in.
  await checkFolderOutput(options.out, { ...rules, protect: sourceFiles(sourcePath(source)) });
  const prepared = await prepareDeck(source, run.prepareOptions ?? (await prepareOptionsOf(options)));
  const { buildSite } = await import('../site/build-site.js');
  await buildSite(prepared, options.out, rules);
  return { index: join(options.out, 'index.html'), deck: prepared.deck, warnings: prepared.warnings };
}

/** The export's settings: the caller's, then the config file's `export:` defaults, then the table's defaults. */
export function exportSettingsOf(
  options: ExportSettingValues,
  config: ConfigFile | undefined,
  flagPrefix = '',
): Required<Omit<ExportSettingValues, 'browser'>> & Pick<ExportSettingValues, 'browser'> {
  const usage = (message: string): LecternError => new LecternError(message, { exitCode: ExitCode.usage });
  const pick = <K extends ExportSettingKey>(key: K): ExportSettingValues[K] => {
    const given = options[key];
    if (given === undefined) return config?.export[key] ?? (EXPORT_SETTINGS[key] as SettingSpec<ExportSettingValues[K]>).default;
    const parsed = (EXPORT_SETTINGS[key] as SettingSpec<ExportSettingValues[K]>).parse(given);
    if (parsed === undefined) throw usage(`${flagPrefix}${key} must be ${EXPORT_SETTINGS[key].expected}`);
    return parsed;
  };
  const settings = { format: pick('format')!, notes: pick('notes')!, handout: pick('handout')!, fragments: pick('fragments')!, scale: pick('scale')!, browser: pick('browser') };
  if (settings.format !== 'pdf' && (settings.notes || settings.handout || settings.fragments)) throw usage(`${flagPrefix}notes, ${flagPrefix}handout and ${flagPrefix}fragments are for the pdf format`);
  if (settings.notes && settings.handout) throw usage(`choose one of ${flagPrefix}notes and ${flagPrefix}handout`);
  return settings;
}

/** Exports the deck as a PDF, one PNG per slide, or one offline HTML file. */
export async function exportDeck(source: DeckSource, options: ExportOptions, run: ExportRun = {}): Promise<ExportResult> {
  const prepareOptions = await prepareOptionsOf(options);
  if (run.config) prepareOptions.config = run.config;
  const { format, notes, handout, fragments, scale, browser: browserPath } = exportSettingsOf(options, prepareOptions.config);
  const force = options.force === true;
  // Refused before the browser starts; the writers check again just before they replace anything.
  const { checkFileOutput, checkFolderOutput, sourceFiles } = await import('../site/output-guard.js');
  const rules = { force, protect: sourceFiles(sourcePath(source)) };
  if (format === 'png') await checkFolderOutput(options.out, rules);
  else await checkFileOutput(options.out, format, rules);
  const prepared = await prepareDeck(source, prepareOptions);
  const { deck } = prepared;
  const browser = run.browser ?? browserPath;
  if (format === 'pdf') {
    const { exportPdf } = await import('../export/pdf.js');
    const mode = handout ? 'handout' : notes ? 'notes' : 'slides';
    const result = await exportPdf(prepared, options.out, { mode, fragments, browser, progress: run.progress, producer: await producer(), force });
    return { format, files: [options.out], deck, warnings: [...prepared.warnings, ...result.warnings], pages: result.pages.length, bookmarks: result.bookmarks.length };
  }
  if (format === 'png') {
    const { exportPng, parseSlideRange } = await import('../export/png.js');
    const slides = options.slides === undefined ? undefined : parseSlideRange(options.slides, deck.slides.length);
    const result = await exportPng(prepared, options.out, { scale, slides, browser, progress: run.progress, force });
    return { format, files: result.files, deck, warnings: [...prepared.warnings, ...result.warnings], width: result.width, height: result.height };
  }
  const { exportSingleFile } = await import('../export/single-file.js');
  const result = await exportSingleFile(prepared, options.out, { force });
  return { format, files: [options.out], deck, warnings: [...prepared.warnings, ...result.warnings], bytes: result.bytes };
}

/** Measures every slide in the browser for overflow and the article for lost sentences; `ok` is false when either fails. */
export async function check(source: DeckSource, options: CheckOptions = {}): Promise<CheckReport> {
  const prepared = await prepareDeck(source, await prepareOptionsOf(options));
  const [{ measureDeck }, { buildReport }] = await Promise.all([import('../check/measure.js'), import('../check/report.js')]);
  const { slides } = await measureDeck(prepared, options.browser);
  return buildReport(prepared.article, prepared.deck, slides);
}

/** The producer written into PDFs: `Lectern <version>`. */
export async function producer(): Promise<string> {
  const pkg = JSON.parse(await readFile(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  return `Lectern ${pkg.version}`;
}
