import { ExitCode, LecternError } from '../errors.js';
import type { BrowserLaunch } from '../browser/launch.js';
import { EXPORT_SETTINGS, SCALE_RANGE, type ExportSettingValues } from '../settings/table.js';
import { parseCommand } from './args.js';
import { createProgress } from './progress.js';
import { SOURCE_HELP, SOURCE_OPTIONS, deckName, deckSettingsOf, SETTING_OPTIONS, SETTINGS_HELP } from './deck-options.js';
import { QUIET_HELP, QUIET_OPTION, say, setQuiet, warn } from './output.js';

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
                        a folder (dir/) means png; any other ending is an error. Then the
                        config file's export.format; default ${EXPORT_SETTINGS.format.default}.
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
      --scale N         PNG: pixels per slide pixel, ${SCALE_RANGE.min} to ${SCALE_RANGE.max} (default ${EXPORT_SETTINGS.scale.default}: 2560×1440 at 16:9)
      --slides LIST     slides to export, 1-based, e.g. 3-5,8 (every format)
      --browser PATH    browser executable to use
${QUIET_HELP}
${SETTINGS_HELP}
${SOURCE_HELP}
      --debug           show stack traces (naming the files in src/)
  -h, --help            show this help

A config file's export: section sets defaults for --format, --notes, --handout, --paper,
--fragments, --scale and --browser; the flags win.

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
    ...SETTING_OPTIONS,
    force: { type: 'boolean' },
    ...SOURCE_OPTIONS,
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
  const settings = deckSettingsOf(values);
  const { loadConfig } = await import('../settings/config-file.js');
  const config = await loadConfig({ config: settings.config });
  const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
  const flags: ExportSettingValues = {
    format: text(values.format) as ExportSettingValues['format'],
    notes: values.notes === true ? true : undefined,
    handout: values.handout === true ? true : undefined,
    fragments: values.fragments === true ? true : undefined,
    paper: text(values.paper) as ExportSettingValues['paper'],
    scale: text(values.scale) as unknown as number,
    browser: text(values.browser),
  };
  // The flags, then the config file's `export:` defaults, checked by the settings table.
  const { exportSettingsOf, exportDeck } = await import('../api/commands.js');
  const { defaultOut, isSingleImage } = await import('../export/formats.js');
  const chosen = exportSettingsOf({ ...flags, out }, config, '--');
  const { format } = chosen;
  const force = values.force === true;
  const target = out ?? defaultOut(format, deckName(source));
  const singleImage = isSingleImage(format, target);
  if (singleImage && values.slides === undefined) throw usage('a .png output is one image: name its slide with --slides N, or give a folder (--out dir/)');
  // Refused before the browser starts; exportDeck and the writers check again before they replace anything.
  const { checkFileOutput, checkFolderOutput, sourceFiles } = await import('../site/output-guard.js');
  const { fileKind } = await import('../export/formats.js');
  const rules = { force, protect: sourceFiles(source) };
  if (format === 'png' && !singleImage) await checkFolderOutput(target, rules);
  else await checkFileOutput(target, fileKind(format, target), rules);

  const quiet = values.quiet === true;
  setQuiet(quiet);
  const started = Date.now();
  const progress = createProgress(quiet);
  const seconds = (): string => `${((Date.now() - started) / 1000).toFixed(1)}s`;
  const slides = text(values.slides);
  // Decided once here; the scale goes along only for PNG, where it applies.
  const { scale, ...decided } = chosen;
  const run = async (browser: BrowserLaunch | undefined): Promise<void> => {
    try {
      const result = await exportDeck(
        source,
        { ...settings, ...decided, ...(format === 'png' ? { scale } : {}), config: false, out: target, force, slides },
        { progress, browser, config },
      );
      progress.done();
      warn(result.warnings);
      const { deck } = result;
      if (format === 'pdf') say(`exported ${target}: ${result.pages} pages, ${deck.slides.length} slides, ${result.bookmarks} bookmarks in ${seconds()}`);
      else if (format === 'brief' && result.brief) {
        const { brief } = result;
        say(
          `exported ${target}: a one-page brief (${brief.paper === 'a4' ? 'A4' : 'Letter'}, ${brief.items} ${brief.sectioned ? 'sections' : 'key points'}, ${brief.fontPt} pt) in ${seconds()}`,
        );
      } else if (format === 'png') {
        say(
          `exported ${singleImage ? `slide ${String(slides)} as ${target}` : `${result.files.length} PNG files to ${target}`} (${result.width}×${result.height}) in ${seconds()}`,
        );
      } else if (format === 'pptx')
        say(`exported ${target}: ${deck.slides.length} editable slides with speaker notes, ${formatSize(result.bytes ?? 0)} in ${seconds()}`);
      else if (format === 'txt' || format === 'md')
        say(`exported ${target}: the talk as ${format === 'md' ? 'Markdown' : 'text'}, ${deck.slides.length} slides, ${formatSize(result.bytes ?? 0)}`);
      else say(`exported ${target}: one file, ${formatSize(result.bytes ?? 0)}, ${deck.slides.length} slides in ${seconds()}`);
    } finally {
      progress.done();
    }
  };
  if (format !== 'pdf' && format !== 'png' && format !== 'brief') {
    await run(undefined);
  } else {
    // PDF, PNG and the brief: the browser starts before even the pipeline is loaded (and with no browser, that is said
    // before any work).
    const { whileBrowserStarts } = await import('../browser/early-start.js');
    await whileBrowserStarts(chosen.browser, run);
  }
  return ExitCode.ok;
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}
