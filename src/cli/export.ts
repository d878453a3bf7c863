import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { ExitCode, LecternError } from '../errors.js';
import type { BrowserLaunch } from '../browser/launch.js';
import { PACKAGE_ROOT } from '../paths.js';
import { parseCommand } from './args.js';
import { createProgress } from './progress.js';
import { FILE_ACCESS_HELP, FILE_ACCESS_OPTIONS, deckName, prepareOptions } from './deck-options.js';
import { say, warn } from './output.js';
import { PAPER_NAMES, type PaperName } from '../export/paper.js';

export const EXPORT_HELP = `Usage: lectern export <source> [options]

Exports a deck for sharing: a PDF, one PNG per slide, one offline HTML file, or a
one-page brief. PDF, PNG and the brief need Chrome, Chromium, Edge or Brave (found
via --browser, CHROME_PATH, a Playwright-installed Chromium, PATH, then the usual
install folders); nothing is downloaded.

Options:
  -f, --format FORMAT   pdf (default), png, html, or brief: one portrait page to read before
                        the talk (title, author, date, context, each section's takeaway and
                        strongest figure, agenda and length), condensed until it fits; PDF,
                        or HTML with --out NAME.html
  -o, --out PATH        output file (pdf, html) or folder (png); default dist/<name>.<format>
                        (png: dist/<name>-png/; brief: dist/<name>-brief.pdf). An existing
                        file is overwritten only by its own type (a PDF by a PDF, HTML by
                        HTML); an existing folder only if it is empty or Lectern wrote it;
                        never the source.
      --force           overwrite an --out file or folder Lectern would otherwise refuse
      --notes           PDF: a page of speaker notes after each slide
      --handout         PDF: portrait pages, three slides each with their notes beside them
                        (ruled lines where a slide has none); long notes go on, never cut
      --paper SIZE      paper of --handout and --format brief: a4 or letter (default: letter
                        when the deck's language names a region that uses it, e.g. en-US,
                        fr-CA; otherwise a4)
      --fragments       PDF: one page per fragment step
      --scale N         PNG: pixels per slide pixel, 0.25 to 4 (default 2: 1920×1400)
      --slides LIST     PNG: slides to export, 1-based, e.g. 3-5,8
      --browser PATH    browser executable to use
  -q, --quiet           no progress or summary on stderr
      --duration TIME   planned talk length, e.g. 20m (overrides front matter)
      --wpm N           speaking rate in words a minute (default 140)
      --theme NAME      theme: lectern, a Reveal.js theme name, or a .css path
      --templates DIR   folder of template overrides
${FILE_ACCESS_HELP}
      --debug           show stack traces
  -h, --help            show this help

Exit codes: 5 when the output cannot be written or would replace files Lectern did not
write, 6 when no browser can be found, 7 when the browser fails.
`;

const FORMATS = ['pdf', 'png', 'html', 'brief'] as const;
type Format = (typeof FORMATS)[number];

/** `lectern export` */
export async function exportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand('export', argv, {
    format: { type: 'string', short: 'f' },
    out: { type: 'string', short: 'o' },
    notes: { type: 'boolean' },
    handout: { type: 'boolean' },
    paper: { type: 'string' },
    fragments: { type: 'boolean' },
    scale: { type: 'string' },
    slides: { type: 'string' },
    browser: { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
    duration: { type: 'string' },
    wpm: { type: 'string' },
    theme: { type: 'string' },
    templates: { type: 'string' },
    force: { type: 'boolean' },
    ...FILE_ACCESS_OPTIONS,
    debug: { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(EXPORT_HELP);
    return ExitCode.ok;
  }
  const usage = (message: string): LecternError => new LecternError(message, { exitCode: ExitCode.usage, hint: 'see `lectern export --help`' });
  if (positionals.length !== 1) throw usage('export takes one source');
  const source = positionals[0] as string;
  const out = typeof values.out === 'string' ? values.out : undefined;
  const format = chooseFormat(typeof values.format === 'string' ? values.format : undefined, out);
  if (!format) throw usage(`--format must be one of ${FORMATS.join(', ')}`);
  if (format !== 'pdf' && (values.notes || values.handout || values.fragments)) throw usage('--notes, --handout and --fragments are for --format pdf');
  if (values.notes && values.handout) throw usage('choose one of --notes and --handout');
  const paper = paperOption(values.paper, usage);
  if (paper && !(format === 'brief' || (format === 'pdf' && values.handout))) throw usage('--paper is for --handout and --format brief');
  if (format !== 'png' && (values.scale !== undefined || values.slides !== undefined)) throw usage('--scale and --slides are for --format png');
  const scale = values.scale === undefined ? 2 : Number(values.scale);
  if (!Number.isFinite(scale) || scale < 0.25 || scale > 4) throw usage('--scale must be a number from 0.25 to 4');

  const options = prepareOptions(values);
  const force = values.force === true;
  const target = out ?? defaultTarget(format, deckName(source));
  // Refused before the browser starts; the writers check again just before they replace anything.
  const { checkFileOutput, checkFolderOutput, sourceFiles } = await import('../site/output-guard.js');
  const rules = { force, protect: sourceFiles(source) };
  if (format === 'png') await checkFolderOutput(target, rules);
  else await checkFileOutput(target, fileKind(format, target), rules);

  const quiet = values.quiet === true;
  const started = Date.now();
  const progress = createProgress(quiet);
  const seconds = (): string => `${((Date.now() - started) / 1000).toFixed(1)}s`;
  const run = async (browser: BrowserLaunch | undefined): Promise<void> => {
    try {
      const { prepareDeck } = await import('../pipeline.js');
      const prepared = await prepareDeck(source, options);
      if (!quiet) warn(prepared.warnings);
      const { deck } = prepared;
      if (format === 'pdf') {
        const mode = values.handout ? 'handout' : values.notes ? 'notes' : 'slides';
        const { exportPdf } = await import('../export/pdf.js'); // pdf-lib and the browser only when needed
        const result = await exportPdf(prepared, target, { mode, fragments: values.fragments === true, browser, progress, producer: await producer(), force, paper });
        progress.done();
        if (!quiet) {
          warn(result.warnings);
          say(`exported ${target}: ${result.pages.length} pages, ${deck.slides.length} slides, ${result.bookmarks.length} bookmarks in ${seconds()}`);
        }
      } else if (format === 'brief') {
        const { exportBrief } = await import('../export/brief.js');
        const result = await exportBrief(prepared, target, { output: fileKind(format, target) === 'html' ? 'html' : 'pdf', paper, browser, producer: await producer(), force });
        progress.done();
        if (!quiet) {
          warn(result.warnings);
          const shown = `${result.brief.items.length} ${result.brief.sectioned ? 'sections' : 'key points'}`;
          say(`exported ${target}: a one-page brief (${result.paper === 'a4' ? 'A4' : 'Letter'}, ${shown}, ${result.fontPt} pt) in ${seconds()}`);
        }
      } else if (format === 'png') {
        const { exportPng, parseSlideRange } = await import('../export/png.js');
        const slides = typeof values.slides === 'string' ? parseSlideRange(values.slides, deck.slides.length) : undefined;
        const result = await exportPng(prepared, target, { scale, slides, browser, progress, force });
        progress.done();
        if (!quiet) {
          warn(result.warnings);
          say(`exported ${result.files.length} PNG files (${result.width}×${result.height}) to ${target} in ${seconds()}`);
        }
      } else {
        const { exportSingleFile } = await import('../export/single-file.js');
        const result = await exportSingleFile(prepared, target, { force });
        if (!quiet) {
          warn(result.warnings);
          say(`exported ${target}: one file, ${formatSize(result.bytes)}, ${deck.slides.length} slides in ${seconds()}`);
        }
      }
    } finally {
      progress.done();
    }
  };
  if (format === 'html') {
    await run(undefined);
  } else {
    // PDF and PNG: the browser starts before even the pipeline is loaded (and with no browser, that is said before
    // any work).
    const { whileBrowserStarts } = await import('../browser/early-start.js');
    await whileBrowserStarts(typeof values.browser === 'string' ? values.browser : undefined, run);
  }
  return ExitCode.ok;
}

function chooseFormat(given: string | undefined, out: string | undefined): Format | undefined {
  if (given !== undefined) return (FORMATS as readonly string[]).includes(given.toLowerCase()) ? (given.toLowerCase() as Format) : undefined;
  // Without --format, an .html output means the single file; anything else a PDF.
  const extension = out ? extname(out).toLowerCase() : '';
  return extension === '.html' || extension === '.htm' ? 'html' : 'pdf';
}

function defaultTarget(format: Format, name: string): string {
  if (format === 'png') return join('dist', `${name}-png`);
  if (format === 'brief') return join('dist', `${name}-brief.pdf`);
  return join('dist', `${name}.${format}`);
}

/** The kind of single file a format writes: the brief is HTML when its --out ends in .html or .htm. */
function fileKind(format: Exclude<Format, 'png'>, target: string): 'pdf' | 'html' {
  if (format !== 'brief') return format;
  return ['.html', '.htm'].includes(extname(target).toLowerCase()) ? 'html' : 'pdf';
}

/** `--paper a4|letter`, or undefined for the deck's own default. */
function paperOption(value: unknown, usage: (message: string) => LecternError): PaperName | undefined {
  if (typeof value !== 'string') return undefined;
  const name = value.toLowerCase();
  if (!(PAPER_NAMES as readonly string[]).includes(name)) throw usage(`--paper must be one of ${PAPER_NAMES.join(', ')}`);
  return name as PaperName;
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}

async function producer(): Promise<string> {
  const pkg = JSON.parse(await readFile(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  return `Lectern ${pkg.version}`;
}
