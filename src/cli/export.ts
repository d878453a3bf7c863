import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ExitCode, LecternError } from '../errors.js';
import type { BrowserLaunch } from '../browser/launch.js';
import { PACKAGE_ROOT } from '../paths.js';
import { parseCommand } from './args.js';
import { createProgress } from './progress.js';
import { FILE_ACCESS_HELP, FILE_ACCESS_OPTIONS, deckName, prepareOptions, SIZE_HELP, SIZE_OPTION } from './deck-options.js';
import { QUIET_HELP, QUIET_OPTION, say, setQuiet, warn } from './output.js';
import { PAPER_NAMES, type PaperName } from '../export/paper.js';

export const EXPORT_HELP = `Usage: lectern export <source> [options]

Exports a deck for sharing: a PDF, PNG images, one offline HTML file, an editable
PowerPoint file, the talk as text for rehearsal, or a one-page brief. PDF, PNG and the
brief need Chrome, Chromium, Edge or Brave (found via --browser, CHROME_PATH, a Playwright-installed Chromium, PATH,
then the usual install folders); nothing is downloaded.

Options:
  -f, --format FORMAT   pdf, png, html, pptx (PowerPoint, editable, with speaker notes),
                        txt or md (each slide's title, points, notes and timing), or brief
                        (one portrait page to read before the talk: title, author, date,
                        context, each section's takeaway and strongest figure, agenda and
                        length, condensed until it fits; PDF, or HTML with --out x.html).
                        Without it the --out name decides: .pdf .png .html .pptx .txt .md,
                        a folder (dir/) means png; any other ending is an error. Default pdf.
  -o, --out PATH        output file, or folder for png; default dist/<name>.<format>
                        (png: dist/<name>-png/; one image with --out x.png --slides N;
                        brief: dist/<name>-brief.pdf).
                        An existing file is overwritten only by its own type (a PDF by a
                        PDF, HTML by HTML, …); an existing folder only if it is empty or
                        Lectern wrote it; never the source.
      --force           overwrite an --out file or folder Lectern would otherwise refuse
      --notes           PDF: a page of speaker notes after each slide
      --handout         PDF: portrait pages, three slides each with their notes beside them
                        (ruled lines where a slide has none); long notes go on, never cut
      --paper SIZE      paper of --handout and --format brief: a4 or letter (default: letter
                        when the deck's language names a region that uses it, e.g. en-US,
                        fr-CA; otherwise a4)
      --fragments       PDF: one page per fragment step
      --scale N         PNG: pixels per slide pixel, 0.25 to 4 (default 2: 2560×1440 at 16:9)
      --slides LIST     slides to export, 1-based, e.g. 3-5,8 (every format)
      --browser PATH    browser executable to use
${QUIET_HELP}
      --duration TIME   planned talk length, e.g. 20m (overrides front matter)
      --wpm N           speaking rate in words a minute (default 140)
${SIZE_HELP}
      --theme NAME      theme: lectern, a Reveal.js theme name, or a .css path
      --templates DIR   folder of template overrides
${FILE_ACCESS_HELP}
      --debug           show stack traces (naming the files in src/)
  -h, --help            show this help

Exit codes: 5 when the output cannot be written or would replace files Lectern did not
write, 6 when no browser can be found, 7 when the browser fails.

Example:
  lectern export talk.md --format pdf --notes --out talk-notes.pdf
`;

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
    ...QUIET_OPTION,
    duration: { type: 'string' },
    wpm: { type: 'string' },
    ...SIZE_OPTION,
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
  const { chooseFormat, defaultOut, fileKind, isSingleImage } = await import('../export/formats.js');
  const format = chooseFormat(typeof values.format === 'string' ? values.format : undefined, out);
  if (format !== 'pdf' && (values.notes || values.handout || values.fragments)) throw usage('--notes, --handout and --fragments are for --format pdf');
  if (values.notes && values.handout) throw usage('choose one of --notes and --handout');
  const paper = paperOption(values.paper, usage);
  if (paper && !(format === 'brief' || (format === 'pdf' && values.handout))) throw usage('--paper is for --handout and --format brief');
  if (format !== 'png' && values.scale !== undefined) throw usage('--scale is for --format png');
  const scale = values.scale === undefined ? 2 : Number(values.scale);
  if (!Number.isFinite(scale) || scale < 0.25 || scale > 4) throw usage('--scale must be a number from 0.25 to 4');

  const options = prepareOptions(values);
  const force = values.force === true;
  const target = out ?? defaultOut(format, deckName(source));
  const singleImage = isSingleImage(format, target);
  if (singleImage && values.slides === undefined) throw usage('a .png output is one image: name its slide with --slides N, or give a folder (--out dir/)');
  // Refused before the browser starts; the writers check again just before they replace anything.
  const { checkFileOutput, checkFolderOutput, sourceFiles } = await import('../site/output-guard.js');
  const rules = { force, protect: sourceFiles(source) };
  if (format === 'png' && !singleImage) await checkFolderOutput(target, rules);
  else await checkFileOutput(target, fileKind(format, target), rules);

  const quiet = values.quiet === true;
  setQuiet(quiet);
  const started = Date.now();
  const progress = createProgress(quiet);
  const seconds = (): string => `${((Date.now() - started) / 1000).toFixed(1)}s`;
  const run = async (browser: BrowserLaunch | undefined): Promise<void> => {
    try {
      const { prepareDeck } = await import('../pipeline.js');
      const whole = await prepareDeck(source, options);
      if (!quiet) warn(whole.warnings);
      const { parseSlideRange } = await import('../export/png.js');
      const slides = typeof values.slides === 'string' ? parseSlideRange(values.slides, whole.deck.slides.length) : undefined;
      // PNG names its files by their number in the whole deck; the other formats get the deck cut down.
      const prepared = format === 'png' ? whole : (await import('../export/select-slides.js')).selectSlides(whole, slides);
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
        const pngOptions = { scale, slides, browser, progress, force };
        const result = singleImage
          ? await (await import('../export/png-file.js')).exportPngFile(prepared, target, pngOptions)
          : await (await import('../export/png.js')).exportPng(prepared, target, pngOptions);
        progress.done();
        if (!quiet) {
          warn(result.warnings);
          say(`exported ${singleImage ? `slide ${String(values.slides)} as ${target}` : `${result.files.length} PNG files to ${target}`} (${result.width}×${result.height}) in ${seconds()}`);
        }
      } else if (format === 'pptx') {
        const { exportPptx } = await import('../export/pptx.js');
        const result = await exportPptx(prepared, target, { force });
        if (!quiet) {
          warn(result.warnings);
          say(`exported ${target}: ${deck.slides.length} editable slides with speaker notes, ${formatSize(result.bytes)} in ${seconds()}`);
        }
      } else if (format === 'txt' || format === 'md') {
        const { exportScript } = await import('../export/script.js');
        const result = await exportScript(prepared, target, { format, force });
        if (!quiet) say(`exported ${target}: the talk as ${format === 'md' ? 'Markdown' : 'text'}, ${deck.slides.length} slides, ${formatSize(result.bytes)}`);
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
  if (format !== 'pdf' && format !== 'png' && format !== 'brief') {
    await run(undefined);
  } else {
    // PDF, PNG and the brief: the browser starts before even the pipeline is loaded (and with no browser, that is said before
    // any work).
    const { whileBrowserStarts } = await import('../browser/early-start.js');
    await whileBrowserStarts(typeof values.browser === 'string' ? values.browser : undefined, run);
  }
  return ExitCode.ok;
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
