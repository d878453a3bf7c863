import { ExitCode, LecternError } from '../errors.js';

// Each command is loaded only when it runs, so `build` never pays for Vite, jsdom or the PDF libraries.
const COMMANDS: Record<string, { run: (argv: string[]) => Promise<number>; summary: string }> = {
  build: {
    run: async (argv) => (await import('./build.js')).buildCommand(argv),
    summary: 'build a static site from an article (all of slides/ with no source)',
  },
  dev: {
    run: async (argv) => (await import('./dev.js')).devCommand(argv),
    summary: 'present an article on a local dev server with live updates',
  },
  export: {
    run: async (argv) => (await import('./export.js')).exportCommand(argv),
    summary: 'export an article as PDF (slides, notes, handout), PNG, one offline HTML file, PowerPoint or the speaker script',
  },
  check: {
    run: async (argv) => (await import('./check.js')).checkCommand(argv),
    summary: 'measure every slide in Chromium for overflow and the article for lost sentences',
  },
  import: {
    run: async (argv) => (await import('./import.js')).importCommand(argv),
    summary: 'write an article out as an editable Markdown deck with every slide explicit',
  },
};

export function mainHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`);
  return `Usage: lectern <command> [options]

Turns an article (Markdown, plain text or a saved web page) into a Reveal.js presentation
with speaker notes and pacing.

Commands:
${lines.join('\n')}

Options:
  -h, --help     show this help (\`lectern help <command>\` or \`lectern <command> --help\` for a command's)
  -V, --version  print Lectern's version

Exit codes:
  0 done   1 internal error   2 usage   3 bad input   4 template or theme   5 output not writable
  6 no browser   7 browser failed   8 check failed
`;
}

/** Runs the CLI and returns the exit code; only the bin shim turns it into the process's exit code. */
export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  // `lectern help build` is `lectern build --help`.
  const [name, ...rest] = argv[0] === 'help' && argv[1] !== undefined ? [argv[1], '--help'] : argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(mainHelp());
    return name === undefined ? ExitCode.usage : ExitCode.ok;
  }
  if (name === '--version' || name === '-v' || name === '-V') {
    process.stdout.write(`${await version()}\n`);
    return ExitCode.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`lectern: unknown command \`${name}\` (commands: ${Object.keys(COMMANDS).join(', ')})\n`);
    return ExitCode.usage;
  }
  try {
    return await command.run(rest.filter((arg) => arg !== '--debug'));
  } catch (error) {
    if (error instanceof LecternError) {
      process.stderr.write(`lectern: ${error.format()}\n`);
      if (debug && error.stack) process.stderr.write(`${error.stack}\n`);
      return error.exitCode;
    }
    process.stderr.write(`lectern: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    else process.stderr.write('(run again with --debug for the stack trace, and please report it)\n');
    return ExitCode.internal;
  }
}

async function version(): Promise<string> {
  const [fs, path, { PACKAGE_ROOT }] = await Promise.all([import('node:fs/promises'), import('node:path'), import('../paths.js')]);
  return (JSON.parse(await fs.readFile(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** A helper thread's work (bin/outline-helper.js), exported here so it runs from the same code-cached core. */
export { serveOutlineHelper } from '../outline/helper-thread.js';
