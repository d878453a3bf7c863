import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { ExitCode, LecternError } from '../errors.js';
import type { BrowserLaunch } from '../browser/launch.js';
import { PACKAGE_ROOT } from '../paths.js';
import { parseCommand } from './args.js';
import { createProgress } from './progress.js';
import { FILE_ACCESS_HELP, FILE_ACCESS_OPTIONS, deckName, prepareOptions } from './deck-options.js';
import { say, warn } from './output.js';

export const EXPORT_HELP = `Usage: lectern export <source> [options]

Exports a deck for sharing: a PDF, one PNG per slide, or one offline HTML file.
PDF and PNG need Chrome, Chromium, Edge or Brave (found via --browser, CHROME_PATH,
a Playwright-installed Chromium, PATH, then the usual install folders); nothing is
downloaded.

Options:
  -f, --format FORMAT   pdf (default), png or html
  -o, --out PATH        output file (pdf, html) or folder (png); default dist/<name>.<format>
                        (png: dist/<name>-png/). An existing file is overwritten only by
                        its own type (a PDF by a PDF, HTML by HTML); an existing folder
                        only if it is empty or Lectern wrote it; never the source.
      --force           overwrite an --out file or folder Lectern would otherwise refuse
      --notes           PDF: a page of speaker notes after each slide
      --handout         PDF: each page shows the slide, reduced, above its notes
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
      --debug           show stack traces (naming the files in src/)
  -h, --help            show this help

Exit codes: 5 when the output cannot be written or would replace files Lectern did not
write, 6 when no browser can be found, 7 when the browser fails.
`;

const FORMATS = ['pdf', 'png', 'html'] as const;
type Format = (typeof FORMATS)[number];

/** `lectern export` */
export async function exportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand('export', argv, {
    format: { type: 'string', short: 'f' },
    out: { type: 'string', short: 'o' },
    notes: { type: 'boolean' },
    handout: { type: 'boolean' },
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
  if (format !== 'png' && (values.scale !== undefined || values.slides !== undefined)) throw usage('--scale and --slides are for --format png');
  const scale = values.scale === undefined ? 2 : Number(values.scale);
  if (!Number.isFinite(scale) || scale < 0.25 || scale > 4) throw usage('--scale must be a number from 0.25 to 4');

  const options = prepareOptions(values);
  const force = values.force === true;
  const target = out ?? (format === 'png' ? join('dist', `${deckName(source)}-png`) : join('dist', `${deckName(source)}.${format}`));
  // Refused before the browser starts; the writers check again just before they replace anything.
  const { checkFileOutput, checkFolderOutput, sourceFiles } = await import('../site/output-guard.js');
  const rules = { force, protect: sourceFiles(source) };
  if (format === 'png') await checkFolderOutput(target, rules);
  else await checkFileOutput(target, format, rules);

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
        const result = await exportPdf(prepared, target, { mode, fragments: values.fragments === true, browser, progress, producer: await producer(), force });
        progress.done();
        if (!quiet) {
          warn(result.warnings);
          say(`exported ${target}: ${result.pages.length} pages, ${deck.slides.length} slides, ${result.bookmarks.length} bookmarks in ${seconds()}`);
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

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}

async function producer(): Promise<string> {
  const pkg = JSON.parse(await readFile(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  return `Lectern ${pkg.version}`;
}
