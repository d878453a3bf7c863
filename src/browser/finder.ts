/**
 * Finds a Chromium-family browser to drive; never downloads one.
 *
 * Written here rather than taken from `chrome-launcher`'s finders: those look for Google Chrome and Chromium only
 * (no Edge, Brave, or Chrome's Beta and Dev channels), shell out to `which`, `grep`, `awk` and macOS's `lsregister`,
 * read and even rewrite `process.env` (under WSL), and so cannot be pointed at a test's own PATH and home folder.
 * Here every place looked at is a plain path, computed from the environment handed in, in a fixed order.
 */
import { accessSync, constants, readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';
import { ExitCode, LecternError } from '../errors.js';

/** Replaces the Playwright cache, PATH and platform paths with this list (path-delimited); set empty in tests for "none". */
export const SEARCH_PATHS_ENV = 'LECTERN_BROWSER_SEARCH_PATHS';

export interface FindBrowserOptions {
  /** `--browser PATH`: used as given, or an error when it is not an executable file. */
  explicit?: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /** The user's home folder (for `~/Applications` on macOS and Playwright's cache). */
  home?: string;
  /** Under WSL, where Windows' drive C: is mounted (`/mnt/c`); none elsewhere. */
  windowsDrive?: string;
}

/** Executable names looked up on PATH, stable channels first. */
const PATH_NAMES = {
  unix: [
    'chromium',
    'chromium-browser',
    'google-chrome',
    'google-chrome-stable',
    'chrome',
    'microsoft-edge',
    'microsoft-edge-stable',
    'brave-browser',
    'google-chrome-beta',
    'google-chrome-unstable',
    'google-chrome-canary',
    'microsoft-edge-beta',
    'microsoft-edge-dev',
    'brave-browser-beta',
    'brave-browser-nightly',
  ],
  windows: ['chrome.exe', 'msedge.exe', 'brave.exe', 'chromium.exe'],
};

const LINUX_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/microsoft-edge',
  '/usr/bin/microsoft-edge-stable',
  '/usr/bin/brave-browser',
  '/snap/bin/chromium',
  '/opt/google/chrome/chrome',
  '/opt/microsoft/msedge/msedge',
  '/opt/brave.com/brave/brave',
  '/opt/google/chrome-beta/chrome',
  '/opt/google/chrome-unstable/chrome',
  '/opt/google/chrome-canary/chrome',
  '/opt/microsoft/msedge-beta/msedge',
  '/opt/microsoft/msedge-dev/msedge',
];

/** macOS application bundles (the executable inside is named as the bundle), stable channels first. */
const MAC_APPS = [
  'Google Chrome',
  'Chromium',
  'Microsoft Edge',
  'Brave Browser',
  'Google Chrome Beta',
  'Google Chrome Dev',
  'Google Chrome Canary',
  'Microsoft Edge Beta',
  'Microsoft Edge Dev',
  'Microsoft Edge Canary',
  'Brave Browser Beta',
  'Brave Browser Nightly',
];

/** Below a Windows install root (Program Files, or the user's AppData\Local); `SxS` is the Canary channel. */
const WINDOWS_INSTALLS = [
  ['Google', 'Chrome', 'Application', 'chrome.exe'],
  ['Chromium', 'Application', 'chrome.exe'],
  ['Microsoft', 'Edge', 'Application', 'msedge.exe'],
  ['BraveSoftware', 'Brave-Browser', 'Application', 'brave.exe'],
  ['Google', 'Chrome Beta', 'Application', 'chrome.exe'],
  ['Google', 'Chrome Dev', 'Application', 'chrome.exe'],
  ['Google', 'Chrome SxS', 'Application', 'chrome.exe'],
  ['Microsoft', 'Edge Beta', 'Application', 'msedge.exe'],
  ['Microsoft', 'Edge Dev', 'Application', 'msedge.exe'],
  ['Microsoft', 'Edge SxS', 'Application', 'msedge.exe'],
];

function pathApi(platform: NodeJS.Platform): typeof posix {
  return platform === 'win32' ? win32 : posix;
}

/** Each browser name in each PATH folder, in PATH's order per name, as `which` would look. */
function pathEntries(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] {
  const path = pathApi(platform);
  // Windows spells it `Path`; Node's env object ignores the case there, a plain object does not.
  const value = env.PATH ?? env.Path ?? '';
  const folders = value.split(path.delimiter).filter((folder) => folder !== '' && path.isAbsolute(folder));
  const names = platform === 'win32' ? PATH_NAMES.windows : PATH_NAMES.unix;
  return names.flatMap((name) => folders.map((folder) => path.join(folder, name)));
}

function macPaths(home: string): string[] {
  return ['/Applications', posix.join(home, 'Applications')].flatMap((root) => MAC_APPS.map((app) => posix.join(root, `${app}.app`, 'Contents', 'MacOS', app)));
}

function windowsPaths(env: NodeJS.ProcessEnv): string[] {
  const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']].filter((root): root is string => !!root);
  return roots.flatMap((root) => WINDOWS_INSTALLS.map((parts) => win32.join(root, ...parts)));
}

/** Windows' own browsers seen from WSL: under Program Files and each user's AppData\Local on drive C:. */
function wslWindowsPaths(drive: string): string[] {
  let users: string[];
  try {
    users = readdirSync(posix.join(drive, 'Users')).sort();
  } catch {
    users = [];
  }
  const roots = [
    posix.join(drive, 'Program Files'),
    posix.join(drive, 'Program Files (x86)'),
    ...users.map((user) => posix.join(drive, 'Users', user, 'AppData', 'Local')),
  ];
  return roots.flatMap((root) => WINDOWS_INSTALLS.map((parts) => posix.join(root, ...parts)));
}

/** Chromium builds installed by `npx playwright install`, newest first. */
function playwrightPaths(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): string[] {
  const path = pathApi(platform);
  const cache =
    env.PLAYWRIGHT_BROWSERS_PATH && env.PLAYWRIGHT_BROWSERS_PATH !== '0'
      ? env.PLAYWRIGHT_BROWSERS_PATH
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Caches', 'ms-playwright')
        : platform === 'win32'
          ? path.join(env.LOCALAPPDATA ?? home, 'ms-playwright')
          : path.join(env.XDG_CACHE_HOME ?? path.join(home, '.cache'), 'ms-playwright');
  let folders: string[];
  try {
    folders = readdirSync(cache).filter((name) => /^chromium-\d+$/.test(name));
  } catch {
    return [];
  }
  folders.sort((a, b) => Number(b.split('-')[1]) - Number(a.split('-')[1]));
  const inside =
    platform === 'darwin'
      ? ['chrome-mac/Chromium.app/Contents/MacOS/Chromium', 'chrome-mac-arm64/Chromium.app/Contents/MacOS/Chromium']
      : platform === 'win32'
        ? ['chrome-win/chrome.exe', 'chrome-win64/chrome.exe']
        : ['chrome-linux/chrome', 'chrome-linux64/chrome'];
  return folders.flatMap((folder) => inside.map((file) => path.join(cache, folder, file)));
}

/** True under Windows' Subsystem for Linux, where drive C: is usually mounted at /mnt/c. */
function runsUnderWsl(env: NodeJS.ProcessEnv): boolean {
  if (env.WSL_DISTRO_NAME) return true;
  try {
    return /microsoft/i.test(readFileSync('/proc/version', 'utf8'));
  } catch {
    return false;
  }
}

function windowsDriveOf(options: FindBrowserOptions, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | undefined {
  if (options.windowsDrive !== undefined) return options.windowsDrive;
  return platform === 'linux' && runsUnderWsl(env) ? '/mnt/c' : undefined;
}

/**
 * Every place looked at, in order (without `--browser`): CHROME_PATH, Playwright's Chromium, PATH, then the
 * platform's install folders. Windows' browsers seen from WSL are not among them (see `findBrowser`).
 */
export function candidatePaths(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = homedir()): string[] {
  const fromEnv = env.CHROME_PATH ? [env.CHROME_PATH] : [];
  const override = env[SEARCH_PATHS_ENV];
  if (override !== undefined) return [...fromEnv, ...override.split(pathApi(platform).delimiter).filter(Boolean)];
  const installed = platform === 'win32' ? windowsPaths(env) : platform === 'darwin' ? macPaths(home) : LINUX_PATHS;
  return [...new Set([...fromEnv, ...playwrightPaths(env, platform, home), ...pathEntries(env, platform), ...installed])];
}

function isExecutable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const found = new Map<string, string>();

/** The browser's executable path; memoised per search so repeated exports look once. */
export function findBrowser(options: FindBrowserOptions = {}): string {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  if (options.explicit !== undefined) {
    if (isExecutable(options.explicit)) return options.explicit;
    throw new LecternError(`no browser at --browser ${options.explicit}`, {
      exitCode: ExitCode.noBrowser,
      hint: 'give the path of a Chrome, Chromium or Edge executable',
    });
  }
  const candidates = candidatePaths(env, platform, options.home ?? homedir());
  const key = candidates.join('\n');
  const cached = found.get(key);
  if (cached) return cached;
  const path = candidates.find(isExecutable);
  if (path === undefined) {
    // A Windows browser cannot be driven from WSL: it gets no DevTools pipe across the boundary (only standard
    // input and output cross it), and cannot open the Linux paths of the profile and the staged deck. It is looked
    // for only to say so.
    const drive = windowsDriveOf(options, env, platform);
    const windows = drive === undefined ? undefined : wslWindowsPaths(drive).find(isExecutable);
    throw new LecternError('no Chrome, Chromium or Edge found to export with', {
      exitCode: ExitCode.noBrowser,
      hint:
        (env.CHROME_PATH ? `CHROME_PATH=${env.CHROME_PATH} is not an executable; ` : '') +
        (windows ? `${windows} is a Windows browser, which Lectern cannot drive from WSL; install one inside WSL (\`apt-get install chromium\`), ` : '') +
        'install one (Debian/Ubuntu: `apt-get install chromium`; macOS/Windows: Google Chrome), ' +
        'or point CHROME_PATH or --browser at its executable',
    });
  }
  found.set(key, path);
  return path;
}
