#!/usr/bin/env node
// Hostile sizes: build time and peak memory against input size for the worst shape of each stage, to show the
// work is linear. Writes bench/hostile-results.json and the "Hostile sizes" section of BENCHMARKS.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEEP_SHAPES, SLOW_SHAPES } from '../tests/fixtures/hostile/shapes.mjs';
import { benchArgs } from './lib/args.mjs';

const bench = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(bench);
const bin = path.join(root, 'bin', 'lectern.js');

const HELP = `Usage: npm run bench:hostile -- [options]     (or: node bench/hostile.mjs [options])

Builds each hostile shape (tests/fixtures/hostile/shapes.mjs) at growing sizes with the real CLI and reports the
median build time (wall and CPU), time per MB and peak memory (RSS, from /usr/bin/time -v), and each nesting attack's exit.
Writes bench/hostile-results.json and the "Hostile sizes" section of BENCHMARKS.md.

Options:
  --scales LIST     input sizes as multiples of each shape's base size (default: 1,2,4,8)
  --runs N          counted runs per size (default: 3)
  --only TEXT       only shapes whose name contains TEXT
  --timeout SECONDS per-run timeout (default: 60)
  --no-report       print the table, leave BENCHMARKS.md alone
  -h, --help        this text`;

const args = benchArgs(
  {
    scales: { type: 'string', default: '1,2,4,8' },
    runs: { type: 'string', default: '3' },
    only: { type: 'string' },
    timeout: { type: 'string', default: '60' },
    'no-report': { type: 'boolean', default: false },
  },
  HELP,
);
const scales = args.scales.split(',').map(Number);
const runs = Number(args.runs);
const timeoutMs = Number(args.timeout) * 1000;
const log = (...a) => console.error(...a);
const work = path.join(bench, 'work', 'hostile');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const timeAvailable = existsSync('/usr/bin/time');

/** One build through the real CLI: wall time, peak RSS of the Node process, exit code and first stderr line. */
function build(file) {
  const out = path.join(work, 'out');
  const command = timeAvailable
    ? ['/usr/bin/time', ['-v', process.execPath, bin, 'build', file, '--out', out]]
    : [process.execPath, [bin, 'build', file, '--out', out]];
  const started = process.hrtime.bigint();
  const r = spawnSync(command[0], command[1], { cwd: work, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? '')?.[1] ?? NaN);
  const seconds = (label) => Number(new RegExp(`${label} time \\(seconds\\): ([\\d.]+)`).exec(r.stderr ?? '')?.[1] ?? NaN);
  const cpuMs = (seconds('User') + seconds('System')) * 1000;
  const message = (r.stderr ?? '').split('\n').find((line) => line.startsWith('lectern:')) ?? '';
  return { ms, cpuMs, rssMb: rssKb / 1024, code: r.error ? 'timeout' : r.status, message };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const rows = [];
for (const shape of SLOW_SHAPES.filter((s) => !args.only || s.name.includes(args.only))) {
  for (const scale of scales) {
    const text = shape.make(scale);
    const file = path.join(work, shape.file);
    writeFileSync(file, text);
    const mb = Buffer.byteLength(text) / 1e6;
    build(file); // warm-up: file cache, compiled modules
    const results = Array.from({ length: runs }, () => build(file));
    const ms = median(results.map((r) => r.ms));
    const cpuMs = median(results.map((r) => r.cpuMs));
    const row = {
      shape: shape.name,
      stage: shape.stage,
      scale,
      mb,
      ms,
      msPerMb: ms / mb,
      cpuMs,
      cpuMsPerMb: cpuMs / mb,
      rssMb: Math.max(...results.map((r) => r.rssMb)),
      code: results[0].code,
      message: results[0].message,
    };
    rows.push(row);
    log(
      `${shape.name} ×${scale}: ${mb.toFixed(2)} MB, ${ms.toFixed(0)} ms (${row.msPerMb.toFixed(0)} ms/MB), CPU ${cpuMs.toFixed(0)} ms (${row.cpuMsPerMb.toFixed(0)} ms/MB), ${row.rssMb.toFixed(0)} MB RSS, exit ${row.code}`,
    );
    if (row.code === 'timeout') break;
  }
}

const deep = [];
for (const shape of DEEP_SHAPES.filter((s) => !args.only || s.name.includes(args.only))) {
  const text = shape.make();
  const file = path.join(work, shape.file);
  writeFileSync(file, text);
  const r = build(file);
  deep.push({
    shape: shape.name,
    mb: Buffer.byteLength(text) / 1e6,
    ms: r.ms,
    cpuMs: r.cpuMs,
    rssMb: r.rssMb,
    code: r.code,
    message: r.message.replace(work + path.sep, ''),
  });
  log(`${shape.name}: exit ${r.code} in ${r.ms.toFixed(0)} ms, ${r.rssMb.toFixed(0)} MB: ${r.message}`);
}
rmSync(work, { recursive: true, force: true });

const results = { date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), runs, scales, rows, deep };
writeFileSync(path.join(bench, 'hostile-results.json'), `${JSON.stringify(results, null, 2)}\n`);
if (!args['no-report']) {
  const { renderHostile } = await import('./lib/hostile-report.mjs');
  const file = path.join(root, 'BENCHMARKS.md');
  writeFileSync(file, renderHostile(readFileSync(file, 'utf8'), results));
  log('BENCHMARKS.md: "Hostile sizes" section rewritten');
}
