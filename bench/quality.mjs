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
const { measureTalk } = await import(join(root, 'lib/outline/quality.js'));

if (process.argv.includes('--help')) {
  process.stdout.write(
    'Usage: npm run bench:quality\n\nPrints, for every article in tests/fixtures/articles/ and ../shared/articles/ (plus a generated\nbook-length text): sections, slides, counter titles ("(2/5)"), distinct content-slide titles, points\nending in "…", single-point share of points slides, median points per slide, median/max words per\npoint, median visible words per content slide and the most on a points slide, titles that repeat a\npoint of their slide, overflowing slides,\ncoverage, planned minutes and the layouts used. Needs Chromium (for overflow). Exits non-zero when\nan article misses a target.\n',
  );
  process.exit(0);
}

const articles = [
  ...listArticles(join(root, 'tests/fixtures/articles')),
  ...listArticles(join(root, '../shared/articles')),
  generateBook(join(root, 'bench/work/book.txt')),
];

const rows = [];
const layoutLines = [];
let failures = 0;
for (const file of articles) {
  const prepared = await prepareDeck(file);
  const report = buildReport(prepared.article, prepared.deck, (await measureDeck(prepared)).slides);
  const talk = measureTalk(prepared.deck);
  const coverage = report.coverage.sentences === 0 ? 100 : ((report.coverage.onSlides + report.coverage.inNotes) / report.coverage.sentences) * 100;
  const name = file.replace(`${root}/`, '').replace(/^\.\.\//, '');
  // The targets of a deck that reads as a talk; the generated book is measured but held only to overflow and coverage.
  const misses = [
    report.overflowing > 0 && 'overflow',
    report.coverage.missing.length > 0 && 'coverage',
    !file.endsWith('book.txt') && talk.counterTitles > 0 && 'counters',
    !file.endsWith('book.txt') && talk.distinctTitleShare < 0.95 && 'distinct titles',
    talk.truncatedPoints > 0 && 'truncated points',
    !file.endsWith('book.txt') && talk.singlePointShare > 0.15 && 'single points',
    talk.medianWordsPerPoint > 16 && 'words per point',
    talk.medianWordsPerSlide > 30 && 'words per slide',
    talk.maxWordsPerPointSlide > 50 && 'points slide over 50 words',
  ].filter(Boolean);
  if (misses.length > 0) {
    failures++;
    process.stderr.write(`${name}: misses ${misses.join(', ')}\n`);
  }
  rows.push([
    name,
    String(prepared.deck.sections.length),
    String(report.slides.length),
    String(talk.counterTitles),
    `${Math.round(talk.distinctTitleShare * 100)} %`,
    String(talk.truncatedPoints),
    `${Math.round(talk.singlePointShare * 100)} %`,
    String(talk.medianPointsPerSlide),
    `${talk.medianWordsPerPoint}/${talk.maxWordsPerPoint}`,
    `${talk.medianWordsPerSlide}/${talk.maxWordsPerPointSlide}`,
    String(talk.titlesRepeatingPoints),
    String(report.overflowing),
    `${coverage.toFixed(1)} %`,
    (prepared.deck.meta.totalTime / 60).toFixed(1),
  ]);
  layoutLines.push(
    `- ${name}: ${Object.entries(talk.layouts)
      .map(([layout, count]) => `${layout} ${count}`)
      .join(', ')}`,
  );
}

const header = [
  'article',
  'sections',
  'slides',
  'counters',
  'distinct titles',
  '"…" points',
  'single-point',
  'points/slide',
  'words/point med/max',
  'words/slide med/max',
  'title repeats a point',
  'overflowing',
  'coverage',
  'minutes',
];
const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column].length)));
const line = (cells) => `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(' | ')} |`;
process.stdout.write([line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n') + '\n');
process.stdout.write(
  `\nwords/slide: median visible words per content slide / most on a points slide. title repeats a point: content slides whose title says one of their points again (whole, nearly whole or its opening); measured, no target yet.\nLayouts used:\n${layoutLines.join('\n')}\n`,
);
process.stdout.write(
  failures === 0
    ? '\nall decks: 0 counter titles, ≥ 95 % distinct titles, no "…" points, ≤ 15 % single-point slides, median ≤ 16 words a point and ≤ 30 a slide, no points slide over 50, 0 overflowing slides, 100 % coverage\n'
    : `\n${failures} deck(s) miss a target\n`,
);
process.exitCode = failures === 0 ? 0 : 1;

function listArticles(folder) {
  return readdirSync(folder)
    .filter((name) => /\.(md|txt|html?)$/i.test(name) && name !== 'README.md')
    .sort()
    .map((name) => join(folder, name));
}

/** A 50,000+ word text with chapters, made from the project's own fixture paragraphs. */
function generateBook(target) {
  const paragraphs = readFileSync(join(root, 'tests/fixtures/articles/no-headings.txt'), 'utf8')
    .split('\n')
    .filter((line) => line.trim());
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
