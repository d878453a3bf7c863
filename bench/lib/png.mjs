// The PNG phase: one image per slide, Lectern's `export --format png --scale 1` beside Marp CLI's `--images png`
// (both 1280×720), at ×1 and ×10; ×100 (2,768 images) is not tried.
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { alternate } from './measure.mjs';

/** Sizes the PNG phase runs: a folder of thousands of images is not what this export is for. */
const PNG_SIZES = [1, 10];

/** PNG files in a folder (none when it does not exist). */
export function pngFiles(dir) {
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.png')).length : 0;
}

/** Every tool's images of every size up to ×10; images counted and compared with the slides of the tool's own deck. */
export async function pngPhase(ctx) {
  const { tools, decks, sizes, opts, log, work, lecternReason } = ctx;
  const results = [];
  for (const size of sizes.filter((candidate) => PNG_SIZES.includes(candidate))) {
    const deck = decks[size];
    log(`png ×${size} (${deck.slides} slides)`);
    const cells = [];
    const rows = {};
    const counts = {};
    for (const [key, label] of [['lectern', 'Lectern'], ['marp', 'Marp CLI --images png']]) {
      if (!tools[key].available()) {
        rows[key] = { tool: key, label, status: 'not available', error: key === 'lectern' ? lecternReason : 'not installed', wall: null };
        continue;
      }
      const outDir = path.join(work, 'out', 'png', `x${size}`, key);
      const expected = ctx.builtSlides?.(key, size) ?? deck.slides;
      rows[key] = { tool: key, label, expectedSlides: expected };
      counts[key] = [];
      cells.push({
        key, label,
        prepare: () => {
          rmSync(outDir, { recursive: true, force: true });
          mkdirSync(path.dirname(outDir), { recursive: true });
          return tools[key].png(deck.files[key], outDir);
        },
        check: () => {
          const n = pngFiles(outDir);
          counts[key].push(n);
          if (n === 0) return { fail: 'exited 0 but wrote no PNG' };
          return n === expected ? undefined : `${n} images for ${expected} slides in its deck`;
        },
      });
    }
    const res = cells.length ? await alternate(cells, { runs: opts.runs, budgetMs: opts.budgetMs, timeoutMs: opts.timeoutMs, log }) : {};
    for (const [key, row] of Object.entries(rows)) {
      if (res[key]) {
        Object.assign(row, res[key]);
        const seen = counts[key];
        row.images = seen.length ? seen[seen.length - 1] : null;
        row.imageCountOk = seen.length ? seen.every((n) => n === row.expectedSlides) : null;
      }
      results.push({ size, slides: deck.slides, ...row });
    }
  }
  return results;
}
