/**
 * Progress on stderr unless asked to be quiet. On a terminal, one line rewritten in place; elsewhere (a CI log, a pipe)
 * one line per phase, and for a long run of steps one line per tenth, so a log shows how far a long export got.
 */

export interface Progress {
  /** Starts a phase ("printing pages 1–250 of 2000"); on a terminal replaces the current line. */
  update(message: string): void;
  /** `label done/total` with elapsed time. */
  step(label: string, done: number, total: number): void;
  /** Clears the progress line. */
  done(): void;
}

/** Progress written to `stream` (stderr by default), or none at all when `quiet` is set. */
export function createProgress(quiet: boolean, stream: Pick<NodeJS.WriteStream, 'write' | 'isTTY'> = process.stderr, now: () => number = Date.now): Progress {
  const started = now();
  const elapsed = (): string => `${((now() - started) / 1000).toFixed(1)}s`;
  if (quiet) return { update: () => undefined, step: () => undefined, done: () => undefined };
  if (stream.isTTY !== true) {
    let last = '';
    let lastTenth = -1;
    const line = (message: string): void => {
      if (message === last) return;
      last = message;
      stream.write(`${message} (${elapsed()})\n`);
    };
    return {
      update: (message) => {
        lastTenth = -1;
        line(message);
      },
      step: (label, done, total) => {
        const tenth = total > 0 ? Math.floor((done * 10) / total) : 10;
        if (tenth === lastTenth) return;
        lastTenth = tenth;
        line(`${label} ${done}/${total}`);
      },
      done: () => undefined,
    };
  }
  let shown = false;
  const update = (message: string): void => {
    stream.write(`\r\x1b[2K${message} (${elapsed()})`);
    shown = true;
  };
  return {
    update,
    step: (label, done, total) => update(`${label} ${done}/${total}`),
    done: () => {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
