// Alternating runs (A B A B …) with a warm-up, a per-run timeout and a per-cell time budget.
import { run } from './proc.mjs';
import { ENV } from './tools.mjs';

/** { median, min, max, n } of numbers, or null when empty. */
export function summary(xs) {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { median, min: s[0], max: s[s.length - 1], n: s.length };
}

const tail = (text, n = 400) => text.trim().split('\n').slice(-6).join('\n').slice(-n);

/**
 * cells: [{ key, label, prepare(i) → { cmd, args, cwd }, check?(result, i) → note|undefined }].
 * Warm-up every cell once, then counted rounds in turn. A cell whose warm-up exceeds the budget keeps
 * the warm-up as its only sample (flagged); a timeout or failure stops that cell.
 * Returns key → { status, wall, peakTreeRss, maxRss, samples, notes, error }.
 */
export async function alternate(cells, { runs, budgetMs, timeoutMs, log }) {
  const out = {};
  for (const c of cells) out[c.key] = { status: 'ok', samples: [], tree: [], pss: [], maxRss: [], notes: [], planned: runs, warmupOnly: false };
  // Memory (PSS) is read in the warm-up only: reading it is costly enough to slow the run it watches.
  const once = async (c, i, { withPss = false } = {}) => {
    const r = out[c.key];
    const spec = await c.prepare(i);
    const res = await run(spec.cmd, spec.args, { cwd: spec.cwd, env: { ...ENV, ...(spec.env ?? {}) }, timeoutMs: c.timeoutMs ?? timeoutMs, withPss });
    if (res.timedOut) {
      r.status = 'timeout';
      r.error = `timed out after ${Math.round((c.timeoutMs ?? timeoutMs) / 1000)} s`;
      r.timeoutMs = c.timeoutMs ?? timeoutMs;
      return null;
    }
    let note = res.ok && c.check ? await c.check(res, i) : undefined;
    if (!res.ok) {
      r.status = 'failed';
      r.error = `exit ${res.code}: ${tail(res.stderr || res.stdout)}`;
      return null;
    }
    if (note && typeof note === 'object' && note.fail) {
      r.status = 'failed';
      r.error = note.fail;
      return null;
    }
    if (note && !r.notes.includes(note)) r.notes.push(note);
    return res;
  };
  // warm-up
  for (const c of cells) {
    log?.(`  warm-up ${c.label}`);
    const res = await once(c, 0, { withPss: true });
    const r = out[c.key];
    if (!res) { log?.(`    ${r.status}: ${r.error}`); continue; }
    r.warmupMs = res.wallMs;
    r.pss.push(res.peakTreePss);
    if (res.wallMs > budgetMs) {
      r.warmupOnly = true;
      r.planned = 1;
      r.samples.push(res.wallMs); r.tree.push(res.peakTreeRss); if (res.maxRss) r.maxRss.push(res.maxRss);
    } else r.planned = Math.max(1, Math.min(runs, Math.floor(budgetMs / Math.max(res.wallMs, 1))));
    log?.(`    ${(res.wallMs / 1000).toFixed(2)} s → ${r.warmupOnly ? 'warm-up kept as the only sample' : `${r.planned} counted runs`}`);
  }
  for (let i = 1; i <= runs; i++) {
    for (const c of cells) {
      const r = out[c.key];
      if (r.status !== 'ok' || r.warmupOnly || r.samples.length >= r.planned) continue;
      const res = await once(c, i);
      if (!res) { log?.(`  ${c.label} run ${i}: ${r.status}: ${r.error}`); continue; }
      r.samples.push(res.wallMs); r.tree.push(res.peakTreeRss); if (res.maxRss) r.maxRss.push(res.maxRss);
      log?.(`  ${c.label} run ${i}: ${(res.wallMs / 1000).toFixed(2)} s`);
    }
  }
  for (const c of cells) {
    const r = out[c.key];
    r.wall = summary(r.samples);
    r.peakTreeRss = r.tree.length ? Math.max(...r.tree) : null;
    r.peakTreePss = r.pss.length ? Math.max(...r.pss) : null;
    r.peakProcRss = r.maxRss.length ? Math.max(...r.maxRss) : null;
    delete r.tree; delete r.pss; delete r.maxRss;
  }
  return out;
}
