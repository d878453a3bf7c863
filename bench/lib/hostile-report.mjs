// The "Hostile sizes" section of BENCHMARKS.md, written by bench/hostile.mjs from bench/hostile-results.json.
// It sits between two markers so that the main harness's report and this one can be rewritten independently.

const START = '<!-- hostile-sizes:start -->';
const END = '<!-- hostile-sizes:end -->';

const esc = (text) => text.replace(/</g, '&lt;');
const fmt = (n, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '—');

/** CPU time at the largest size over CPU time at half of it: 2 (or less, with the fixed start-up cost) when linear, 4 when quadratic. */
function growth(rows) {
  const done = rows.filter((r) => r.code === 0 || r.code === 3);
  const last = done[done.length - 1];
  const half = last && done.find((r) => r.scale * 2 === last.scale);
  if (!last || !half) return '—';
  return `${fmt(last.cpuMs / half.cpuMs, 2)} (×${half.scale} → ×${last.scale})`;
}

export function hostileSection(results) {
  const lines = [
    START,
    '## Hostile sizes: build time against input size',
    '',
    `Written by \`npm run bench:hostile\` (\`bench/hostile.mjs\`; raw numbers: \`bench/hostile-results.json\`), ${results.date}.`,
    `Each shape from \`tests/fixtures/hostile/shapes.mjs\` is built by the real CLI at ×${results.scales.join(', ×')} of`,
    `the size it was found at; times are medians of ${results.runs} run(s) after a warm-up, wall clock and CPU (user +`,
    'system), with peak RSS, all from `/usr/bin/time -v`. The machine is shared (2 cores, other builds and test suites',
    'running at the same time, load average about 12 during this run), so wall times are noisy and high; CPU time is',
    'the steadier measure. **CPU ms per MB** stays flat when the work is linear (it would double with each doubling of',
    'size if it were quadratic); it falls at first where the fixed cost of starting Node and loading the readers (about',
    'half a second) is spread over more input. "Doubling" is the CPU time at the largest size over the time at half of',
    'it: 2 or less for linear work, 4 for quadratic. Exit 3 is a clean refusal (the input is beyond a nesting bound).',
    '',
    'Before the fixes (same shapes, found by a red-team pass): 60,000 identical lines > 120 s (page furniture walked from',
    'every repeated line to its neighbours); 2,500 nested `<div>` > 120 s (Readability); 240 KB of `1,1,1,…` 31 s (the',
    "figures regex restarted after every comma); 50,000 front-matter keys 97 s (a search per key); 20,000 unclosed",
    "`<details>` 26 s and 1.25 GB (a scan per tag); 40,000 lines alternating `>` and `> >` 78 s (marked re-lexing);",
    "5,000 table columns 8 s (Handlebars' `../` lookups turn each row into a string per cell); a paragraph of 8,000",
    'sentences 35 s (`Intl.Segmenter` is quadratic in the length of one text). Web pages cost about 1 ms of CPU per',
    "block here (jsdom and DOMPurify build a document per block), linear but the largest constant left.",
    '',
    '| shape | stage | size | MB | wall ms | CPU ms | CPU ms/MB | peak RSS MB | exit |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  const byShape = new Map();
  for (const row of results.rows) {
    if (!byShape.has(row.shape)) byShape.set(row.shape, []);
    byShape.get(row.shape).push(row);
    lines.push(`| ${esc(row.shape)} | ${row.stage} | ×${row.scale} | ${fmt(row.mb, 2)} | ${fmt(row.ms)} | ${fmt(row.cpuMs)} | ${fmt(row.cpuMsPerMb)} | ${fmt(row.rssMb)} | ${row.code} |`);
  }
  lines.push('', '| shape | doubling: CPU time ×2 size |', '|---|---|');
  for (const [shape, rows] of byShape) lines.push(`| ${esc(shape)} | ${growth(rows)} |`);
  lines.push('', 'Nesting attacks (refused before parsing, exit 3):', '', '| input | MB | wall ms | CPU ms | peak RSS MB | exit | message |', '|---|---|---|---|---|---|---|');
  for (const row of results.deep) {
    lines.push(`| ${esc(row.shape)} | ${fmt(row.mb, 2)} | ${fmt(row.ms)} | ${fmt(row.cpuMs)} | ${fmt(row.rssMb)} | ${row.code} | \`${row.message.replace(/\|/g, '\\|')}\` |`);
  }
  lines.push(END);
  return lines.join('\n');
}

/** BENCHMARKS.md with the section replaced, or appended when it is not there yet. */
export function renderHostile(markdown, results) {
  const section = hostileSection(results);
  const start = markdown.indexOf(START);
  const end = markdown.indexOf(END);
  if (start !== -1 && end > start) return markdown.slice(0, start) + section + markdown.slice(end + END.length);
  return `${markdown.trimEnd()}\n\n${section}\n`;
}
