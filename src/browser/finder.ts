/** Finds a Chromium-family browser to drive; never downloads one. */
import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { ExitCode, LecternError } from '../errors.js';

/** Replaces the Playwright cache and platform paths with this list (path-delimited); set empty in tests for "none". */
export const SEARCH_PATHS_ENV = 'LECTERN_BROWSER_SEARCH_PATHS';

export interface FindBrowserOptions {
  /** `--browser PATH`: used as given, or an error when it is not an executable file. */
  explicit?: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}

const PLATFORM_PATHS: Partial<Record<NodeJS.Platform, string[]>> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
    '/snap/bin/chromium',
    '/opt/google/chrome/chrome',
  ],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    '/Applications/Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary',
  ],
};

function windowsPaths(env: NodeJS.ProcessEnv): string[] {
  const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']].filter((root): root is string => !!root);
  return roots.flatMap((root) => [
    join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
    join(root, 'Chromium', 'Application', 'chrome.exe'),
    join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
  ]);
}

/** Chromium builds installed by `npx playwright install`, newest first. */
function playwrightPaths(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] {
  const cache =
    env.PLAYWRIGHT_BROWSERS_PATH && env.PLAYWRIGHT_BROWSERS_PATH !== '0'
      ? env.PLAYWRIGHT_BROWSERS_PATH
      : platform === 'darwin'
        ? join(homedir(), 'Library', 'Caches', 'ms-playwright')
        : platform === 'win32'
          ? join(env.LOCALAPPDATA ?? homedir(), 'ms-playwright')
          : join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'ms-playwright');
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
  return folders.flatMap((folder) => inside.map((path) => join(cache, folder, path)));
}

/** Every place looked at, in order (without `--browser`). */
export function candidatePaths(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string[] {
  const fromEnv = env.CHROME_PATH ? [env.CHROME_PATH] : [];
  const override = env[SEARCH_PATHS_ENV];
  if (override !== undefined) return [...fromEnv, ...override.split(delimiter).filter(Boolean)];
  const platformPaths = platform === 'win32' ? windowsPaths(env) : (PLATFORM_PATHS[platform] ?? PLATFORM_PATHS.linux ?? []);
  return [...fromEnv, ...playwrightPaths(env, platform), ...platformPaths];
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
  const candidates = candidatePaths(env, platform);
  const key = candidates.join('\n');
  const cached = found.get(key);
  if (cached) return cached;
  const path = candidates.find(isExecutable);
  if (path === undefined) {
    throw new LecternError('no Chrome, Chromium or Edge found to export with', {
      exitCode: ExitCode.noBrowser,
      hint:
        (env.CHROME_PATH ? `CHROME_PATH=${env.CHROME_PATH} is not an executable; ` : '') +
        'install one (Debian/Ubuntu: `apt-get install chromium`; macOS/Windows: Google Chrome), ' +
        'or point CHROME_PATH or --browser at its executable',
    });
  }
  found.set(key, path);
  return path;
}
