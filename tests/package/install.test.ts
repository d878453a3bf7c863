/**
 * Lectern as a user gets it: `npm pack`, installed with `npm install --omit=dev` into an empty project outside the
 * repo, then the bin, the API, the type declarations and the Vite plugin used from there, with the installed package
 * made read-only and its files hashed before and after (as root, chmod alone does not stop writes).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/dev-server.js';
import { hashTree } from '../helpers/hash-tree.js';
import { ROOT } from '../helpers/paths.js';

const ARTICLE = `---
title: Tide Tables for Beginners
---

# Why tides matter

Harbour pilots plan every entry around the tide. A ship that arrives at low water may touch the bottom of the channel.

# Reading a table

Each row gives a time and a height. The height is measured from chart datum, the lowest water usually expected.
`;

const TYPED = `import { readDeck, defineConfig, LecternError, type Deck } from 'lectern';
import type { LecternPluginOptions } from 'lectern/vite';

const config = defineConfig({ theme: 'lectern', wpm: 150, export: { format: 'pdf', notes: true } });
const options: LecternPluginOptions = { source: 'article.md' };
const deck: Deck = await readDeck({ text: '# A\\n\\nOne sentence here.', format: 'markdown', name: 'a.md' }, config);
const title: string = deck.meta.title;
const code: number = new LecternError('x', { exitCode: 3 }).exitCode;
export { title, code, options };
`;

const VITE_CONFIG = `import { defineConfig } from 'vite';
import { lectern } from 'lectern/vite';

export default defineConfig({ plugins: [lectern({ source: 'article.md' })] });
`;

let work: string;
let project: string;
let installed: string;
let before: Record<string, string>;
const env = (): NodeJS.ProcessEnv => ({ ...process.env, XDG_CACHE_HOME: join(work, 'cache'), npm_config_update_notifier: 'false' });

function run(command: string, args: string[], cwd = project): string {
  return execFileSync(command, args, { cwd, env: env(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'lectern-install-'));
  // The global setup compiled lib/ already; `prepack` would compile it again in place while other test files run the CLI.
  run('npm', ['pack', '--ignore-scripts', '--pack-destination', work, '--silent'], ROOT);
  const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack wrote no tarball');
  project = join(work, 'project');
  execFileSync('mkdir', [project]);
  run('npm', ['init', '-y']);
  run('npm', ['install', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', join(work, tarball)]);
  installed = join(project, 'node_modules', 'lectern');
  writeFileSync(join(project, 'article.md'), ARTICLE);
  before = hashTree(installed);
  execFileSync('chmod', ['-R', 'a-w', installed]);
}, 600_000);

afterAll(() => {
  if (!work) return;
  if (installed && existsSync(installed)) execFileSync('chmod', ['-R', 'u+w', installed]);
  rmSync(work, { recursive: true, force: true });
});

describe('the package installed from its tarball', { timeout: 240_000 }, () => {
  it('ships what it runs on and nothing of the repo besides', () => {
    for (const file of [
      'bin/lectern.js',
      'lib/index.js',
      'lib/index.d.ts',
      'lib/vite/index.d.ts',
      'runtime/lectern.js',
      'runtime/stamp.txt',
      'templates/deck.hbs',
      'src/present/dev-client.ts',
    ]) {
      expect(existsSync(join(installed, file)), file).toBe(true);
    }
    for (const folder of ['tests', 'bench', 'slides', 'scripts']) expect(existsSync(join(installed, folder)), folder).toBe(false);
    const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { private?: boolean; scripts?: Record<string, string> };
    expect(pkg.private).toBeUndefined();
    expect(pkg.scripts?.prepare).toBeUndefined();
  });

  it('runs `npx lectern build`, `import` and `export --format html` there', () => {
    run('npx', ['lectern', 'build', 'article.md', '--out', 'site']);
    const html = readFileSync(join(project, 'site', 'index.html'), 'utf8');
    expect(html).toContain('Tide Tables for Beginners');
    expect(existsSync(join(project, 'site', 'assets', 'lectern.js'))).toBe(true);

    run('npx', ['lectern', 'import', 'article.md', '--out', 'explicit.md']);
    expect(readFileSync(join(project, 'explicit.md'), 'utf8')).toContain('<!-- slide:');

    run('npx', ['lectern', 'export', 'article.md', '--format', 'html', '--out', 'deck.html']);
    expect(readFileSync(join(project, 'deck.html'), 'utf8')).toContain('Reading a table');
  });

  it('runs `npx lectern check` and `export --format pdf` with the system browser', () => {
    const report = JSON.parse(run('npx', ['lectern', 'check', 'article.md', '--json'])) as { ok: boolean; slides: unknown[] };
    expect(report.ok).toBe(true);
    expect(report.slides.length).toBeGreaterThan(2);
    run('npx', ['lectern', 'export', 'article.md', '--out', 'deck.pdf', '--quiet']);
    expect(readFileSync(join(project, 'deck.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('answers `import("lectern")` with readDeck and build', () => {
    const script = `
      const { readDeck, build, LecternError } = await import('lectern');
      const deck = await readDeck('article.md', { wpm: 100 });
      const built = await build({ text: '# Moon\\n\\nThe moon pulls the sea.', name: 'moon.md' }, { out: 'api-site' });
      let code;
      try { await readDeck('missing.md'); } catch (error) { code = error instanceof LecternError ? error.exitCode : -1; }
      console.log(JSON.stringify({ title: deck.meta.title, wpm: deck.meta.wpm, index: built.index, slides: built.deck.slides.length, code }));
    `;
    const result = JSON.parse(run('node', ['--input-type=module', '-e', script])) as Record<string, unknown>;
    expect(result).toMatchObject({ title: 'Tide Tables for Beginners', wpm: 100, index: join('api-site', 'index.html'), code: 3 });
    expect(readFileSync(join(project, 'api-site', 'index.html'), 'utf8')).toContain('The moon pulls the sea');
  });

  it('type-checks a TypeScript file that imports readDeck, Deck and defineConfig', () => {
    writeFileSync(join(project, 'deck.ts'), TYPED);
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: [] },
        files: ['deck.ts'],
      }),
    );
    // package.json of `npm init` is CommonJS; top-level await needs the file to be a module.
    run('npm', ['pkg', 'set', 'type=module']);
    run(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json']);
    // And a wrong use is caught, so the check above is not vacuous.
    writeFileSync(join(project, 'deck.ts'), `${TYPED}\nconst wrong: number = (await readDeck('article.md')).meta.title;\nexport { wrong };\n`);
    const failure = (() => {
      try {
        run(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json']);
        return '';
      } catch (error) {
        return String((error as { stdout?: string }).stdout);
      }
    })();
    expect(failure).toMatch(/deck\.ts\(\d+,\d+\): error TS2322: Type 'string' is not assignable to type 'number'/);
  });

  it('serves the deck with `npx lectern dev`', async () => {
    const port = await freePort('127.0.0.1');
    await expectServed(['lectern', 'dev', 'article.md', '--port', String(port)], port);
  });

  it('serves the deck with `npx vite` and lectern/vite', async () => {
    writeFileSync(join(project, 'vite.config.ts'), VITE_CONFIG);
    const port = await freePort('127.0.0.1');
    await expectServed(['vite', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], port);
  });

  it('wrote nothing inside the installed package, nor to the cache (the shipped runtime is current)', () => {
    expect(hashTree(installed)).toEqual(before);
    expect(existsSync(join(work, 'cache', 'lectern'))).toBe(false);
  });

  it('rebuilds a runtime that does not match into the user cache, not into the read-only package', () => {
    // A copy of the project whose shipped runtime is stamped for other inputs.
    const stale = join(work, 'stale');
    execFileSync('cp', ['-a', project, stale]);
    const copy = join(stale, 'node_modules', 'lectern');
    execFileSync('chmod', ['-R', 'u+w', copy]);
    writeFileSync(join(copy, 'runtime', 'stamp.txt'), 'another-runtime\n');
    execFileSync('chmod', ['-R', 'a-w', copy]);
    const staleBefore = hashTree(copy);
    run('npx', ['lectern', 'build', 'article.md', '--out', 'rebuilt'], stale);
    expect(readFileSync(join(stale, 'rebuilt', 'index.html'), 'utf8')).toContain('Tide Tables for Beginners');
    const cached = readdirSync(join(work, 'cache', 'lectern'));
    expect(cached).toHaveLength(1);
    expect(cached[0]).toMatch(/^runtime-[0-9a-f]{16}$/);
    expect(readFileSync(join(stale, 'rebuilt', 'assets', 'lectern.js'))).toEqual(
      readFileSync(join(work, 'cache', 'lectern', cached[0] as string, 'lectern.js')),
    );
    expect(hashTree(copy)).toEqual(staleBefore);
    execFileSync('chmod', ['-R', 'u+w', copy]);
  });
});

/** Starts `npx ARGS` in the project, waits for the deck at 127.0.0.1:PORT and its dev client, then stops it. */
async function expectServed(args: string[], port: number): Promise<void> {
  const child = spawn('npx', args, { cwd: project, env: env(), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    const url = `http://127.0.0.1:${port}/`;
    let html = '';
    for (let attempt = 0; attempt < 120 && !html.includes('Tide Tables'); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      html = await fetch(url).then(
        (response) => response.text(),
        () => '',
      );
    }
    expect(html, output).toContain('Tide Tables for Beginners');
    const client = /<script type="module" src="([^"]*dev-client[^"]*)"/.exec(html)?.[1];
    expect(client, html).toBeDefined();
    const script = await fetch(new URL(client as string, url));
    expect(script.status, output).toBe(200);
    // Served as JavaScript: Vite compiled the shipped TypeScript entry.
    expect(await script.text()).not.toContain('interface DeckUpdate');
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    await exited;
  }
}
