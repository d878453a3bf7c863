import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build, defineConfig, ExitCode, exportDeck, LecternError, readDeck } from '../../src/index.js';
import { runCli } from '../helpers/cli.js';

const ARTICLE = `---
title: Bread at Home
---

# Flour

Strong flour holds more water. The dough it makes stretches further before it tears.

# Time

A long, cool rise gives the yeast time to build flavour. An hour in the fridge slows it down a great deal.
`;

const work = mkdtempSync(join(tmpdir(), 'lectern-api-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the programming interface', () => {
  it('reads a deck from text as `build --json` prints it from the same file', async () => {
    const file = join(work, 'bread.md');
    writeFileSync(file, ARTICLE);
    const fromFile = await readDeck(file, { wpm: 120 });
    const fromText = await readDeck({ text: ARTICLE, format: 'markdown', name: file }, { wpm: 120 });
    expect(fromText).toEqual(fromFile);
    const cli = await runCli(['build', file, '--json', '--wpm', '120']);
    expect(JSON.parse(cli.stdout)).toEqual(fromFile);
    expect(fromFile.meta.wpm).toBe(120);
  });

  it('builds a site and exports one HTML file', async () => {
    const built = await build({ text: ARTICLE, name: join(work, 'text.md') }, { out: join(work, 'site'), duration: '5m' });
    expect(built.index).toBe(join(work, 'site', 'index.html'));
    expect(readFileSync(built.index, 'utf8')).toContain('Bread at Home');
    expect(built.deck.meta.duration).toBe(300);
    const exported = await exportDeck({ text: ARTICLE, name: join(work, 'text.md') }, { format: 'html', out: join(work, 'one.html') });
    expect(exported.files).toEqual([join(work, 'one.html')]);
    expect(readFileSync(join(work, 'one.html'), 'utf8')).toContain('A long, cool rise');
  });

  it('throws LecternError with the CLI exit codes', async () => {
    await expect(readDeck(join(work, 'missing.md'))).rejects.toMatchObject({ name: 'LecternError', exitCode: ExitCode.input });
    await expect(readDeck({ text: ARTICLE }, { wpm: 5 })).rejects.toBeInstanceOf(LecternError);
    await expect(readDeck({ text: ARTICLE }, { wpm: 5 })).rejects.toMatchObject({ exitCode: ExitCode.usage });
    await expect(exportDeck({ text: ARTICLE }, { format: 'docx' as 'pdf', out: join(work, 'x') })).rejects.toMatchObject({ exitCode: ExitCode.usage });
    expect(existsSync(join(work, 'x'))).toBe(false);
  });

  it('replaces a folder of files it did not write only with force', async () => {
    const out = join(work, 'taken');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    await expect(build({ text: ARTICLE, name: join(work, 'text.md') }, { out })).rejects.toMatchObject({ exitCode: ExitCode.output });
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
    await build({ text: ARTICLE, name: join(work, 'text.md') }, { out, force: true });
    expect(existsSync(join(out, 'notes.txt'))).toBe(false);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
  });

  it('builds a deck whose image is missing with a warning, and refuses it with `strict`', async () => {
    const folder = join(work, 'missing-image');
    mkdirSync(folder);
    const file = join(folder, 'oven.md');
    writeFileSync(file, '## The oven\n\n![A bread oven with its door open](img/oven.jpg)\n');
    const built = await build(file, { out: join(folder, 'site') });
    expect(built.warnings.map((warning) => [warning.location?.line, warning.message])).toEqual([
      [3, expect.stringMatching(/^image "img\/oven\.jpg" left out: no such file/)],
    ]);
    expect(readFileSync(built.index, 'utf8')).toContain('aria-label="A bread oven with its door open"');
    const error = await build(file, { out: join(folder, 'strict'), strict: true }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LecternError);
    expect((error as LecternError).exitCode).toBe(ExitCode.input);
    expect(existsSync(join(folder, 'strict'))).toBe(false);
  });

  it('defineConfig returns its argument', () => {
    const config = { theme: 'white', wpm: 130, export: { format: 'png' as const, scale: 1 } };
    expect(defineConfig(config)).toBe(config);
  });
});
