import { mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../helpers/dev-server.js';
import { ROOT } from '../helpers/paths.js';
import { runCli } from '../helpers/cli.js';

const DECK = `---
title: Canal locks
---

## Gates

Mitre gates close against the water above them.

## Keepers

Lock keepers logged every boat that passed.
`;

const occurrences = (text: string, part: string): number => text.split(part).length - 1;

/** What a page holds between the opening of `.slides` and the deck's config: the slides. */
function slidesOf(page: string): string {
  const start = page.indexOf('<div class="slides">');
  const end = page.indexOf('<script type="application/json" id="lectern-config">');
  expect(start).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  return page.slice(start, end);
}

/** The inotify watches a process holds (Linux), one line per watched path in its inotify descriptors' fdinfo. */
function inotifyWatches(pid: number): number {
  let count = 0;
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    let target: string;
    try {
      target = readlinkSync(`/proc/${pid}/fd/${fd}`);
    } catch {
      continue; // closed meanwhile
    }
    if (target !== 'anon_inode:inotify') continue;
    count += occurrences(readFileSync(`/proc/${pid}/fdinfo/${fd}`, 'utf8'), 'inotify wd:');
  }
  return count;
}

describe('lectern dev: the page and what it watches', () => {
  let server: DevServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('serves the page as Vite transforms it, with the slides a build makes, once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lectern-dev-page-'));
    writeFileSync(join(dir, 'locks.md'), DECK);
    const built = await runCli(['build', join(dir, 'locks.md'), '--out', join(dir, 'site')]);
    expect(built.code).toBe(0);
    const slides = slidesOf(readFileSync(join(dir, 'site', 'index.html'), 'utf8'));
    expect(occurrences(slides, '<section')).toBeGreaterThan(3);
    server = await startDevServer(join(dir, 'locks.md'));
    const page = await (await fetch(server.url)).text();
    // Vite's client, which only its transform puts in, and the deck's own client.
    expect(page).toMatch(/<script type="module" src="\/@vite\/client"><\/script>/);
    expect(page).toContain('dev-client.ts');
    // The runtime a built deck runs, in one file, not its sources module by module.
    expect(page).toContain('<script src="/@lectern/lectern.js"></script>');
    const runtime = await fetch(new URL('@lectern/lectern.js', server.url));
    expect(runtime.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await runtime.text()).toBe(readFileSync(join(dir, 'site', 'assets', 'lectern.js'), 'utf8'));
    expect(slidesOf(page)).toBe(slides);
    expect(page).not.toContain('lectern:slides');
  }, 60_000);

  it('puts the slides in their place when the article writes the mark itself, in its title and its text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lectern-dev-page-'));
    const mark = '<!--lectern:slides-->';
    writeFileSync(
      join(dir, 'locks.md'),
      DECK.replace('title: Canal locks', `title: "Canal locks ${mark}"`).replace('## Keepers', `## Keepers\n\n${mark} Keepers wrote it down.`),
    );
    const built = await runCli(['build', join(dir, 'locks.md'), '--out', join(dir, 'site')]);
    expect(built.code).toBe(0);
    const slides = slidesOf(readFileSync(join(dir, 'site', 'index.html'), 'utf8'));
    server = await startDevServer(join(dir, 'locks.md'));
    const page = await (await fetch(server.url)).text();
    expect(slidesOf(page)).toBe(slides);
    expect(page.slice(0, page.indexOf('<div class="slides">'))).not.toContain(mark);
    expect(occurrences(page, '<div class="slides">')).toBe(1);
  }, 60_000);

  it('transforms the whole page when a custom deck template shows the slides twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lectern-dev-page-'));
    writeFileSync(join(dir, 'locks.md'), DECK);
    const templates = join(dir, 'templates');
    mkdirSync(templates);
    const deckTemplate = readFileSync(join(ROOT, 'templates', 'deck.hbs'), 'utf8');
    writeFileSync(join(templates, 'deck.hbs'), deckTemplate.replace('{{{slidesHtml}}}', '{{{slidesHtml}}}\n{{{slidesHtml}}}'));
    const built = await runCli(['build', join(dir, 'locks.md'), '--templates', templates, '--out', join(dir, 'site')]);
    expect(built.code).toBe(0);
    const slides = slidesOf(readFileSync(join(dir, 'site', 'index.html'), 'utf8'));
    server = await startDevServer(join(dir, 'locks.md'), ['--templates', templates]);
    const page = await (await fetch(server.url)).text();
    expect(page).toMatch(/<script type="module" src="\/@vite\/client"><\/script>/);
    expect(slidesOf(page)).toBe(slides);
    expect(page).not.toContain('lectern:slides');
  }, 60_000);

  it.skipIf(process.platform !== 'linux')(
    'watches the deck and its templates, not the folder it was started in',
    async () => {
      // Started in a folder of 60 others: Vite on its own watches its root, here that folder, and every folder in it.
      const cwd = mkdtempSync(join(tmpdir(), 'lectern-dev-cwd-'));
      for (let index = 0; index < 60; index++) {
        mkdirSync(join(cwd, `folder-${index}`));
        writeFileSync(join(cwd, `folder-${index}`, 'notes.txt'), 'unrelated\n');
      }
      writeFileSync(join(cwd, 'locks.md'), DECK);
      server = await startDevServer('locks.md', [], cwd);
      // Until the watches have settled: the first request is answered once the deck is built.
      await (await fetch(server.url)).text();
      await new Promise((resolve) => setTimeout(resolve, 500));
      const watches = inotifyWatches(server.process.pid!);
      // The deck's file and the built-in templates (each folder and file), with a little room: not the 120 in the folder.
      const templates = readdirSync(join(ROOT, 'templates'), { recursive: true }).length + 1;
      expect(watches).toBeGreaterThan(0);
      expect(watches).toBeLessThan(templates + 10);
      // And a save is still seen.
      writeFileSync(join(cwd, 'locks.md'), DECK.replace('Mitre gates', 'Swing bridges'));
      const deadline = Date.now() + 5_000;
      while (!server.output().includes('updated') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(server.output()).toMatch(/updated \d+ slides/);
    },
    60_000,
  );
});
