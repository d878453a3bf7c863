import { createServer as createNetServer } from 'node:net';
import { ExitCode, LecternError } from '../errors.js';
import { lectern } from '../vite/plugin.js';
import { FILE_ACCESS_HELP, FILE_ACCESS_OPTIONS, prepareOptions, SETTING_OPTIONS, SETTINGS_HELP } from './deck-options.js';
import { numberOption, parseCommand } from './args.js';
import { say } from './output.js';

export const DEV_HELP = `Usage: lectern dev [source] [options]

Serves the deck on 127.0.0.1 with live updates: saving the source or a template updates the
open page without a restart; a broken save shows the error (file:line) in the page and here.
Press S in the deck for the speaker view (notes and pacing timer). Default source:
slides/deepseek-r1.md.

Options:
      --port N          port to listen on (default: a free port)
      --host ADDR       address to listen on (default: 127.0.0.1)
${SETTINGS_HELP}
${FILE_ACCESS_HELP}
  -h, --help            show this help
`;

export const DEFAULT_DECK = 'slides/deepseek-r1.md';

/** `lectern dev`: runs until interrupted. */
export async function devCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand('dev', argv, {
    port: { type: 'string' },
    host: { type: 'string' },
    ...SETTING_OPTIONS,
    ...FILE_ACCESS_OPTIONS,
    debug: { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(DEV_HELP);
    return ExitCode.ok;
  }
  const source = positionals[0] ?? DEFAULT_DECK;
  const host = typeof values.host === 'string' ? values.host : '127.0.0.1';
  const port = numberOption('port', typeof values.port === 'string' ? values.port : undefined, 1, 65535) ?? (await freePort(host));
  const { createServer } = await import('vite');
  const server = await createServer({
    configFile: false,
    root: process.cwd(),
    logLevel: 'warn',
    clearScreen: false,
    plugins: [lectern({ source, ...(await prepareOptions(values)) })],
    server: { host, port, strictPort: true, open: false },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    await server.listen();
  } catch (error) {
    await server.close();
    throw new LecternError(`cannot listen on ${host}:${port}: ${(error as Error).message}`, { exitCode: ExitCode.usage });
  }
  say(`Lectern is presenting ${source} at http://${host}:${port}/ (press S in the deck for the speaker view; Ctrl+C stops)`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      void server.close().then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return ExitCode.ok;
}

/** Asks the OS for a free port on the host. */
export function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
