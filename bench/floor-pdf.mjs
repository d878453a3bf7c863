#!/usr/bin/env node
// The PDF floor: Node starts, Chromium starts (through Lectern's own driver, with the flags an export uses), and
// prints N blank pages of the slide's size in one print. Usage: node bench/floor-pdf.mjs PAGES OUT.pdf
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { closeBrowser, launchBrowser } from '../lib/browser/launch.js';
import { DEFAULT_SLIDE_SIZE, parseSlideSize } from '../lib/slide-size.js';

// The default slide size, as the benchmarked decks use.
const { width: SLIDE_WIDTH, height: SLIDE_HEIGHT } = parseSlideSize(DEFAULT_SLIDE_SIZE);

const [pagesArg, out] = process.argv.slice(2);
const pages = Number(pagesArg);
if (!Number.isInteger(pages) || pages < 1 || !out) {
  console.error('usage: node bench/floor-pdf.mjs PAGES OUT.pdf');
  process.exit(2);
}
const launch = launchBrowser(undefined);
const dir = mkdtempSync(path.join(tmpdir(), 'lectern-floor-'));
try {
  const file = path.join(dir, 'blank.html');
  const page = `<div style="width:${SLIDE_WIDTH}px;height:${SLIDE_HEIGHT - 1}px;break-after:page"></div>`;
  writeFileSync(file, `<!doctype html><style>@page{margin:0}body{margin:0}div:last-child{break-after:auto}</style>${page.repeat(pages)}`);
  const tab = await (await launch).newPage();
  await tab.goto(pathToFileURL(file).href, 60_000);
  writeFileSync(out, await tab.printToPDF({ width: SLIDE_WIDTH, height: SLIDE_HEIGHT }));
} finally {
  await closeBrowser(launch);
  rmSync(dir, { recursive: true, force: true });
}
