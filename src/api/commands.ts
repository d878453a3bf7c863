/** What the CLI's commands do, as functions: read, build, export and check a deck. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sourcePath, type SourceText } from '../article/read.js';
import type { CheckReport } from '../check/report.js';
import { ExitCode, LecternError, type Warning } from '../errors.js';
import type { ExportFormat } from '../export/formats.js';
import type { Deck } from '../outline/types.js';
import { PACKAGE_ROOT } from '../paths.js';
import { prepareDeck } from '../pipeline.js';
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
}

export interface CheckOptions extends DeckSettings {
  /** The browser executable (found as for `lectern check` when not given). */
  browser?: string;
}

/** The outlined deck, nothing written (what `lectern build --json` prints). */
export async function readDeck(source: DeckSource, settings: DeckSettings = {}): Promise<Deck> {
  return (await prepareDeck(source, prepareOptionsOf(settings))).deck;
}

/** Builds the deck's static site into `options.out`. */
export async function build(source: DeckSource, options: BuildOptions): Promise<BuildResult> {
  const rules = { force: options.force === true };
  const { checkFolderOutput, sourceFiles } = await import('../site/output-guard.js');
  // Refused before any work; buildSite checks again just before it swaps the folder in.
  await checkFolderOutput(options.out, { ...rules, protect: sourceFiles(sourcePath(source)) });
  const prepared = await prepareDeck(source, prepareOptionsOf(options));
  const { buildSite } = await import('../site/build-site.js');
  const siteWarnings = await buildSite(prepared, options.out, rules);
  return { index: join(options.out, 'index.html'), deck: prepared.deck, warnings: [...prepared.warnings, ...siteWarnings] };
}

/** Exports the deck as a PDF, PNG images, one offline HTML file, an editable PowerPoint file, the talk as text, or a one-page brief. */
export async function exportDeck(source: DeckSource, options: ExportOptions): Promise<ExportResult> {
  const { briefIsHtml, chooseFormat, fileKind, isSingleImage } = await import('../export/formats.js');
  const format = chooseFormat(options.format, options.out);
  const usage = (message: string): LecternError => new LecternError(message, { exitCode: ExitCode.usage });
  if (format !== 'pdf' && (options.notes || options.handout || options.fragments)) throw usage('notes, handout and fragments are for the pdf format');
  if (options.paper !== undefined && !['a4', 'letter'].includes(options.paper)) throw usage('paper must be a4 or letter');
  if (options.paper !== undefined && !(format === 'brief' || (format === 'pdf' && options.handout))) throw usage('paper is for the handout and the brief');
  if (options.notes && options.handout) throw usage('choose one of notes and handout');
  if (format !== 'pdf' && (options.notes || options.handout || options.fragments)) throw usage('notes, handout and fragments are for the pdf format');
  if (options.paper !== undefined && !['a4', 'letter'].includes(options.paper)) throw usage('paper must be a4 or letter');
  if (options.paper !== undefined && !(format === 'brief' || (format === 'pdf' && options.handout))) throw usage('paper is for the handout and the brief');
  const scale = options.scale ?? 2;
  if (!Number.isFinite(scale) || scale < 0.25 || scale > 4) throw usage('scale must be a number from 0.25 to 4');
  const singleImage = isSingleImage(format, options.out);
  if (singleImage && options.slides === undefined) throw usage('a .png output is one image: name its slide with `slides`, or give a folder');
  const force = options.force === true;
  // Refused before the browser starts; the writers check again just before they replace anything.
  const { checkFileOutput, checkFolderOutput, sourceFiles } = await import('../site/output-guard.js');
  const rules = { force, protect: sourceFiles(sourcePath(source)) };
  if (format === 'png' && !singleImage) await checkFolderOutput(options.out, rules);
  else await checkFileOutput(options.out, fileKind(format, options.out), rules);
  const whole = await prepareDeck(source, prepareOptionsOf(options));
  const { parseSlideRange } = await import('../export/png.js');
  const slides = options.slides === undefined ? undefined : parseSlideRange(options.slides, whole.deck.slides.length);
  // PNG names its files by their number in the whole deck; the other formats get the deck cut down.
  const prepared = format === 'png' ? whole : (await import('../export/select-slides.js')).selectSlides(whole, slides);
  const { deck } = prepared;
  const done = (files: string[], warnings: Warning[] = []): ExportResult => ({ format, files, deck, warnings: [...prepared.warnings, ...warnings] });
  if (format === 'pdf') {
    const { exportPdf } = await import('../export/pdf.js');
    const mode = options.handout ? 'handout' : options.notes ? 'notes' : 'slides';
    const result = await exportPdf(prepared, options.out, { mode, fragments: options.fragments === true, browser: options.browser, producer: await producer(), force, paper: options.paper });
    return done([options.out], result.warnings);
  }
  if (format === 'brief') {
    const { exportBrief } = await import('../export/brief.js');
    const result = await exportBrief(prepared, options.out, { output: briefIsHtml(options.out) ? 'html' : 'pdf', paper: options.paper, browser: options.browser, producer: await producer(), force });
    return done([options.out], result.warnings);
  }
  if (format === 'png') {
    const pngOptions = { scale, slides, browser: options.browser, force };
    const result = singleImage
      ? await (await import('../export/png-file.js')).exportPngFile(prepared, options.out, pngOptions)
      : await (await import('../export/png.js')).exportPng(prepared, options.out, pngOptions);
    return done(result.files, result.warnings);
  }
  if (format === 'pptx') {
    const { exportPptx } = await import('../export/pptx.js');
    const result = await exportPptx(prepared, options.out, { force });
    return done([options.out], result.warnings);
  }
  if (format === 'txt' || format === 'md') {
    const { exportScript } = await import('../export/script.js');
    await exportScript(prepared, options.out, { format, force });
    return done([options.out]);
  }
  const { exportSingleFile } = await import('../export/single-file.js');
  const result = await exportSingleFile(prepared, options.out, { force });
  return done([options.out], result.warnings);
}

/** Measures every slide in the browser for overflow and the article for lost sentences; `ok` is false when either fails. */
export async function check(source: DeckSource, options: CheckOptions = {}): Promise<CheckReport> {
  const prepared = await prepareDeck(source, prepareOptionsOf(options));
  const [{ measureDeck }, { buildReport }] = await Promise.all([import('../check/measure.js'), import('../check/report.js')]);
  const { slides } = await measureDeck(prepared, options.browser);
  return buildReport(prepared.article, prepared.deck, slides);
}

/** The producer written into PDFs: `Lectern <version>`. */
export async function producer(): Promise<string> {
  const pkg = JSON.parse(await readFile(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  return `Lectern ${pkg.version}`;
}
