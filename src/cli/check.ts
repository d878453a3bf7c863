import { ExitCode, LecternError } from '../errors.js';
import { whileBrowserStarts } from '../browser/early-start.js';
import { SOURCE_HELP, SOURCE_OPTIONS, prepareOptions, SETTING_OPTIONS, SETTINGS_HELP } from './deck-options.js';
import { parseCommand } from './args.js';
import { QUIET_HELP, QUIET_OPTION, setQuiet, warn } from './output.js';

export const CHECK_HELP = `Usage: lectern check <source> [options]

Opens the deck in Chromium and reports, per slide, overflow in pixels (after shrinking
text to at most 70 %), visible words, points, words of notes and timing, plus the
article's coverage: sentences on slides, in notes, and missing. Exits 8 when a slide
overflows or a sentence is missing, so it can guard a CI pipeline.

The report goes to stdout, warnings and errors to stderr.

Options:
      --json            print the report as JSON instead of a table
      --browser PATH    browser executable to use
${SETTINGS_HELP}
${SOURCE_HELP}
${QUIET_HELP}
  -h, --help            show this help

Example:
  lectern check talk.md --json > report.json
`;

/** `lectern check` */
export async function checkCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand('check', argv, {
    json: { type: 'boolean' },
    browser: { type: 'string' },
    ...SETTING_OPTIONS,
    ...SOURCE_OPTIONS,
    ...QUIET_OPTION,
    debug: { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(CHECK_HELP);
    return ExitCode.ok;
  }
  setQuiet(values.quiet === true);
  const source = positionals[0];
  if (source === undefined || positionals.length > 1) {
    throw new LecternError('check takes one source', { exitCode: ExitCode.usage, hint: 'see `lectern check --help`' });
  }
  const options = await prepareOptions(values);
  // The browser starts before even the pipeline is loaded, so it comes up while the deck is read.
  const { prepared, measured } = await whileBrowserStarts(typeof values.browser === 'string' ? values.browser : undefined, async (browser) => {
    const [{ prepareDeck }, { measureDeck }] = await Promise.all([import('../pipeline.js'), import('../check/measure.js')]);
    const prepared = await prepareDeck(source, options);
    warn(prepared.warnings);
    const { slides, warnings } = await measureDeck(prepared, browser);
    warn(warnings);
    return { prepared, measured: slides };
  });
  const { buildReport, formatReport } = await import('../check/report.js');
  const report = buildReport(prepared.article, prepared.deck, measured);
  if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  // The report is the command's data, so it goes to stdout (`> report.txt`, `| less`); messages stay on stderr.
  else process.stdout.write(`${formatReport(report)}\n`);
  return report.ok ? ExitCode.ok : ExitCode.checkFailed;
}
