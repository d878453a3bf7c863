import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { BIN, ROOT } from './paths.js';

export interface DevServer {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
  process: ChildProcess;
}

/**
 * Starts the real `lectern dev` on a port the system picks (127.0.0.1) and waits until it says where it listens.
 * With `source` undefined it is given none and presents the decks in `cwd`'s slides/.
 */
export async function startDevServer(source: string | undefined, extra: string[] = [], cwd = ROOT): Promise<DevServer> {
  const args = source === undefined ? extra : [source, ...extra];
  const child = spawn(process.execPath, [BIN, 'dev', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`dev server did not start:\n${output}`)), 30_000);
    const check = (): void => {
      const address = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1];
      if (address) {
        clearTimeout(timer);
        resolve(address);
      }
    };
    child.stderr?.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`dev server exited with ${code}:\n${output}`));
    });
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timeout = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timeout);
  };
  return { url, output: () => output, stop, process: child };
}

/**
 * A port free on `host` now, for a server the test starts with a fixed port (Vite's `--strictPort`). `lectern dev`
 * itself takes port 0 and says which port it got; this is only for servers that cannot.
 */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
