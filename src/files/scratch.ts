/**
 * Private working folders for files that go when the command ends: under the system's temporary folder, or in memory
 * for a browser's profile.
 */
import { mkdtemp, realpath, statfs } from 'node:fs/promises';
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

/** Where Linux keeps files in memory. */
export const MEMORY_FOLDER = '/dev/shm';

/**
 * Room `MEMORY_FOLDER` must have free for a browser profile to go there: Chromium keeps its shared memory there too,
 * and a container's is often 64 MB. A profile of an export takes about 2 MB.
 */
export const MEMORY_ROOM = 512 * 1024 * 1024;

/**
 * A scratch folder in memory (`/dev/shm`) where Linux has one with room to spare, else as `scratchFolder` makes it.
 * For a browser's throwaway profile: Chromium writes its profile's databases through to the disk as it starts (about
 * 190 `fdatasync` calls), which on a disk-backed temporary folder here delayed its first tabs by about 50 ms.
 */
export async function memoryScratchFolder(prefix: string): Promise<string> {
  if (process.platform === 'linux') {
    try {
      const { bavail, bsize } = await statfs(MEMORY_FOLDER);
      if (bavail * bsize >= MEMORY_ROOM) return await realpath(await mkdtemp(join(MEMORY_FOLDER, prefix)));
    } catch {
      // No such folder, or not one this user may write: the temporary folder.
    }
  }
  return scratchFolder(prefix);
}
