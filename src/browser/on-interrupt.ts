/**
 * Cleanups that must run even when Lectern is interrupted (Ctrl-C, SIGTERM, a closed terminal) or exits early:
 * `finally` blocks do not run then, and a browser or a temporary folder would be left behind.
 */

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const cleanups = new Set<() => void>();

/**
 * Runs `cleanup` (synchronous: nothing asynchronous runs on the way out) if the process is interrupted or exits
 * before the returned function is called to say it is no longer needed.
 */
export function onInterrupt(cleanup: () => void): () => void {
  if (cleanups.size === 0) listen();
  cleanups.add(cleanup);
  return () => {
    cleanups.delete(cleanup);
    if (cleanups.size === 0) unlisten();
  };
}

function listen(): void {
  for (const signal of SIGNALS) process.on(signal, onSignal);
  process.on('exit', runAll);
}

function unlisten(): void {
  for (const signal of SIGNALS) process.off(signal, onSignal);
  process.off('exit', runAll);
}

function runAll(): void {
  for (const cleanup of [...cleanups]) {
    try {
      cleanup();
    } catch {
      // Best effort: the others still run.
    }
  }
  cleanups.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  runAll();
  unlisten();
  // Then let the signal do what it would have done without us: normally, end the process with it.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}
