import { writeFile } from 'node:fs/promises';
import { ExitCode, LecternError } from '../errors.js';
import { prepareDeck } from '../pipeline.js';
import { deckToMarkdown } from '../render/markdown-deck.js';
import { writeFileAtomically } from '../site/atomic.js';
import { sourceFiles } from '../site/output-guard.js';
import { prepareOptions, settingOptions, settingsHelp } from './deck-options.js';
import { parseCommand } from './args.js';
import { QUIET_HELP, QUIET_OPTION, say, setQuiet, warn } from './output.js';

/** `import` publishes no images, so a missing one cannot stop it: no --strict. */
const IMPORT_OMITS = ['strict'] as const;

export const IMPORT_HELP = `Usage: lectern import <article> [--out FILE]

Writes an editable Markdown deck in which every slide is explicit: its layout
(<!-- slide: points -->), its ### title, its points or content, and its Note: block.
Building the written file gives the same slides as building the article. With no
--out (or --out -), the Markdown goes to stdout.

Options:
  -o, --out FILE        where to write, e.g. slides/<name>.md; an existing file is
                        overwritten only if it is Markdown (.md), never the article itself
      --force           overwrite an existing --out file that is not Markdown
${settingsHelp(IMPORT_OMITS)}
${QUIET_HELP}
  -h, --help            show this help

Example:
  lectern import article.txt --out slides/talk.md
`;

/** `lectern import`: ejects an article's outline into explicit Markdown. */
export async function importCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand('import', argv, {
    out: { type: 'string', short: 'o' },
    ...settingOptions(IMPORT_OMITS),
    force: { type: 'boolean' },
    ...QUIET_OPTION,
    debug: { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(IMPORT_HELP);
    return ExitCode.ok;
  }
  setQuiet(values.quiet === true);
  const source = positionals[0];
  if (source === undefined || positionals.length > 1) {
    throw new LecternError('import takes one article', { exitCode: ExitCode.usage, hint: 'see `lectern import --help`' });
  }
  const prepared = await prepareDeck(source, { ...(await prepareOptions(values)), checkImages: false });
  warn(prepared.warnings);
  const markdown = deckToMarkdown(prepared.deck);
  const out = typeof values.out === 'string' ? values.out : '-';
  if (out === '-') {
    process.stdout.write(markdown);
    return ExitCode.ok;
  }
  await writeFileAtomically(out, (temporary) => writeFile(temporary, markdown), {
    kind: 'markdown',
    force: values.force === true,
    protect: sourceFiles(source),
  });
  say(`wrote ${out}: ${prepared.deck.slides.length} slides, every one explicit`);
  return ExitCode.ok;
}
