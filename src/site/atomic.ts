import { mkdir, rename as renameFile, rm, stat, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { ExitCode, LecternError } from '../errors.js';
import { checkFileOutput, checkFolderOutput, markerText, OUTPUT_MARKER, type FileKind, type FolderKind, type OutputRules } from './output-guard.js';

/**
 * Fills a fresh folder beside `target` and swaps it into place only when `fill` succeeds, so a failed build leaves
 * the previous output exactly as it was (and a failed first build leaves nothing). The folder is replaced only under
 * the rules of output-guard.ts, and gets Lectern's marker file so the next run knows it may replace it.
 */
export async function writeDirectoryAtomically(
  target: string,
  fill: (staging: string) => Promise<void> | void,
  options: OutputRules & { kind: FolderKind },
): Promise<void> {
  await checkFolderOutput(target, options);
  const existing = await stat(target).catch(() => undefined);
  if (existing && !existing.isDirectory()) {
    throw new LecternError('output path is an existing file, not a folder', {
      exitCode: ExitCode.output,
      location: { file: target },
      hint: 'choose another --out, or remove the file',
    });
  }
  const parent = dirname(target);
  try {
    await makeDirectories(parent);
  } catch (error) {
    throw outputError(error, parent);
  }
  const staging = join(parent, `.${basename(target)}.lectern-${process.pid}-${Date.now()}`);
  try {
    await mkdir(staging);
  } catch (error) {
    throw outputError(error, parent);
  }
  try {
    await fill(staging);
    await writeFile(join(staging, OUTPUT_MARKER), markerText(options.kind));
    if (existing) {
      const old = `${staging}.old`;
      await renameRetrying(target, old);
      try {
        await renameRetrying(staging, target);
      } catch (error) {
        // Put the previous output back: a failed build must leave it as it was.
        await renameRetrying(old, target).catch(() => undefined);
        throw error;
      }
      await rm(old, { recursive: true, force: true });
    } else {
      await renameRetrying(staging, target);
    }
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (error instanceof LecternError) throw error;
    throw outputError(error, target);
  }
}

/**
 * Writes one file atomically: to a temporary name beside it, then renamed over it. With `options`, an existing file
 * is replaced only under the rules of output-guard.ts (never the source; otherwise only a file of the same kind).
 */
export async function writeFileAtomically(
  target: string,
  write: (temporary: string) => Promise<void>,
  options?: OutputRules & { kind: FileKind },
): Promise<void> {
  if (options) await checkFileOutput(target, options.kind, options);
  const existing = await stat(target).catch(() => undefined);
  if (existing?.isDirectory()) {
    throw new LecternError('output path is a folder, not a file', { exitCode: ExitCode.output, location: { file: target } });
  }
  try {
    await makeDirectories(dirname(target));
  } catch (error) {
    throw outputError(error, dirname(target));
  }
  const temporary = join(dirname(target), `.${basename(target)}.lectern-${process.pid}-${Date.now()}`);
  try {
    await write(temporary);
    await renameRetrying(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    if (error instanceof LecternError) throw error;
    throw outputError(error, target);
  }
}

export interface RenameOptions {
  rename?: (from: string, to: string) => Promise<void>;
  platform?: NodeJS.Platform;
  /** Waits before the next attempt; injectable so tests do not sleep. */
  wait?: (milliseconds: number) => Promise<unknown>;
}

/** Attempts of a rename on Windows, waiting 50, 100, … ms between them: about two seconds in all. */
const WINDOWS_RENAME_ATTEMPTS = 9;

/**
 * Renames, retrying briefly on Windows, where a file that another program holds open (a PDF viewer, a virus scanner,
 * an editor's preview) refuses a rename with EPERM, EBUSY or EACCES until it lets go. When it never does, the error
 * says which file and asks to close it.
 */
export async function renameRetrying(from: string, to: string, options: RenameOptions = {}): Promise<void> {
  const { rename = renameFile, platform = process.platform, wait = sleep } = options;
  for (let attempt = 1; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const held = platform === 'win32' && (code === 'EPERM' || code === 'EBUSY' || code === 'EACCES');
      if (!held) throw error;
      if (attempt >= WINDOWS_RENAME_ATTEMPTS) {
        throw new LecternError(`cannot replace the output (${code}: another program has it open)`, {
          exitCode: ExitCode.output,
          location: { file: to },
          hint: "close the file or folder in any program that shows it (a PDF viewer, an editor, Explorer's preview) and run again",
          cause: error,
        });
      }
      await wait(50 * attempt);
    }
  }
}

/**
 * `mkdir -p` by hand: Node's `mkdir(…, { recursive: true })` spins forever where mkdir(2) answers ENOENT although the
 * parent exists (under /proc, for one), so each missing level is created on its own and the first failure surfaces.
 */
export async function makeDirectories(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let current = resolve(dir); ;) {
    const info = await stat(current).catch((error: NodeJS.ErrnoException) => error);
    if (!(info instanceof Error)) {
      if (!info.isDirectory()) throw Object.assign(new Error(`${current} is not a folder`), { code: 'ENOTDIR' });
      break;
    }
    if (info.code !== 'ENOENT') throw info;
    missing.push(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const folder of missing.reverse()) {
    await mkdir(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
}

function outputError(error: unknown, file: string): LecternError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
      ? 'not writable'
      : code === 'ENOTDIR'
        ? 'a parent of it is a file'
        : code === 'ENOENT'
          ? 'folders cannot be created there'
          : (code ?? String(error));
  return new LecternError(`cannot write the output (${reason})`, { exitCode: ExitCode.output, location: { file }, cause: error });
}
