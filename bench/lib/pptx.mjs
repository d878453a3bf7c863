// The PPTX phase: Lectern's native PowerPoint export beside Marp CLI's `--pptx` (pictures of slides), at every size.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip'; // the project's own dependency (it writes Lectern's PPTX), resolved from the repo root
import { alternate } from './measure.mjs';
import { bytesOf } from './phases.mjs';

/** Slides in a PPTX (its ppt/slides/slideN.xml parts), or null when the file is not a readable zip. */
export async function pptxSlides(file) {
  try {
    const zip = await JSZip.loadAsync(readFileSync(file));
    return Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name)).length;
  } catch { return null; }
}

/** Every tool's PPTX of every size; slides counted in the file and compared with the tool's own deck. */
export async function pptxPhase(ctx) {
  const { tools, decks, sizes, opts, log, work, lecternReason } = ctx;
  const results = [];
  const timedOutAt = {}; // tool → smallest size that timed out: larger sizes are not tried
  for (const size of sizes) {
    const deck = decks[size];
    log(`pptx ×${size} (${deck.slides} slides)`);
    const dir = path.join(work, 'out', 'pptx', `x${size}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const cells = [];
    const rows = {};
    const counts = {};
    for (const [key, label] of [['lectern', 'Lectern (native, editable)'], ['marp', 'Marp CLI --pptx (images of slides)']]) {
      const skip = (status, why) => { rows[key] = { tool: key, label, status, error: why, wall: null }; };
      if (!tools[key].available()) { skip('not available', key === 'lectern' ? lecternReason : 'not installed'); continue; }
      if (timedOutAt[key]) { skip('timeout', `timed out at ×${timedOutAt[key]}; larger decks not tried`); continue; }
      if (opts.quick && size >= 100) { skip('skipped', 'skipped in --quick'); continue; }
      const outFile = path.join(dir, `${key}.pptx`);
      // slides must equal those of the deck the tool itself builds (Lectern may add agenda/closing slides)
      const expected = ctx.builtSlides?.(key, size) ?? deck.slides;
      rows[key] = { tool: key, label, outFile, expectedSlides: expected };
      counts[key] = [];
      cells.push({
        key, label,
        prepare: () => { rmSync(outFile, { force: true }); return tools[key].pptx(deck.files[key], outFile); },
        check: async () => {
          if (!existsSync(outFile)) return { fail: 'exited 0 but wrote no PPTX' };
          const n = await pptxSlides(outFile);
          if (n == null) return { fail: 'wrote a file that is not a readable PPTX (zip)' };
          counts[key].push(n);
          return n === expected ? undefined : `${n} slides in the PPTX for ${expected} in its deck`;
        },
      });
    }
    const res = cells.length ? await alternate(cells, { runs: opts.runs, budgetMs: opts.budgetMs, timeoutMs: opts.timeoutMs, log }) : {};
    for (const [key, row] of Object.entries(rows)) {
      if (res[key]) {
        Object.assign(row, res[key]);
        const seen = counts[key];
        row.pptxSlides = seen.length ? seen[seen.length - 1] : null;
        row.slideCountOk = seen.length ? seen.every((n) => n === row.expectedSlides) : null;
        row.outputBytes = bytesOf(row.outFile);
        if (row.status === 'timeout') timedOutAt[key] = size;
      }
      delete row.outFile;
      results.push({ size, slides: deck.slides, ...row });
    }
  }
  return results;
}
