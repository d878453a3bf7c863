/** What the CLI's commands do, as functions: read, build, export and check a deck. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sourcePath, type SourceText } from '../article/read.js';
import type { CheckReport } from '../check/report.js';
import { ExitCode, LecternError, type Warning } from '../errors.js';
import { briefIsHtml, chooseFormat, fileKind, isSingleImage } from '../export/formats.js';
import type { PaperName } from '../export/paper.js';
import type { Deck } from '../outline/types.js';
import { PACKAGE_ROOT } from '../paths.js';
import { prepareDeck, type PrepareOptions } from '../pipeline.js';
import type { BrowserLaunch } from '../browser/launch.js';
import type { Progress } from '../cli/progress.js';
import type { ConfigFile } from '../settings/config-file.js';
import { EXPORT_SETTINGS, type ExportFormat, type ExportSettingKey, type ExportSettingValues, type SettingSpec } from '../settings/table.js';
import { prepareOptionsOf, type DeckSettings, type ExportSettings } from './settings.js';

/** A deck's source: a file's path, or the article's text. */
export type DeckSource = string | SourceText;

/** Where an output may go: an existing folder is replaced only if it is empty or Lectern wrote it, a file only by its own type. */
export interface OutputOptions {
  /** The site's folder (build, png) or the file (pdf, html, pptx, txt, md, or png of one slide) to write. */
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
  /** The 1-based slides to export, e.g. `3-5,8` (default all; PNG to a `.png` file: exactly one). */
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
  /** HTML, PowerPoint and the script: the file's size in bytes. */
  bytes?: number;
  /** The brief: its paper, type size, and how many sections (or key points) it shows. */
  brief?: { paper: PaperName; fontPt: number; items: number; sectioned: boolean };
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
  const siteWarnings = await buildSite(prepared, options.out, rules);
  return { index: join(options.out, 'index.html'), deck: prepared.deck, warnings: [...prepared.warnings, ...siteWarnings] };
}

/** Export settings, decided: the caller's, then the config file's `export:` defaults, then the table's. */
export interface ChosenExportSettings {
  format: ExportFormat;
  notes: boolean;
  handout: boolean;
  fragments: boolean;
  scale: number;
  browser?: string;
  paper?: PaperName;
}

/**
 * The export's settings: the caller's (checked by the settings table), then the config file's `export:` defaults,
 * then the table's defaults. The format is the caller's, else the output's name's (`.pptx`, a folder for png), else
 * the config file's, else the default. A config default for another format (`notes` when the output is a .pptx) is
 * left unused; a caller's setting that does not fit the format is a usage error.
 */
export function exportSettingsOf(options: ExportSettingValues & { out?: string }, config: ConfigFile | undefined, flagPrefix = ''): ChosenExportSettings {
  const usage = (message: string): LecternError =>
    new LecternError(message, { exitCode: ExitCode.usage, hint: flagPrefix === '' ? undefined : 'see `lectern export --help`' });
  const given = <K extends ExportSettingKey>(key: K): ExportSettingValues[K] => {
    const value = options[key];
    if (value === undefined) return undefined;
    const parsed = (EXPORT_SETTINGS[key] as SettingSpec<ExportSettingValues[K]>).parse(value);
    if (parsed === undefined) throw usage(`${flagPrefix}${key} must be ${EXPORT_SETTINGS[key].expected}`);
    return parsed;
  };
  const configured = <K extends ExportSettingKey>(key: K): ExportSettingValues[K] =>
    config?.export[key] ?? (EXPORT_SETTINGS[key] as SettingSpec<ExportSettingValues[K]>).default;
  const format = chooseFormat(given('format'), options.out, configured('format') ?? EXPORT_SETTINGS.format.default);
  const notes = given('notes');
  const handout = given('handout');
  const fragments = given('fragments');
  const scale = given('scale');
  const paper = given('paper');
  if (format !== 'pdf' && (notes || handout || fragments))
    throw usage(`${flagPrefix}notes, ${flagPrefix}handout and ${flagPrefix}fragments are for the pdf format`);
  if (notes && handout) throw usage(`choose one of ${flagPrefix}notes and ${flagPrefix}handout`);
  if (format !== 'png' && scale !== undefined) throw usage(`${flagPrefix}scale is for the png format`);
  const pdf = format === 'pdf';
  const chosen: ChosenExportSettings = {
    format,
    // A caller's choice of notes or handout replaces the config file's choice of the other.
    notes: notes ?? (pdf && handout !== true && configured('notes') === true),
    handout: handout ?? (pdf && notes !== true && configured('handout') === true),
    fragments: fragments ?? (pdf && configured('fragments') === true),
    scale: scale ?? configured('scale')!,
    browser: given('browser') ?? configured('browser'),
  };
  if (chosen.notes && chosen.handout) throw usage(`choose one of ${flagPrefix}notes and ${flagPrefix}handout`);
  const printsPaper = format === 'brief' || (pdf && chosen.handout);
  if (paper !== undefined && !printsPaper) throw usage(`${flagPrefix}paper is for ${flagPrefix}handout and the brief format`);
  const paperChosen = paper ?? (printsPaper ? configured('paper') : undefined);
  if (paperChosen !== undefined) chosen.paper = paperChosen;
  return chosen;
}

/** Exports the deck as a PDF, PNG images, one offline HTML file, an editable PowerPoint file, the talk as text, or a one-page brief. */
export async function exportDeck(source: DeckSource, options: ExportOptions, run: ExportRun = {}): Promise<ExportResult> {
  const prepareOptions = await prepareOptionsOf(options);
  if (run.config) prepareOptions.config = run.config;
  const { format, notes, handout, fragments, scale, paper, browser: browserPath } = exportSettingsOf(options, prepareOptions.config);
  const usage = (message: string): LecternError => new LecternError(message, { exitCode: ExitCode.usage });
  const singleImage = isSingleImage(format, options.out);
  if (singleImage && options.slides === undefined) throw usage('a .png output is one image: name its slide with `slides`, or give a folder');
  const force = options.force === true;
  // Refused before the browser starts; the writers check again just before they replace anything.
  const { checkFileOutput, checkFolderOutput, sourceFiles } = await import('../site/output-guard.js');
  const rules = { force, protect: sourceFiles(sourcePath(source)) };
  if (format === 'png' && !singleImage) await checkFolderOutput(options.out, rules);
  else await checkFileOutput(options.out, fileKind(format, options.out), rules);
  const whole = await prepareDeck(source, prepareOptions);
  const { parseSlideRange } = await import('../export/png.js');
  const slides = options.slides === undefined ? undefined : parseSlideRange(options.slides, whole.deck.slides.length);
  // PNG names its files by their number in the whole deck; the other formats get the deck cut down.
  const prepared = format === 'png' ? whole : (await import('../export/select-slides.js')).selectSlides(whole, slides);
  const { deck } = prepared;
  const browser = run.browser ?? browserPath;
  const done = (files: string[], warnings: Warning[] = [], summary: Partial<ExportResult> = {}): ExportResult => ({
    ...summary,
    format,
    files,
    deck,
    warnings: [...prepared.warnings, ...warnings],
  });
  if (format === 'pdf') {
    const { exportPdf } = await import('../export/pdf.js');
    const mode = handout ? 'handout' : notes ? 'notes' : 'slides';
    const result = await exportPdf(prepared, options.out, { mode, fragments, browser, progress: run.progress, producer: await producer(), force, paper });
    return done([options.out], result.warnings, { pages: result.pages.length, bookmarks: result.bookmarks.length });
  }
  if (format === 'brief') {
    const { exportBrief } = await import('../export/brief.js');
    const result = await exportBrief(prepared, options.out, {
      output: briefIsHtml(options.out) ? 'html' : 'pdf',
      paper,
      browser,
      producer: await producer(),
      force,
    });
    return done([options.out], result.warnings, {
      brief: { paper: result.paper, fontPt: result.fontPt, items: result.brief.items.length, sectioned: result.brief.sectioned },
    });
  }
  if (format === 'png') {
    const pngOptions = { scale, slides, browser, progress: run.progress, force };
    const result = singleImage
      ? await (await import('../export/png-file.js')).exportPngFile(prepared, options.out, pngOptions)
      : await (await import('../export/png.js')).exportPng(prepared, options.out, pngOptions);
    return done(result.files, result.warnings, { width: result.width, height: result.height });
  }
  if (format === 'pptx') {
    const { exportPptx } = await import('../export/pptx.js');
    const result = await exportPptx(prepared, options.out, { force });
    return done([options.out], result.warnings, { bytes: result.bytes });
  }
  if (format === 'txt' || format === 'md') {
    const { exportScript } = await import('../export/script.js');
    const result = await exportScript(prepared, options.out, { format, force });
    return done([options.out], [], { bytes: result.bytes });
  }
  const { exportSingleFile } = await import('../export/single-file.js');
  const result = await exportSingleFile(prepared, options.out, { force });
  return done([options.out], result.warnings, { bytes: result.bytes });
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
