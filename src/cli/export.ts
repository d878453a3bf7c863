import { extname, join } from 'node:path';
import { ExitCode, LecternError } from '../errors.js';
import { createProgress } from '../export/progress.js';
import { EXPORT_FORMATS, EXPORT_SETTINGS, SCALE_RANGE, type ExportFormat, type ExportSettingValues } from '../settings/table.js';
import { parseCommand } from './args.js';
import { FILE_ACCESS_HELP, FILE_ACCESS_OPTIONS, deckName, deckSettingsOf, SETTING_OPTIONS, SETTINGS_HELP } from './deck-options.js';
import { say, warn } from './output.js';

export const EXPORT_HELP = `Usage: lectern export <source> [options]

Exports a deck for sharing: a PDF, one PNG per slide, or one offline HTML file.
PDF and PNG need Chrome, Chromium or Edge (found via --browser, CHROME_PATH, a
Playwright-installed Chromium, then the usual install paths); nothing is downloaded.

Options:
  -f, --format FORMAT   ${EXPORT_FORMATS.join(', ')} (default ${EXPORT_SETTINGS.format.default}, or the config file's export.format)
  -o, --out PATH        output file (pdf, html) or folder (png); default dist/<name>.<format>
                        (png: dist/<name>-png/). An existing file is overwritten only by
                        its own type (a PDF by a PDF, HTML by HTML); an existing folder
                        only if it is empty or Lectern wrote it; never the source.
      --force           overwrite an --out file or folder Lectern would otherwise refuse
      --notes           PDF: a page of speaker notes after each slide
      --handout         PDF: each page shows the slide, reduced, above its notes
      --fragments       PDF: one page per fragment step
      --scale N         PNG: pixels per slide pixel, ${SCALE_RANGE.min} to ${SCALE_RANGE.max} (default ${EXPORT_SETTINGS.scale.default})
      --slides LIST     PNG: slides to export, 1-based, e.g. 3-5,8
      --browser PATH    browser executable to use
  -q, --quiet           no progress or summary on stderr
${SETTINGS_HELP}
${FILE_ACCESS_HELP}
      --debug           show stack traces
  -h, --help            show this help

Exit codes: 5 when the output cannot be written or would replace files Lectern did not
write, 6 when no browser can be found, 7 when the browser fails.
`;

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
    ...SETTING_OPTIONS,
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
  const settings = deckSettingsOf(values);
  const { loadConfig } = await import('../settings/config-file.js');
  const config = await loadConfig({ config: settings.config });
  const flags: ExportSettingValues = {
    format: chooseFormat(typeof values.format === 'string' ? values.format : undefined, out, config?.export.format),
    notes: values.notes === true ? true : undefined,
    handout: values.handout === true ? true : undefined,
    fragments: values.fragments === true ? true : undefined,
    scale: typeof values.scale === 'string' ? (values.scale as unknown as number) : undefined,
    browser: typeof values.browser === 'string' ? values.browser : undefined,
  };
  // The flags, then the config file's `export:` defaults, checked by the settings table.
  const { exportSettingsOf, exportDeck } = await import('../api/commands.js');
  const { format, browser: browserPath } = exportSettingsOf(flags, config, '--');
  if (format !== 'png' && (values.scale !== undefined || values.slides !== undefined)) throw usage('--scale and --slides are for --format png');

  const force = values.force === true;
  const target = out ?? (format === 'png' ? join('dist', `${deckName(source)}-png`) : join('dist', `${deckName(source)}.${format}`));
  // Refused before the browser starts; the writers check again just before they replace anything.
  const { checkFileOutput, checkFolderOutput, sourceFiles } = await import('../site/output-guard.js');
  const rules = { force, protect: sourceFiles(source) };
  if (format === 'png') await checkFolderOutput(target, rules);
  else await checkFileOutput(target, format, rules);

  const quiet = values.quiet === true;
  const started = Date.now();
  // PDF and PNG: start the browser first, before the deck is read, so it comes up meanwhile (and with no browser, say
  // so before any work).
  const browsers = format === 'html' ? undefined : await import('../export/browser.js');
  const browser = browsers?.launchBrowser(browserPath);
  const progress = createProgress(quiet);
  const seconds = (): string => `${((Date.now() - started) / 1000).toFixed(1)}s`;
  try {
    const slides = typeof values.slides === 'string' ? values.slides : undefined;
    const result = await exportDeck(source, { ...settings, ...flags, format, config: false, out: target, force, slides }, { progress, browser, config });
    progress.done();
    if (!quiet) {
      warn(result.warnings);
      const { deck } = result;
      if (format === 'pdf') say(`exported ${target}: ${result.pages} pages, ${deck.slides.length} slides, ${result.bookmarks} bookmarks in ${seconds()}`);
      else if (format === 'png') say(`exported ${result.files.length} PNG files (${result.width}×${result.height}) to ${target} in ${seconds()}`);
      else say(`exported ${target}: one file, ${formatSize(result.bytes ?? 0)}, ${deck.slides.length} slides in ${seconds()}`);
    }
  } finally {
    progress.done();
    if (browsers && browser) await browsers.closeBrowser(browser);
  }
  return ExitCode.ok;
}

/** `--format`; without it, an .html output means the single file; then the config file's default (else PDF). */
function chooseFormat(given: string | undefined, out: string | undefined, configured: ExportFormat | undefined): ExportFormat | undefined {
  if (given !== undefined) return given as ExportFormat;
  const extension = out ? extname(out).toLowerCase() : '';
  return extension === '.html' || extension === '.htm' ? 'html' : configured;
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}

