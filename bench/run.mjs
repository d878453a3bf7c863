#!/usr/bin/env node
// Benchmark harness: Lectern against Marp CLI, reveal-md and decktape. See --help and BENCHMARKS.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchArgs } from './lib/args.mjs';

const bench = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(bench);

const HELP = `Usage: npm run bench -- [options]     (or: node bench/run.mjs [options])

Benchmarks Lectern against Marp CLI 4.5.1, reveal-md 6.1.4 and decktape 3.16.1 on the same deck
(the seed article at ×1, ×10, ×100): static HTML, PDF and PPTX export (Lectern's native, editable PPTX
beside Marp CLI's --pptx, which holds pictures of slides), PNG images of slides (×1 and ×10, beside Marp
CLI's --images png), live editing and a 10 MB article, beside the
machine's floor (\`node -e 0\`; Chromium's start plus a blank print of the same page count:
bench/floor-pdf.mjs), and writes BENCHMARKS.md and bench/results.json.
The peer tools are installed into bench/node_modules on first use (never into the project).

Options:
  --quick              a short pass (~5 min here): 1 counted run, small budgets, no ×100 PDF or PPTX,
                       decktape at ×1 only
  --only LIST          phases to run, comma-separated: build, pdf, pptx, png, dev, big (default: all);
                       results of phases not run are kept from the previous results.json
  --sizes LIST         deck sizes, comma-separated (default: 1,10,100)
  --runs N             counted runs per tool and size after one warm-up (default: 5; --quick: 1)
  --timeout SECONDS    per-run timeout (default: 150; --quick: 60)
  --article FILE       seed article (default: ../shared/articles/deepseek-r1.txt from the repo root)
  --report             only rewrite BENCHMARKS.md from bench/results.json and bench/profiles.md
  -h, --help           this text

Lectern rows read "not available" until bin/lectern.js exists and starts.`;

const args = benchArgs(
  {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    sizes: { type: 'string', default: '1,10,100' },
    runs: { type: 'string' },
    timeout: { type: 'string' },
    article: { type: 'string' },
    report: { type: 'boolean', default: false },
  },
  HELP,
);

const PHASES = ['build', 'pdf', 'pptx', 'png', 'dev', 'big'];
const only = args.only
  ? args.only
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
  : PHASES;
const unknown = only.filter((p) => !PHASES.includes(p));
if (unknown.length) {
  console.error(`unknown phase(s): ${unknown.join(', ')} (choose from ${PHASES.join(', ')})`);
  process.exit(2);
}
const sizes = args.sizes.split(',').map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
  console.error('--sizes takes positive integers, e.g. 1,10,100');
  process.exit(2);
}

const quick = args.quick;
const timeoutSec = Number(args.timeout ?? (quick ? 60 : 150));
const opts = {
  quick,
  runs: Number(args.runs ?? (quick ? 1 : 5)),
  budgetMs: (quick ? 8 : 90) * 1000, // per tool and size
  timeoutMs: timeoutSec * 1000,
  decktapeTimeoutMs: Math.min(timeoutSec, quick ? 60 : 120) * 1000,
  bigTimeoutMs: (quick ? 120 : 300) * 1000,
  edits: 20,
};
const log = (...a) => console.error(...a);
const articleFile = path.resolve(root, args.article ?? '../shared/articles/deepseek-r1.txt');
const work = path.join(bench, 'work');

/** Installs the pinned peer tools into bench/node_modules when they are missing. */
function ensurePeers() {
  const bins = ['marp', 'reveal-md', 'decktape'].map((b) => path.join(bench, 'node_modules', '.bin', b));
  if (bins.every((b) => existsSync(b))) return;
  const cmd = existsSync(path.join(bench, 'package-lock.json')) ? 'ci' : 'install';
  log(`installing the peer tools: npm ${cmd} in bench/ (PUPPETEER_SKIP_DOWNLOAD=1)…`);
  const r = spawnSync('npm', [cmd, '--no-audit', '--no-fund'], {
    cwd: bench,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' },
  });
  if (r.status !== 0) {
    log('npm failed to install the peer tools');
    process.exit(1);
  }
}

/** Machine and version facts for the report. */
function machine() {
  const version = (pkg) => {
    try {
      return JSON.parse(readFileSync(path.join(bench, 'node_modules', pkg, 'package.json'), 'utf8')).version;
    } catch {
      return 'missing';
    }
  };
  let chromium = 'unknown';
  try {
    chromium = execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    /* reported as unknown */
  }
  let commit = '';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    /* not a checkout */
  }
  const lecternVersion = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;
  let osName = `${os.type()} ${os.release()}`;
  try {
    osName = /PRETTY_NAME="([^"]+)"/.exec(readFileSync('/etc/os-release', 'utf8'))[1];
  } catch {
    /* keep uname */
  }
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    nproc: os.availableParallelism(),
    memTotal: os.totalmem(),
    os: osName,
    node: process.version,
    chromium,
    tools: {
      Lectern: `${lecternVersion}${commit ? ` (${commit})` : ''}`,
      'Marp CLI': version('@marp-team/marp-cli'),
      'reveal-md': version('reveal-md'),
      decktape: version('decktape'),
    },
    memoryMethod: existsSync('/usr/bin/time')
      ? '/proc polling (tree) and /usr/bin/time -v (one process)'
      : '/proc polling only (/usr/bin/time missing: apt-get install time)',
  };
}

/** Whether bin/lectern.js exists and starts; the reason when not. */
async function probeLectern() {
  const binFile = path.join(root, 'bin', 'lectern.js');
  if (!existsSync(binFile)) return 'bin/lectern.js does not exist yet';
  const r = spawnSync(process.execPath, [binFile, '--help'], { cwd: root, encoding: 'utf8', timeout: 20000 });
  const text = `${r.stderr}\n${r.stdout}`;
  if (r.error || /ERR_MODULE_NOT_FOUND|Cannot find module|SyntaxError|ReferenceError/.test(text)) {
    return `bin/lectern.js does not start: ${(
      r.error?.message ??
      text
        .trim()
        .split('\n')
        .find((l) => /Error/.test(l)) ??
      ''
    ).slice(0, 200)}`;
  }
  return null;
}

/** BENCHMARKS.md from the results and the hand-written notes on profiles and fixes in bench/profiles.md. */
async function writeReport(renderMarkdown, results) {
  const profiles = path.join(bench, 'profiles.md');
  let markdown = renderMarkdown(results, existsSync(profiles) ? readFileSync(profiles, 'utf8') : '');
  // The hostile-sizes section comes from its own run (`npm run bench:hostile`) and is kept.
  const hostile = path.join(bench, 'hostile-results.json');
  if (existsSync(hostile)) markdown = (await import('./lib/hostile-report.mjs')).renderHostile(markdown, JSON.parse(readFileSync(hostile, 'utf8')));
  writeFileSync(path.join(root, 'BENCHMARKS.md'), markdown);
}

async function main() {
  if (args.report) {
    const { renderMarkdown } = await import('./lib/report.mjs');
    await writeReport(renderMarkdown, JSON.parse(readFileSync(path.join(bench, 'results.json'), 'utf8')));
    log('BENCHMARKS.md rewritten from bench/results.json');
    return;
  }
  ensurePeers();
  const { makeTools } = await import('./lib/tools.mjs');
  const { writeDecks } = await import('./lib/decks.mjs');
  const { launch } = await import('./lib/browser.mjs');
  const { buildPhase, pdfPhase } = await import('./lib/phases.mjs');
  const { pptxPhase } = await import('./lib/pptx.mjs');
  const { pngPhase } = await import('./lib/png.mjs');
  const { devPhase, bigPhase } = await import('./lib/dev.mjs');
  const { renderMarkdown, targets } = await import('./lib/report.mjs');

  if (!existsSync(articleFile)) {
    log(`seed article not found: ${articleFile}`);
    process.exit(1);
  }
  mkdirSync(work, { recursive: true });
  const tools = makeTools({ root, bench });
  const lecternReason = await probeLectern();
  if (lecternReason) {
    log(`Lectern: ${lecternReason} — its rows will read "not available"`);
    tools.lectern.available = () => false;
  }
  const { decks, big } = writeDecks(articleFile, work, sizes, only.includes('big') ? 10 * 1024 * 1024 : 0);
  const mode = quick ? 'quick' : 'full';
  const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  log(`${mode} run, phases: ${only.join(', ')}; sizes ×${sizes.join(', ×')}; ${opts.runs} runs; timeout ${timeoutSec} s`);

  const resultsFile = path.join(bench, 'results.json');
  let results = {};
  if (existsSync(resultsFile)) {
    try {
      results = JSON.parse(readFileSync(resultsFile, 'utf8'));
    } catch {
      results = {};
    }
  }
  const started = Date.now();
  let browser = null;
  try {
    if (only.includes('build') || only.includes('dev')) {
      try {
        browser = await launch();
      } catch (e) {
        log(`Chromium via playwright-core failed: ${e.message.split('\n')[0]}; byte counts and dev skipped`);
      }
    }
    const builtSlides = (tool, size) => (results.build?.rows ?? []).find((r) => r.tool === tool && r.size === size)?.builtSlides;
    const ctx = { tools, decks, big, sizes, opts, log, work, browser, lecternReason, articleFile, builtSlides };
    const stamp = (o) => ({ date, mode, ...o });
    if (only.includes('build')) results.build = stamp({ rows: await buildPhase(ctx) });
    if (only.includes('pdf')) results.pdf = stamp({ rows: await pdfPhase(ctx) });
    if (only.includes('pptx')) results.pptx = stamp({ rows: await pptxPhase(ctx) });
    if (only.includes('png')) results.png = stamp({ rows: await pngPhase(ctx) });
    if (only.includes('dev')) {
      log('dev server');
      results.dev = stamp(await devPhase(ctx));
    }
    if (only.includes('big')) results.big = stamp(await bigPhase(ctx));
  } finally {
    await browser?.close().catch(() => {});
  }
  Object.assign(results, { date, mode, phasesRun: only, options: { ...opts, sizes }, machine: machine(), lectern: lecternReason ?? 'available' });
  results.targets = targets(results);
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  await writeReport(renderMarkdown, results);
  log(`\ndone in ${((Date.now() - started) / 1000).toFixed(0)} s → BENCHMARKS.md, bench/results.json`);
  for (const t of results.targets) log(`  ${t.ok == null ? 'n/a ' : t.ok ? 'pass' : 'MISS'}  ${t.target}${t.size ? ` ×${t.size}` : ''}: ${t.value}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
