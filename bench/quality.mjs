#!/usr/bin/env node
// Deck quality across every article Lectern is tested on: how dense the slides are, whether anything overflows in a
// real browser, and whether every sentence survived. Also outlines a generated book-length text (50,000+ words).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { prepareDeck } = await import(join(root, 'lib/pipeline.js'));
const { measureDeck } = await import(join(root, 'lib/check/measure.js'));
const { buildReport } = await import(join(root, 'lib/check/report.js'));

if (process.argv.includes('--help')) {
  process.stdout.write('Usage: npm run bench:quality\n\nPrints, for every article in tests/fixtures/articles/ and ../shared/articles/ (plus a generated\nbook-length text), sections, slides, visible words per slide, points, overflowing slides, coverage\nand planned minutes. Needs Chromium (for overflow).\n');
  process.exit(0);
}

const articles = [
  ...listArticles(join(root, 'tests/fixtures/articles')),
  ...listArticles(join(root, '../shared/articles')),
  generateBook(join(root, 'bench/work/book.txt')),
];

const rows = [];
let failures = 0;
for (const file of articles) {
  const prepared = await prepareDeck(file);
  const report = buildReport(prepared.article, prepared.deck, (await measureDeck(prepared)).slides);
  const words = report.slides.map((slide) => slide.visibleWords).sort((a, b) => a - b);
  const coverage = report.coverage.sentences === 0 ? 100 : ((report.coverage.onSlides + report.coverage.inNotes) / report.coverage.sentences) * 100;
  const median = words[Math.floor((words.length - 1) / 2)] ?? 0;
  if (report.overflowing > 0 || report.coverage.missing.length > 0 || median > 30) failures++;
  rows.push([
    file.replace(`${root}/`, '').replace(/^\.\.\//, ''),
    String(prepared.deck.sections.length),
    String(report.slides.length),
    String(median),
    String(words.at(-1) ?? 0),
    String(Math.max(0, ...report.slides.map((slide) => slide.points))),
    String(report.overflowing),
    `${coverage.toFixed(1)} %`,
    (prepared.deck.meta.totalTime / 60).toFixed(1),
  ]);
}

const header = ['article', 'sections', 'slides', 'median words', 'max words', 'max points', 'overflowing', 'coverage', 'minutes'];
const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column].length)));
const line = (cells) => `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(' | ')} |`;
process.stdout.write([line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n') + '\n');
process.stdout.write(failures === 0 ? '\nall decks: 0 overflowing slides, 100 % coverage, median ≤ 30 visible words\n' : `\n${failures} deck(s) miss a target\n`);
process.exitCode = failures === 0 ? 0 : 1;

function listArticles(folder) {
  return readdirSync(folder)
    .filter((name) => /\.(md|txt|html?)$/i.test(name) && name !== 'README.md')
    .sort()
    .map((name) => join(folder, name));
}

/** A 50,000+ word text with chapters, made from the project's own fixture paragraphs. */
function generateBook(target) {
  const paragraphs = readFileSync(join(root, 'tests/fixtures/articles/no-headings.txt'), 'utf8').split('\n').filter((line) => line.trim());
  const chapters = [];
  let words = 0;
  for (let chapter = 1; words < 52_000; chapter++) {
    chapters.push(`Chapter ${chapter}`);
    for (let index = 0; index < 9; index++) {
      const paragraph = paragraphs[(chapter * 7 + index) % paragraphs.length];
      chapters.push(paragraph);
      words += paragraph.split(/\s+/).length;
    }
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, `A Book About Bread\n\n${chapters.join('\n\n')}\n`);
  return target;
}
