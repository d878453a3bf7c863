// The build and PDF phases: the same deck through every tool at every size, alternating tools.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { alternate } from './measure.mjs';
import { firstSlideBytes } from './browser.mjs';
import { serveStatic } from './server.mjs';
import { run } from './proc.mjs';
import { ENV } from './tools.mjs';

/** Total bytes of a file or of every file under a directory. */
export function bytesOf(p) {
  if (!existsSync(p)) return null;
  const st = statSync(p);
  if (!st.isDirectory()) return st.size;
  let sum = 0;
  for (const e of readdirSync(p, { withFileTypes: true })) sum += bytesOf(path.join(p, e.name)) ?? 0;
  return sum;
}

/** Page count through poppler's pdfinfo, or null when it cannot be read. */
export function pdfPages(file) {
  try {
    const m = /^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    return m ? Number(m[1]) : null;
  } catch { return null; }
}

const fresh = (p) => { rmSync(p, { recursive: true, force: true }); mkdirSync(p, { recursive: true }); return p; };
const notAvailable = (why) => ({ status: 'not available', error: why, wall: null });

/** Build phase: static HTML of every size by every tool, plus Lectern from the raw article at ×1. */
export async function buildPhase(ctx) {
  const { tools, decks, sizes, opts, log, work, browser, lecternReason } = ctx;
  const results = [];
  for (const size of sizes) {
    const deck = decks[size];
    log(`build ×${size} (${deck.slides} slides)`);
    const cells = [];
    const rows = {};
    const add = (key, tool, src, label) => {
      if (!tool.available()) { rows[key] = { tool: key, label, ...notAvailable(key.startsWith('lectern') ? lecternReason : 'not installed') }; return; }
      const outDir = path.join(work, 'out', 'build', `x${size}`, key);
      const spec0 = tool.build(src, outDir);
      rows[key] = { tool: key, label, outDir, entry: spec0.entry };
      cells.push({
        key, label,
        prepare: () => { fresh(outDir); return tool.build(src, outDir); },
        check: () => (existsSync(path.join(outDir, spec0.entry)) ? undefined : { fail: `no ${spec0.entry} in the output` }),
      });
    };
    add('lectern', tools.lectern, deck.files.lectern, 'Lectern (Markdown)');
    if (size === 1) add('lectern-article', tools.lectern, ctx.articleFile, 'Lectern (raw article)');
    add('marp', tools.marp, deck.files.marp, 'Marp CLI');
    add('revealmd', tools.revealmd, deck.files.revealmd, 'reveal-md');
    // The floor: what any Node CLI pays before doing anything, timed in the same rounds as the tools.
    rows.floor = { tool: 'floor', label: 'Floor: `node -e 0`' };
    cells.push({ key: 'floor', label: rows.floor.label, prepare: () => tools.floor.build() });
    const res = await alternate(cells, { runs: opts.runs, budgetMs: opts.budgetMs, timeoutMs: opts.timeoutMs, log });
    for (const [key, row] of Object.entries(rows)) {
      if (!res[key]) { results.push({ size, slides: deck.slides, ...row }); continue; }
      Object.assign(row, res[key]);
      if (row.status === 'ok' && row.outDir) {
        row.outputBytes = bytesOf(row.outDir);
        if (browser) {
          const server = await serveStatic(row.outDir);
          try {
            const fs = await firstSlideBytes(browser, server.url + row.entry, { timeout: opts.timeoutMs });
            row.firstSlideBytes = fs.bytes;
            row.firstSlideRequests = fs.requests;
            row.builtSlides = fs.slides;
            if (fs.blocked.length) row.notes.push(`blocked ${fs.blocked.length} non-local request(s): ${fs.blocked.slice(0, 2).join(', ')}`);
            if (key !== 'lectern-article' && fs.slides !== deck.slides) row.notes.push(`its deck has ${fs.slides} slides (source: ${deck.slides})`);
          } catch (e) {
            row.notes.push(`first-slide load failed: ${e.message.split('\n')[0]}`);
          } finally { await server.close(); }
        }
      }
      delete row.outDir;
      if (key === 'lectern-article' && row.builtSlides != null) row.notes.push(`its deck has ${row.builtSlides} slides`);
      results.push({ size, slides: key === 'lectern-article' ? null : deck.slides, ...row });
    }
  }
  return results;
}

/** PDF phase: every tool's PDF of every size; pages counted and compared with the deck's slides. */
export async function pdfPhase(ctx) {
  const { tools, decks, sizes, opts, log, work, lecternReason } = ctx;
  const results = [];
  const timedOutAt = {}; // tool → smallest size that timed out: larger sizes are not tried
  for (const size of sizes) {
    const deck = decks[size];
    log(`pdf ×${size} (${deck.slides} slides)`);
    const dir = fresh(path.join(work, 'out', 'pdf', `x${size}`));
    const cells = [];
    const rows = {};
    const pages = {};
    let server = null;
    const skip = (key, label, status, why) => { rows[key] = { tool: key, label, status, error: why, wall: null }; };
    const add = (key, label, prepareSpec, extra = {}) => {
      const outFile = path.join(dir, `${key}.pdf`);
      // pages must equal the slides of the deck the tool itself builds (Lectern may add agenda/closing slides)
      const expected = ctx.builtSlides?.(key === 'decktape' ? 'revealmd' : key === 'floor' ? 'lectern' : key, size) ?? deck.slides;
      rows[key] = { tool: key, label, outFile, expectedPages: expected };
      pages[key] = [];
      cells.push({
        key, label, ...extra,
        prepare: async () => { rmSync(outFile, { force: true }); return prepareSpec(outFile); },
        check: () => {
          if (!existsSync(outFile)) return { fail: 'exited 0 but wrote no PDF' };
          const n = pdfPages(outFile);
          pages[key].push(n);
          if (n !== expected) return `${n} pages for ${expected} slides`;
          return undefined;
        },
      });
    };
    const peerSkip = (key) => {
      if (timedOutAt[key]) return `timed out at ×${timedOutAt[key]}; larger decks not tried`;
      if (opts.quick && size >= 100) return 'skipped in --quick';
      if (opts.quick && key === 'decktape' && size > 1) return 'skipped in --quick';
      return null;
    };
    try {
      if (!tools.lectern.available()) skip('lectern', 'Lectern', 'not available', lecternReason);
      else if (opts.quick && size >= 100) skip('lectern', 'Lectern', 'skipped', 'skipped in --quick');
      else if (timedOutAt.lectern) skip('lectern', 'Lectern', 'timeout', `timed out at ×${timedOutAt.lectern}`);
      else add('lectern', 'Lectern', (f) => tools.lectern.pdf(deck.files.lectern, f));
      for (const [key, label] of [['marp', 'Marp CLI'], ['revealmd', 'reveal-md --print']]) {
        const why = peerSkip(key);
        if (why) skip(key, label, why.startsWith('timed') ? 'timeout' : 'skipped', why);
        else add(key, label, (f) => tools[key].pdf(deck.files[key === 'marp' ? 'marp' : 'revealmd'], f));
      }
      // The floor: Node, Chromium's start and one print of as many blank pages as Lectern's PDF has.
      const floorPages = ctx.builtSlides?.('lectern', size) ?? deck.slides;
      add('floor', `Floor: Chromium start + ${floorPages} blank pages`, (f) => tools.floor.pdf(floorPages, f));
      const why = peerSkip('decktape');
      if (why) skip('decktape', 'decktape', why.startsWith('timed') ? 'timeout' : 'skipped', why);
      else {
        // decktape prints a reveal-md static build of the same deck, served by the harness (build not timed)
        const staticDir = fresh(path.join(dir, 'reveal-md-static'));
        const b = await run(tools.revealmd.build(deck.files.revealmd, staticDir).cmd,
          tools.revealmd.build(deck.files.revealmd, staticDir).args, { cwd: deck.dir, env: ENV, timeoutMs: opts.timeoutMs });
        if (!b.ok) skip('decktape', 'decktape', 'failed', 'reveal-md --static failed, nothing to print');
        else {
          server = await serveStatic(staticDir);
          const url = server.url + 'reveal-md.html';
          add('decktape', 'decktape (reveal-md static)', (f) => tools.decktape.pdf(url, f), { timeoutMs: opts.decktapeTimeoutMs });
        }
      }
      const res = await alternate(cells, { runs: opts.runs, budgetMs: opts.budgetMs, timeoutMs: opts.timeoutMs, log });
      for (const [key, row] of Object.entries(rows)) {
        if (res[key]) {
          Object.assign(row, res[key]);
          row.pages = pages[key].length ? pages[key][pages[key].length - 1] : null;
          row.pageCountOk = row.pages === null ? null : pages[key].every((n) => n === row.expectedPages);
          row.outputBytes = bytesOf(row.outFile);
          if (row.status === 'timeout') timedOutAt[key] = size;
        }
        delete row.outFile;
        results.push({ size, slides: deck.slides, ...row });
      }
    } finally {
      await server?.close();
    }
  }
  return results;
}
