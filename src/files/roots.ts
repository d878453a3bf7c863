/**
 * The folders an article may make Lectern read: its own folder, plus roots the user allows (`--allow-root`, and a
 * config file's `roots:` once there is one). Every local file read on an article's behalf is checked here, after
 * resolving symlinks, so neither `../`, an absolute path nor a symlink can reach anything else.
 */
import { realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { ExitCode, LecternError } from '../errors.js';
import { isStandardInput } from '../article/stdin.js';

export interface FileAccess {
  /** Real path of the article's folder (the working folder for standard input). */
  articleDir: string;
  /** Real paths of every folder the article may make Lectern read: its own folder first, then allowed roots. */
  roots: string[];
}

/** The access of the article at `source` (`-` or `<stdin>` for standard input), with the extra allowed roots. */
export async function fileAccess(source: string, allowRoots: readonly string[] = []): Promise<FileAccess> {
  const folder = isStandardInput(source) ? process.cwd() : dirname(resolve(source));
  const articleDir = await realpath(folder).catch(() => resolve(folder));
  const roots = [articleDir];
  for (const root of allowRoots) {
    const real = await realpath(resolve(root)).catch(() => undefined);
    if (!real || !(await stat(real)).isDirectory()) {
      throw new LecternError(`--allow-root: no such folder: ${root}`, { exitCode: ExitCode.usage, hint: 'name a folder the article may read files from' });
    }
    if (!roots.includes(real)) roots.push(real);
  }
  return { articleDir, roots };
}

/** True when `path` is `root` or lies below it (both absolute and already real). */
export function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

export type Confined = { ok: true; file: string } | { ok: false; reason: 'outside' | 'missing' | 'not-a-file' };

/**
 * Resolves `path` (relative to `base`) through every symlink and accepts it only when the real path lies inside one
 * of `roots`. `kind` says whether a file or a folder is expected.
 */
export async function confine(path: string, base: string, roots: readonly string[], kind: 'file' | 'directory' = 'file'): Promise<Confined> {
  const real = await realpath(resolve(base, path)).catch(() => undefined);
  if (real === undefined) return { ok: false, reason: 'missing' };
  if (!roots.some((root) => isInside(real, root))) return { ok: false, reason: 'outside' };
  const info = await stat(real).catch(() => undefined);
  if (!info || (kind === 'file' ? !info.isFile() : !info.isDirectory())) return { ok: false, reason: kind === 'file' ? 'not-a-file' : 'missing' };
  return { ok: true, file: real };
}

/** How a refusal reads in a warning. */
export function refusalText(reason: 'outside' | 'missing' | 'not-a-file'): string {
  switch (reason) {
    case 'outside':
      return "it lies outside the article's folder (allow a folder with --allow-root DIR)";
    case 'missing':
      return 'no such file';
    case 'not-a-file':
      return 'it is not a file';
  }
}
