/**
 * A killed Chromium leaves its single-instance folder in the temporary folder; Lectern removes it through the
 * profile's link, and nothing else whatever the link points at.
 */
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeSingletonFolder } from '../../src/browser/cdp/process.js';
import { tempDir } from '../export/helpers.js';

/** A profile whose SingletonSocket links into `folder` (made, with `files` in it). */
function profileLinkingTo(root: string, folder: string, files: string[]): string {
  mkdirSync(folder, { recursive: true });
  for (const file of files) writeFileSync(join(folder, file), '');
  const profile = join(root, 'profile');
  mkdirSync(profile);
  symlinkSync(join(folder, 'SingletonSocket'), join(profile, 'SingletonSocket'));
  return profile;
}

describe('removeSingletonFolder', () => {
  it('removes the folder Chromium made for its socket', () => {
    const root = tempDir();
    const folder = join(root, 'org.chromium.Chromium.2zPz3d');
    removeSingletonFolder(profileLinkingTo(root, folder, ['SingletonSocket', 'SingletonCookie']));
    expect(existsSync(folder)).toBe(false);
  });

  it('leaves a folder that holds anything else, or is not named as Chromium names it', () => {
    const root = tempDir();
    const crowded = join(root, 'org.chromium.Chromium.a1b2c3');
    removeSingletonFolder(profileLinkingTo(root, crowded, ['SingletonSocket', 'notes.txt']));
    expect(existsSync(join(crowded, 'notes.txt'))).toBe(true);

    const other = tempDir();
    const plain = join(other, 'tmp');
    removeSingletonFolder(profileLinkingTo(other, plain, ['SingletonSocket']));
    expect(existsSync(plain)).toBe(true);
  });

  it('does nothing for a profile without the link', () => {
    const root = tempDir();
    expect(() => removeSingletonFolder(join(root, 'no-profile'))).not.toThrow();
  });
});
