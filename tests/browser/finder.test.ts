/** Browser discovery over a made-up machine: PATH folders, a home folder and a Windows drive in a temp folder. */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { candidatePaths, findBrowser, SEARCH_PATHS_ENV } from '../../src/browser/finder.js';
import { ExitCode } from '../../src/errors.js';

const machines: string[] = [];
afterAll(() => {
  for (const root of machines) rmSync(root, { recursive: true, force: true });
});

function machine(): string {
  const root = mkdtempSync(join(tmpdir(), 'lectern-finder-test-'));
  machines.push(root);
  return root;
}

/** A file at `path`, executable unless told otherwise. */
function file(path: string, executable = true): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, executable ? 0o755 : 0o644);
  return path;
}

/** An environment that sees only the made-up machine's PATH and caches. */
function envOf(root: string, path: string[]): NodeJS.ProcessEnv {
  return { PATH: path.join(':'), XDG_CACHE_HOME: join(root, 'cache') };
}

describe('finding a browser on PATH', () => {
  it('takes the first browser name found on PATH, skipping files that are not executable and folders', () => {
    const root = machine();
    const [first, second] = [join(root, 'bin1'), join(root, 'bin2')];
    file(join(first, 'chromium'), false);
    mkdirSync(join(second, 'chromium-browser'), { recursive: true });
    const chrome = file(join(second, 'google-chrome'));
    file(join(first, 'brave-browser'));
    expect(findBrowser({ env: envOf(root, [first, second]), platform: 'linux', home: root })).toBe(chrome);
  });

  it('prefers a stable browser to another channel, and finds a channel when it is all there is', () => {
    const [alone, both] = [machine(), machine()];
    const beta = file(join(alone, 'bin', 'google-chrome-beta'));
    expect(findBrowser({ env: envOf(alone, [join(alone, 'bin')]), platform: 'linux', home: alone })).toBe(beta);
    // A search is remembered per list of places, so the second machine has its own.
    file(join(both, 'bin', 'google-chrome-beta'));
    const edge = file(join(both, 'bin', 'microsoft-edge'));
    expect(findBrowser({ env: envOf(both, [join(both, 'bin')]), platform: 'linux', home: both })).toBe(edge);
  });

  it('looks at PATH after CHROME_PATH and Playwright, and before the usual install folders', () => {
    const root = machine();
    const bin = join(root, 'bin');
    const playwright = file(join(root, 'cache', 'ms-playwright', 'chromium-1200', 'chrome-linux', 'chrome'));
    const paths = candidatePaths({ ...envOf(root, [bin, 'relative/bin']), CHROME_PATH: '/opt/custom/chrome' }, 'linux', root);
    expect(paths[0]).toBe('/opt/custom/chrome');
    expect(paths[1]).toBe(playwright);
    const onPath = paths.indexOf(join(bin, 'chromium'));
    expect(onPath).toBeGreaterThan(1);
    expect(paths.indexOf('/opt/google/chrome/chrome')).toBeGreaterThan(onPath);
    expect(paths).toContain(join(bin, 'brave-browser'));
    expect(paths.some((path) => path.startsWith('relative'))).toBe(false);
  });

  it(`${SEARCH_PATHS_ENV} replaces every place looked at, PATH included`, () => {
    const root = machine();
    const bin = join(root, 'bin');
    file(join(bin, 'chromium'));
    const env = { ...envOf(root, [bin]), [SEARCH_PATHS_ENV]: '' };
    expect(candidatePaths(env, 'linux', root)).toEqual([]);
    expect(() => findBrowser({ env, platform: 'linux', home: root, windowsDrive: join(root, 'no-drive') })).toThrow(
      expect.objectContaining({ exitCode: ExitCode.noBrowser }),
    );
  });
});

describe('finding a browser on macOS and Windows', () => {
  it('finds application bundles in ~/Applications, other channels included', () => {
    const home = machine();
    const canary = file(join(home, 'Applications', 'Google Chrome Canary.app', 'Contents', 'MacOS', 'Google Chrome Canary'));
    expect(findBrowser({ env: {}, platform: 'darwin', home })).toBe(canary);
    const paths = candidatePaths({}, 'darwin', home);
    expect(paths).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    expect(paths).toContain('/Applications/Microsoft Edge Beta.app/Contents/MacOS/Microsoft Edge Beta');
    expect(paths).toContain(join(home, 'Applications', 'Brave Browser.app', 'Contents', 'MacOS', 'Brave Browser'));
    // Stable Chrome in /Applications is looked at before a Canary in the home folder.
    expect(paths.indexOf('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome')).toBeLessThan(paths.indexOf(canary));
  });

  it('looks in Program Files and AppData for every channel, and on Path for their executables', () => {
    const env = { LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local', PROGRAMFILES: 'C:\\Program Files', Path: 'C:\\Tools;D:\\Browsers' };
    const paths = candidatePaths(env, 'win32', 'C:\\Users\\ada');
    expect(paths).toContain('C:\\Users\\ada\\AppData\\Local\\Google\\Chrome SxS\\Application\\chrome.exe');
    expect(paths).toContain('C:\\Program Files\\Google\\Chrome Beta\\Application\\chrome.exe');
    expect(paths).toContain('C:\\Program Files\\Microsoft\\Edge Dev\\Application\\msedge.exe');
    expect(paths).toContain('C:\\Program Files\\BraveSoftware\\Brave-Browser\\Application\\brave.exe');
    expect(paths).toContain('D:\\Browsers\\msedge.exe');
  });
});

describe('under WSL', () => {
  it('names a Windows browser it found but cannot drive, and says what to install instead', () => {
    const root = machine();
    const drive = join(root, 'mnt', 'c');
    const windowsChrome = file(join(drive, 'Users', 'ada', 'AppData', 'Local', 'Google', 'Chrome', 'Application', 'chrome.exe'));
    const env = { ...envOf(root, []), [SEARCH_PATHS_ENV]: '' };
    let message = '';
    try {
      findBrowser({ env, platform: 'linux', home: root, windowsDrive: drive });
    } catch (error) {
      expect(error).toMatchObject({ exitCode: ExitCode.noBrowser });
      message = String((error as { hint?: string }).hint);
    }
    expect(message).toContain(windowsChrome);
    expect(message).toMatch(/cannot drive from WSL.*apt-get install chromium/);
  });

  it('finds Windows browsers under Program Files too', () => {
    const root = machine();
    const drive = join(root, 'c');
    const edge = file(join(drive, 'Program Files (x86)', 'Microsoft', 'Edge', 'Application', 'msedge.exe'));
    expect(() => findBrowser({ env: { [SEARCH_PATHS_ENV]: '' }, platform: 'linux', home: root, windowsDrive: drive })).toThrow(
      expect.objectContaining({ hint: expect.stringContaining(edge) }),
    );
  });
});
