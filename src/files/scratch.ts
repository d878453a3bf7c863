/** Private working folders under the system's temporary folder, for files that go when the command ends. */
import { mkdtemp, realpath } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExitCode, LecternError } from '../errors.js';

/** Why a folder could not be made in it, as the system's error codes say. */
const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'it does not exist',
  ENOTDIR: 'it is not a folder',
  EACCES: 'it cannot be written',
  EPERM: 'it cannot be written',
  EROFS: 'it is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
};

/**
 * A new folder `<tmpdir>/<prefix>XXXXXX`, its real path (a browser given a symlinked path may refuse what lies under
 * it). A temporary folder that is missing, full or read-only is the machine's setting, not a bug: it is named, with
 * the variable that chooses it.
 */
export async function scratchFolder(prefix: string): Promise<string> {
  const parent = tmpdir();
  try {
    return await realpath(await mkdtemp(join(parent, prefix)));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = REASONS[code ?? ''] ?? (error as Error).message;
    throw new LecternError(`cannot make a working folder in the temporary folder ${parent}: ${reason}`, {
      exitCode: ExitCode.output,
      hint: 'set TMPDIR to a folder that exists and can be written',
      cause: error,
    });
  }
}
