/**
 * `--out` never deletes or overwrites a user's files: through the real CLI, each refused case exits 5 with a message
 * naming the place and changes nothing in the whole project (hashed before and after); a previous Lectern output is
 * replaced as before; `--force` replaces foreign folders and files, but never the source or a folder holding it.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.js';
import { hasBrowser } from '../helpers/browser.js';
import { hashTree } from '../helpers/hash-tree.js';

const deck = (title: string): string => `---\ntitle: ${title}\n---\n\n## The point\n\nOne short section says what ${title} is about, in a few words.\n`;

/** A project as a user keeps it: decks in slides/, an article in a/ beside its notes, an empty folder c/. */
function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'lectern-out-'));
  mkdirSync(join(root, 'slides'));
  writeFileSync(join(root, 'slides', 'first.md'), deck('First'));
  writeFileSync(join(root, 'slides', 'second.md'), deck('Second'));
  mkdirSync(join(root, 'a'));
  writeFileSync(join(root, 'a', 'talk.md'), deck('Talk'));
  writeFileSync(join(root, 'a', 'notes.txt'), 'my own notes\n');
  mkdirSync(join(root, 'c'));
  writeFileSync(join(root, 'c', 'todo.txt'), 'things to do\n');
  return root;
}

/** Runs the CLI in `cwd` and checks that it refused with exit 5, naming `place`, and changed nothing under `root`. */
async function expectRefused(root: string, args: string[], place: RegExp, cwd = root): Promise<CliResult> {
  const before = hashTree(root);
  const listing = readdirSync(root).sort();
  const result = await runCli(args, { cwd });
  expect(result.code, result.stderr).toBe(5);
  expect(result.stderr).toMatch(place);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(hashTree(root)).toEqual(before);
  expect(readdirSync(root).sort()).toEqual(listing);
  return result;
}

describe('--out never replaces what Lectern did not write', () => {
  it('PNG export onto a folder of decks (the README example) is refused, even with --force, as the folder holds the source', async () => {
    const root = project();
    const refused = await expectRefused(
      root,
      ['export', 'slides/first.md', '--format', 'png', '--out', 'slides/'],
      /slides\/?: the output folder holds the source/,
    );
    expect(refused.stderr).toMatch(/never writes over it/);
    await expectRefused(root, ['export', 'slides/first.md', '--format', 'png', '--out', 'slides/', '--force'], /holds the source/);
  });

  it('PNG export onto a folder of other files exits 5 naming --force', async () => {
    const root = project();
    const result = await expectRefused(
      root,
      ['export', 'a/talk.md', '--format', 'png', '--out', 'slides'],
      /slides: the output folder holds files Lectern did not write \(first\.md, second\.md\)/,
    );
    expect(result.stderr).toMatch(/--force/);
  });

  it("a build into the article's own folder is refused, with or without --force", async () => {
    const root = project();
    await expectRefused(root, ['build', 'a/talk.md', '--out', 'a'], /^lectern: a: the output folder holds the source a\/talk\.md/);
    await expectRefused(root, ['build', 'a/talk.md', '--out', 'a', '--force'], /holds the source/);
    await expectRefused(root, ['build', 'a/talk.md', '--out', '.'], /holds the source/);
  });

  it('--out ../c from inside c (the working folder) is refused, with or without --force; so is an ancestor of it', async () => {
    const root = project();
    const c = join(root, 'c');
    await expectRefused(root, ['build', '../a/talk.md', '--out', '../c'], /\.\.\/c: the output folder is the working folder/, c);
    await expectRefused(root, ['build', '../a/talk.md', '--out', '../c', '--force'], /is the working folder/, c);
    await expectRefused(root, ['build', join(root, 'a', 'talk.md'), '--out', '.', '--force'], /is the working folder/, c);
    await expectRefused(root, ['build', join(root, 'a', 'talk.md'), '--out', '..', '--force'], /holds the (source|working folder)/, c);
  });

  it('a folder of foreign files exits 5 and keeps them; --force replaces it; a previous output is replaced as before', async () => {
    const root = project();
    await expectRefused(root, ['build', 'a/talk.md', '--out', 'c'], /c: the output folder holds files Lectern did not write \(todo\.txt\).*--force/);
    const forced = await runCli(['build', 'a/talk.md', '--out', 'c', '--force'], { cwd: root });
    expect(forced.code, forced.stderr).toBe(0);
    expect(existsSync(join(root, 'c', 'todo.txt'))).toBe(false);
    expect(readFileSync(join(root, 'c', '.lectern-output'), 'utf8')).toMatch(/^lectern-output 1 site\n/);

    // An earlier output (it holds the marker) is replaced without --force, and an empty folder is used as it is.
    writeFileSync(join(root, 'a', 'talk.md'), deck('Talk, second draft'));
    const again = await runCli(['build', 'a/talk.md', '--out', 'c'], { cwd: root });
    expect(again.code, again.stderr).toBe(0);
    expect(readFileSync(join(root, 'c', 'index.html'), 'utf8')).toContain('Talk, second draft');
    mkdirSync(join(root, 'empty'));
    expect((await runCli(['build', 'a/talk.md', '--out', 'empty'], { cwd: root })).code).toBe(0);

    // A marker that is not Lectern's (wrong text, or a link to elsewhere) does not count.
    mkdirSync(join(root, 'fake'));
    writeFileSync(join(root, 'fake', '.lectern-output'), 'not really\n');
    writeFileSync(join(root, 'fake', 'keep.txt'), 'keep\n');
    await expectRefused(root, ['build', 'a/talk.md', '--out', 'fake'], /holds files Lectern did not write/);
    mkdirSync(join(root, 'linked'));
    writeFileSync(join(root, 'linked', 'keep.txt'), 'keep\n');
    symlinkSync(join(root, 'c', '.lectern-output'), join(root, 'linked', '.lectern-output'));
    await expectRefused(root, ['build', 'a/talk.md', '--out', 'linked'], /holds files Lectern did not write/);
    // A link to a previous output is not replaced through the link.
    symlinkSync(join(root, 'c'), join(root, 'to-c'));
    await expectRefused(root, ['build', 'a/talk.md', '--out', 'to-c'], /to-c: output path is a symbolic link/);
    // A link to the article's folder is the article's folder.
    symlinkSync(join(root, 'a'), join(root, 'to-a'));
    await expectRefused(root, ['build', 'a/talk.md', '--out', 'to-a/', '--force'], /holds the source/);
  });

  it('never writes an export onto its source, with or without --force', async () => {
    const root = project();
    await expectRefused(root, ['export', 'a/talk.md', '--out', 'a/talk.md'], /a\/talk\.md: the output file is the source a\/talk\.md/);
    await expectRefused(root, ['export', 'a/talk.md', '--format', 'html', '--out', 'a/talk.md', '--force'], /is the source/);
    await expectRefused(root, ['export', 'a/talk.md', '--format', 'html', '--out', 'a/../a/talk.md'], /is the source/);
    await expectRefused(root, ['import', 'a/talk.md', '--out', 'a/talk.md', '--force'], /is the source/);
  });

  it('a single file overwrites only a file of its own type; --force overwrites any other', async () => {
    const root = project();
    await expectRefused(
      root,
      ['export', 'a/talk.md', '--format', 'html', '--out', 'a/notes.txt'],
      /a\/notes\.txt: the output file exists and is not an HTML file.*--force/,
    );
    // The extension says PDF but the bytes do not: still refused.
    writeFileSync(join(root, 'c', 'draft.pdf'), 'a text file with the wrong name\n');
    await expectRefused(root, ['export', 'a/talk.md', '--out', 'c/draft.pdf'], /c\/draft\.pdf: the output file exists and is not a PDF/);
    await expectRefused(root, ['import', 'a/talk.md', '--out', 'c/todo.txt'], /is not a Markdown file/);

    const first = await runCli(['export', 'a/talk.md', '--format', 'html', '--out', 'talk.html'], { cwd: root });
    expect(first.code, first.stderr).toBe(0);
    const second = await runCli(['export', 'a/talk.md', '--format', 'html', '--out', 'talk.html'], { cwd: root });
    expect(second.code, second.stderr).toBe(0);
    const forced = await runCli(['export', 'a/talk.md', '--format', 'html', '--out', 'a/notes.txt', '--force'], { cwd: root });
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(join(root, 'a', 'notes.txt'), 'utf8')).toMatch(/^<!doctype html>/i);
  });

  it('builds a deck named `..md` into dist/deck, not over dist/ itself', async () => {
    const root = project();
    writeFileSync(join(root, 'slides', '..md'), deck('Dots'));
    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'dist', 'keep.txt'), 'keep\n');
    const all = await runCli(['build'], { cwd: root });
    expect(all.code, all.stderr).toBe(0);
    expect(readFileSync(join(root, 'dist', 'keep.txt'), 'utf8')).toBe('keep\n');
    expect(readFileSync(join(root, 'dist', 'deck', 'index.html'), 'utf8')).toContain('Dots');
    expect(readFileSync(join(root, 'dist', 'index.html'), 'utf8')).toContain('deck/index.html');
    const one = await runCli(['build', 'slides/..md'], { cwd: root });
    expect(one.code, one.stderr).toBe(0);
    expect(readFileSync(join(root, 'dist', 'keep.txt'), 'utf8')).toBe('keep\n');
    const pdfName = await runCli(['export', 'slides/...md', '--format', 'html'], { cwd: root });
    expect(pdfName.code).toBe(3); // no such file: the name alone never reaches the output root
  });

  it('the multi-deck build checks every folder it would replace before writing any', async () => {
    const root = project();
    const first = await runCli(['build'], { cwd: root });
    expect(first.code, first.stderr).toBe(0);
    // A deck's folder that someone filled with their own files, and a later deck: nothing is written at all.
    await runCli(['build', 'a/talk.md', '--out', 'dist/second', '--force'], { cwd: root });
    writeFileSync(join(root, 'dist', 'second', '.lectern-output'), 'mine now\n');
    writeFileSync(join(root, 'slides', 'third.md'), deck('Third'));
    await expectRefused(root, ['build'], /dist\/second: the output folder holds files Lectern did not write/);
    expect(existsSync(join(root, 'dist', 'third'))).toBe(false);
    // Two sources with one name would share a folder.
    writeFileSync(join(root, 'slides', 'third.txt'), 'Third as text\n\nA paragraph of plain text.\n');
    await expectRefused(root, ['build', '--force'], /third\.md and slides\/third\.txt would both be built into dist\/third/);
    rmSync(join(root, 'slides', 'third.txt'));
    // --out onto the slides folder or the project is refused outright.
    await expectRefused(root, ['build', '--out', 'slides', '--force'], /holds the source/);
    await expectRefused(root, ['build', '--out', '.', '--force'], /holds the source|working folder/);
  });

  it.skipIf(!hasBrowser)(
    'PNG export replaces its own previous folder and refuses a foreign one',
    async () => {
      const root = project();
      const out = join(root, 'png');
      const first = await runCli(['export', 'a/talk.md', '--format', 'png', '--out', out, '--slides', '1', '--scale', '0.25', '--quiet'], { cwd: root });
      expect(first.code, first.stderr).toBe(0);
      expect(readdirSync(out).sort()).toEqual(['.lectern-output', '001.png']);
      const again = await runCli(['export', 'a/talk.md', '--format', 'png', '--out', out, '--slides', '2', '--scale', '0.25', '--quiet'], { cwd: root });
      expect(again.code, again.stderr).toBe(0);
      expect(readdirSync(out).sort()).toEqual(['.lectern-output', '002.png']);
      await expectRefused(root, ['export', 'a/talk.md', '--format', 'png', '--out', 'c', '--quiet'], /c: the output folder holds files Lectern did not write/);
    },
    60_000,
  );
});
