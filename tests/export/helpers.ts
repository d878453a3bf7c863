/** Shared helpers for the export tests: the browser (or a reason to skip), exporting in-process, and PDF/PNG readers. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { runCliInProcess } from '../helpers/cli.js';
import { chromiumPath, hasBrowser } from '../helpers/browser.js';
import { prepareDeck } from '../../src/pipeline.js';
import type { Deck } from '../../src/outline/types.js';
import { planSite } from '../../src/site/build-site.js';

export { DEFAULT_DECK, SEED_ARTICLE } from '../helpers/paths.js';
export const LONG_NOTES = fileURLToPath(new URL('./fixtures/long-notes.md', import.meta.url));

/** The browser the tests drive (the one check in tests/helpers/browser.ts); undefined locally without one, when they skip. */
export const BROWSER = chromiumPath();
export const SKIP_BROWSER_TESTS = !hasBrowser;

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'lectern-export-test-'));
}

/** Exports and fails with the CLI's message when the exit code is not 0. */
export async function exportOk(args: string[]): Promise<string> {
  const { code, stderr } = await runCliInProcess(['export', ...args]);
  if (code !== 0) throw new Error(`lectern export ${args.join(' ')} exited ${code}: ${stderr}`);
  return stderr;
}

/** `pdfinfo` fields. */
export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(
    out
      .split('\n')
      .filter((line) => line.includes(':'))
      .map((line) => {
        const at = line.indexOf(':');
        return [line.slice(0, at).trim(), line.slice(at + 1).trim()];
      }),
  );
}

/** The text of every page (pdftotext separates pages with form feeds). */
export function pdfPages(file: string, { raw = false }: { raw?: boolean } = {}): string[] {
  // `raw` reads text in the order it was drawn (the page's DOM order) rather than pdftotext's guess at columns.
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', ...(raw ? ['-raw'] : []), file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages = text.split('\f');
  if (pages[pages.length - 1]?.trim() === '') pages.pop();
  return pages;
}

/** Text as compared: ligatures undone, and whitespace, hyphens and soft hyphens (line-break artefacts) dropped. */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u00ad\u200b\u2010\u2011-]+/g, '')
    .toLowerCase();
}

/** Sentences of a paragraph, split after . ! ? and their CJK forms. */
export function sentences(paragraph: string): string[] {
  return paragraph
    .split(/(?<=[.!?。！？])\s*/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 1);
}

/** Pixel standard deviation (0-255) of every page, from grey PGM renders at low resolution. */
export function pageDeviations(file: string): number[] {
  const dir = tempDir();
  execFileSync('pdftoppm', ['-gray', '-r', '20', file, join(dir, 'p')]);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.pgm'))
    .sort()
    .map((name) => {
      const bytes = readFileSync(join(dir, name));
      // P5 header: magic, width, height, max value, each followed by whitespace.
      const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'));
      if (!header) throw new Error(`not a PGM file: ${name}`);
      const pixels = bytes.subarray(header[0].length);
      let sum = 0;
      let squares = 0;
      for (const value of pixels) {
        sum += value;
        squares += value * value;
      }
      const mean = sum / pixels.length;
      return Math.sqrt(Math.max(0, squares / pixels.length - mean * mean));
    });
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  if (bytes.subarray(1, 4).toString('latin1') !== 'PNG' || bytes.subarray(12, 16).toString('latin1') !== 'IHDR') throw new Error(`not a PNG: ${file}`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** A deck and, per slide, the text that identifies it on its page: its heading, or the start of its text. */
export async function deckWithHeadings(source: string): Promise<{ deck: Deck; headings: string[] }> {
  const prepared = await prepareDeck(source);
  const { html } = await planSite(prepared);
  const sections = new JSDOM(html).window.document.querySelectorAll('.reveal .slides > section');
  const headings = Array.from(sections, (section) => {
    const heading = section.querySelector('h1, h2');
    const text = ((heading ?? section.querySelector('.slide-frame'))?.textContent ?? '').replace(/\s+/g, ' ').trim();
    return heading ? text : text.slice(0, 40);
  });
  return { deck: prepared.deck, headings };
}
