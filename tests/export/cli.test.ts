import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/errors.js';
import { candidatePaths, findBrowser, SEARCH_PATHS_ENV } from '../../src/browser/finder.js';
import { parseSlideRange, pngName } from '../../src/export/png.js';
import { scriptElement } from '../../src/site/single-file.js';
import { withRevealOptions } from '../../src/browser/stage.js';
import { runCliInProcess as runCli } from '../helpers/cli.js';
import { SEED_ARTICLE, tempDir } from './helpers.js';

describe('finding a browser', () => {
  const saved = { chrome: process.env.CHROME_PATH, search: process.env[SEARCH_PATHS_ENV] };
  beforeEach(() => {
    delete process.env.CHROME_PATH;
    process.env[SEARCH_PATHS_ENV] = '';
  });
  afterEach(() => {
    for (const [name, value] of [
      ['CHROME_PATH', saved.chrome],
      [SEARCH_PATHS_ENV, saved.search],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('looks at --browser, then CHROME_PATH, then Playwright, then the usual paths', () => {
    const home = tempDir();
    const chrome = join(home, 'ms-playwright', 'chromium-1200', 'chrome-linux', 'chrome');
    mkdirSync(join(chrome, '..'), { recursive: true });
    writeFileSync(chrome, '#!/bin/sh\n');
    chmodSync(chrome, 0o755);
    const env = { CHROME_PATH: '/opt/custom/chrome', PLAYWRIGHT_BROWSERS_PATH: join(home, 'ms-playwright') };
    const paths = candidatePaths(env, 'linux');
    expect(paths.slice(0, 3)).toEqual(['/opt/custom/chrome', chrome, join(home, 'ms-playwright', 'chromium-1200', 'chrome-linux64', 'chrome')]);
    expect(paths).toContain('/usr/bin/chromium');
    expect(candidatePaths({}, 'darwin')).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    expect(candidatePaths({ PROGRAMFILES: 'C:\\Program Files' }, 'win32').some((path) => path.endsWith('msedge.exe'))).toBe(true);
    expect(findBrowser({ env: { [SEARCH_PATHS_ENV]: ['/nowhere/chrome', chrome].join(delimiter) } })).toBe(chrome);
    expect(findBrowser({ explicit: chrome })).toBe(chrome);
  });

  it('with none to be found, export says how to get one and exits 6', async () => {
    const { code, stderr } = await runCli(['export', SEED_ARTICLE, '--out', join(tempDir(), 'a.pdf')]);
    expect(code).toBe(ExitCode.noBrowser);
    expect(stderr).toMatch(/no Chrome, Chromium or Edge found/);
    expect(stderr).toMatch(/apt-get install chromium/);
    expect(stderr).toMatch(/CHROME_PATH/);
  });

  it('a --browser that is not there is the same error, named', async () => {
    const { code, stderr } = await runCli(['export', SEED_ARTICLE, '--format', 'png', '--browser', '/missing/chrome', '--out', tempDir()]);
    expect(code).toBe(ExitCode.noBrowser);
    expect(stderr).toMatch(/\/missing\/chrome/);
  });

  it('the single HTML file needs no browser at all', async () => {
    const { code } = await runCli(['export', SEED_ARTICLE, '--format', 'html', '--quiet', '--out', join(tempDir(), 'deck.html')]);
    expect(code).toBe(ExitCode.ok);
  });
});

describe('export options', () => {
  it('rejects options that do not fit the format', async () => {
    for (const args of [
      ['--format', 'png', '--notes'],
      ['--notes', '--handout'],
      ['--format', 'gif'],
      ['--format', 'pdf', '--scale', '2'],
      ['--slides', '0'],
    ]) {
      const { code } = await runCli(['export', SEED_ARTICLE, ...args]);
      expect(code, args.join(' ')).toBe(ExitCode.usage);
    }
  });

  it('parses --slides as 1-based numbers, ranges and commas', () => {
    expect(parseSlideRange('3-5, 1,4', 10)).toEqual([0, 2, 3, 4]);
    expect(() => parseSlideRange('0', 10)).toThrow(/1-10/);
    expect(() => parseSlideRange('4-2', 10)).toThrow();
    expect(() => parseSlideRange('11', 10)).toThrow();
    expect(pngName(0, 17)).toBe('001.png');
    expect(pngName(41, 1200)).toBe('0042.png');
  });

  it('inlines scripts so they cannot close their element early', () => {
    expect(scriptElement('var a = "</script>";').html).toBe('<script>var a = "<\\/script>";</script>');
    expect(scriptElement('var r = /<!--/;').html).toBe('<script>var r = /<\\!--/;</script>');
    // In a u-flag regular expression the escape would be a syntax error: carried as a data: URL instead, its hash
    // carried by `integrity` so the page's hash-only policy can allow it.
    const fallback = scriptElement('var r = /<!--/u;');
    expect(fallback.html).toMatch(/^<script src="data:text\/javascript;base64,[^"]+" integrity="sha256-[^"]+"><\/script>$/);
    expect(fallback.html).toContain(`integrity="${fallback.hash}"`);
  });

  it('overrides Reveal options in the page config without breaking it', () => {
    const html = '<script type="application/json" id="lectern-config">{"margin":0.04,"title":"a \\u003c/script\\u003e"}</script>';
    const out = withRevealOptions(html, { margin: 0 });
    const json = /id="lectern-config">(.*)<\/script>/.exec(out)?.[1] ?? '';
    expect(JSON.parse(json)).toEqual({ margin: 0, title: 'a </script>' });
    expect(json).not.toContain('</');
  });
});
