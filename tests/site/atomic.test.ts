import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode, LecternError } from '../../src/errors.js';
import { makeDirectories, renameRetrying, writeDirectoryAtomically, writeFileAtomically } from '../../src/site/atomic.js';
import { OUTPUT_MARKER } from '../../src/site/output-guard.js';

const temp = (): string => mkdtempSync(join(tmpdir(), 'lectern-atomic-'));
const errno = (code: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: operation refused`), { code });

describe('writeDirectoryAtomically', () => {
  it('creates the folder and its parents, with the marker that lets the next run replace it', async () => {
    const target = join(temp(), 'a', 'b', 'site');
    await writeDirectoryAtomically(target, (staging) => writeFile(join(staging, 'index.html'), 'one'), { kind: 'site' });
    expect(readdirSync(target).sort()).toEqual([OUTPUT_MARKER, 'index.html']);
    expect(readFileSync(join(target, OUTPUT_MARKER), 'utf8')).toMatch(/^lectern-output 1 site\n/);
  });

  it('replaces its own previous output whole, leaving no staging folder behind', async () => {
    const parent = temp();
    const target = join(parent, 'site');
    await writeDirectoryAtomically(target, (staging) => writeFile(join(staging, 'old.html'), 'old'), { kind: 'site' });
    await writeDirectoryAtomically(target, (staging) => writeFile(join(staging, 'new.html'), 'new'), { kind: 'site' });
    expect(readdirSync(target).sort()).toEqual([OUTPUT_MARKER, 'new.html']);
    expect(readdirSync(parent)).toEqual(['site']);
  });

  it('leaves the previous output exactly as it was when filling fails', async () => {
    const parent = temp();
    const target = join(parent, 'site');
    await writeDirectoryAtomically(target, (staging) => writeFile(join(staging, 'index.html'), 'kept'), { kind: 'site' });
    const failing = writeDirectoryAtomically(
      target,
      async (staging) => {
        await writeFile(join(staging, 'index.html'), 'half');
        throw new Error('the template broke');
      },
      { kind: 'site' },
    );
    await expect(failing).rejects.toThrow(/cannot write the output/);
    expect(readFileSync(join(target, 'index.html'), 'utf8')).toBe('kept');
    expect(readdirSync(parent)).toEqual(['site']);
  });

  it('refuses a folder it did not write (exit 5) unless forced', async () => {
    const target = join(temp(), 'photos');
    mkdirSync(target);
    writeFileSync(join(target, 'holiday.jpg'), 'mine');
    const fill = (staging: string): Promise<void> => writeFile(join(staging, 'index.html'), 'deck');
    await expect(writeDirectoryAtomically(target, fill, { kind: 'site' })).rejects.toMatchObject({ exitCode: ExitCode.output });
    expect(readdirSync(target)).toEqual(['holiday.jpg']);
    await writeDirectoryAtomically(target, fill, { kind: 'site', force: true });
    expect(readdirSync(target).sort()).toEqual([OUTPUT_MARKER, 'index.html']);
  });

  it('refuses a path that is a file, naming it', async () => {
    const target = join(temp(), 'site');
    writeFileSync(target, 'a file');
    const error = await writeDirectoryAtomically(target, async () => undefined, { kind: 'site', force: true }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LecternError);
    expect(error).toMatchObject({ exitCode: ExitCode.output, location: { file: target } });
    expect(readFileSync(target, 'utf8')).toBe('a file');
  });
});

describe('writeFileAtomically', () => {
  it('writes through a temporary sibling and leaves only the file', async () => {
    const dir = temp();
    const target = join(dir, 'deep', 'talk.html');
    await writeFileAtomically(target, (temporary) => writeFile(temporary, '<html>'));
    expect(readFileSync(target, 'utf8')).toBe('<html>');
    expect(readdirSync(join(dir, 'deep'))).toEqual(['talk.html']);
  });

  it('keeps the old file and removes the temporary one when writing fails', async () => {
    const dir = temp();
    const target = join(dir, 'talk.html');
    writeFileSync(target, 'before');
    const failing = writeFileAtomically(target, async (temporary) => {
      await writeFile(temporary, 'partial');
      throw errno('ENOSPC');
    });
    await expect(failing).rejects.toThrow(/cannot write the output \(ENOSPC\)/);
    expect(readFileSync(target, 'utf8')).toBe('before');
    expect(readdirSync(dir)).toEqual(['talk.html']);
  });

  it('refuses a folder in the way', async () => {
    const target = join(temp(), 'talk.pdf');
    mkdirSync(target);
    await expect(writeFileAtomically(target, async () => undefined)).rejects.toThrow(/is a folder/);
  });
});

describe('makeDirectories', () => {
  it('creates every missing level and accepts folders that exist', async () => {
    const root = temp();
    await makeDirectories(join(root, 'x', 'y', 'z'));
    await makeDirectories(join(root, 'x', 'y'));
    expect(existsSync(join(root, 'x', 'y', 'z'))).toBe(true);
  });

  it('fails with ENOTDIR when a parent is a file', async () => {
    const root = temp();
    writeFileSync(join(root, 'file'), '');
    await expect(makeDirectories(join(root, 'file', 'below'))).rejects.toMatchObject({ code: 'ENOTDIR' });
  });
});

describe('renameRetrying', () => {
  /** A rename that fails with `code` the first `failures` times, then succeeds; records its calls and the waits. */
  function flaky(code: string, failures: number): { calls: string[][]; waits: number[]; options: Parameters<typeof renameRetrying>[2] } {
    const calls: string[][] = [];
    const waits: number[] = [];
    return {
      calls,
      waits,
      options: {
        rename: async (from, to) => {
          calls.push([from, to]);
          if (calls.length <= failures) throw errno(code);
        },
        wait: async (milliseconds) => void waits.push(milliseconds),
      },
    };
  }

  it.each(['EPERM', 'EBUSY', 'EACCES'])('retries on Windows while another program holds the file (%s)', async (code) => {
    const { calls, waits, options } = flaky(code, 3);
    await renameRetrying('a.tmp', 'a.pdf', { ...options, platform: 'win32' });
    expect(calls).toHaveLength(4);
    expect(waits).toEqual([50, 100, 150]);
  });

  it('gives up on Windows with a hint to close the file, exit 5', async () => {
    const { calls, options } = flaky('EBUSY', Infinity);
    const error = await renameRetrying('a.tmp', 'C:\\talks\\a.pdf', { ...options, platform: 'win32' }).catch((caught: unknown) => caught);
    expect(calls.length).toBeGreaterThan(1);
    expect(error).toBeInstanceOf(LecternError);
    expect(error).toMatchObject({ exitCode: ExitCode.output, location: { file: 'C:\\talks\\a.pdf' } });
    expect((error as LecternError).hint).toMatch(/close the file/);
  });

  it('does not retry elsewhere, nor other errors on Windows', async () => {
    const linux = flaky('EBUSY', 1);
    await expect(renameRetrying('a', 'b', { ...linux.options, platform: 'linux' })).rejects.toMatchObject({ code: 'EBUSY' });
    expect(linux.calls).toHaveLength(1);
    const missing = flaky('ENOENT', 1);
    await expect(renameRetrying('a', 'b', { ...missing.options, platform: 'win32' })).rejects.toMatchObject({ code: 'ENOENT' });
    expect(missing.calls).toHaveLength(1);
  });
});
