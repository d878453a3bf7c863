/** Progress on stderr, only when a person is watching (a terminal) and not asked to be quiet. */

export interface Progress {
  /** Replaces the current progress line. */
  update(message: string): void;
  /** `label done/total` with elapsed time. */
  step(label: string, done: number, total: number): void;
  /** Clears the progress line. */
  done(): void;
}

/** A progress line on `stream`, or a silent one when `stream` is not a TTY or `quiet` is set. */
export function createProgress(quiet: boolean, stream: NodeJS.WriteStream = process.stderr): Progress {
  const active = !quiet && stream.isTTY === true;
  const started = Date.now();
  let shown = false;
  const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(1)}s`;
  const update = (message: string): void => {
    if (!active) return;
    stream.write(`\r\x1b[2K${message} (${elapsed()})`);
    shown = true;
  };
  return {
    update,
    step: (label, done, total) => update(`${label} ${done}/${total}`),
    done: () => {
      if (active && shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
