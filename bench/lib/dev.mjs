// Lectern only: dev-server cold start to first slide, edit-to-screen latency, and the 10 MB article's build.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { localPage, waitFirstSlide } from './browser.mjs';
import { alternate, summary } from './measure.mjs';
import { startProcess } from './proc.mjs';
import { ENV, freePort } from './tools.mjs';

const EDIT_TIMEOUT_MS = 3000;
const now = () => Number(process.hrtime.bigint()) / 1e6;

/** Retries page.goto until the server answers (it may not listen yet), then waits for the first slide. */
async function openWhenUp(page, url, deadline) {
  for (;;) {
    try {
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout: Math.max(1000, deadline - now()) });
      await waitFirstSlide(page, Math.max(1000, deadline - now()));
      return;
    } catch (e) {
      if (now() > deadline) throw new Error(`no slide within the timeout: ${e.message.split('\n')[0]}`, { cause: e });
      await sleep(25);
    }
  }
}

/** Waits until the deck's DOM contains text; survives the full reloads a dev server may do. */
async function waitText(page, text, deadline) {
  for (;;) {
    try {
      await page.waitForFunction((t) => (document.querySelector('.reveal .slides')?.textContent ?? '').includes(t),
        text, { polling: 'raf', timeout: Math.max(100, deadline - now()) });
      return;
    } catch (e) {
      if (now() > deadline) throw new Error(`edit not shown within the timeout: ${e.message.split('\n')[0]}`, { cause: e });
      await sleep(5); // the page navigated (reload): look again in the new document
    }
  }
}

/** Dev phase: `lectern dev` cold starts (median) and the median of N edit-to-screen latencies. */
export async function devPhase(ctx) {
  const { tools, decks, opts, log, work, browser, lecternReason } = ctx;
  if (!tools.lectern.available()) return { status: 'not available', error: lecternReason };
  if (!browser) return { status: 'failed', error: 'no browser' };
  const dir = path.join(work, 'dev');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'deck.md');
  const original = readFileSync(decks[1].files.lectern, 'utf8');
  const lead = /\n### [^\n]+\n\n([^\n]+)\n/.exec(original)[1]; // the first content slide's point
  const result = { status: 'ok', coldStartMs: [], editMs: [], lostEdits: [], editsWritten: opts.edits + 1, notes: [], peakTreeRss: 0, peakTreePss: 0 };
  const starts = opts.quick ? 1 : 3;
  for (let s = 0; s < starts; s++) {
    copyFileSync(decks[1].files.lectern, file);
    const port = await freePort();
    const spec = tools.lectern.dev(file, port);
    const { page, context, blocked } = await localPage(browser);
    const t0 = now();
    const proc = startProcess(spec.cmd, spec.args, { cwd: spec.cwd, env: ENV });
    try {
      const url = `http://127.0.0.1:${port}/`;
      const failed = proc.exited.then((code) => { throw new Error(`dev server exited with ${code}: ${proc.out.stderr.trim().slice(-300)}`); });
      failed.catch(() => {});
      await Promise.race([openWhenUp(page, url, t0 + opts.timeoutMs), failed]);
      const cold = now() - t0;
      result.coldStartMs.push(cold);
      log(`  dev cold start ${s + 1}: ${cold.toFixed(0)} ms`);
      if (s === 0) {
        for (let i = 0; i <= opts.edits; i++) {
          const token = `Edit${i}Q${Math.random().toString(36).slice(2, 8)}`;
          const text = original.replace(lead, `${token} ${lead}`);
          await sleep(150); // let the watcher settle after the previous edit
          const t = now();
          writeFileSync(file, text); // in place, as most editors save
          try {
            await Promise.race([waitText(page, token, t + EDIT_TIMEOUT_MS), failed]);
          } catch (e) {
            if (/exited/.test(e.message)) throw e;
            // never shown: the next write usually recovers; counted, reported, and left out of the median
            result.lostEdits.push({ edit: i, server: proc.out.stderr.trim().split('\n').pop() });
            log(`  edit ${i} not shown within ${EDIT_TIMEOUT_MS} ms (server: ${result.lostEdits.at(-1).server})`);
            continue;
          }
          const ms = now() - t;
          if (i > 0) result.editMs.push(ms); // the first edit is a warm-up
        }
        log(`  edit-to-screen: ${result.editMs.map((m) => m.toFixed(0)).join(' ')} ms; lost: ${result.lostEdits.length}`);
        if (result.lostEdits.length) result.notes.push(`${result.lostEdits.length} of ${opts.edits + 1} edits never reached the page (server's last words: "${result.lostEdits[0].server}")`);
      }
      if (blocked.length) result.notes.push(`blocked ${blocked.length} non-local request(s)`);
    } catch (e) {
      result.status = 'failed';
      result.error = e.message;
      result.serverOutput = proc.out.stderr.trim().split('\n').slice(-5).join('\n');
      log(`  dev server said: ${result.serverOutput}`);
      log(`  dev failed: ${e.message}`);
      break;
    } finally {
      result.peakTreeRss = Math.max(result.peakTreeRss, proc.watch.peak);
      result.peakTreePss = Math.max(result.peakTreePss, proc.watch.peakPss);
      proc.stop();
      await context.close().catch(() => {});
    }
  }
  result.coldStart = summary(result.coldStartMs);
  result.edit = summary(result.editMs);
  return result;
}

/** Big phase: Lectern builds the generated 10 MB Markdown article. */
export async function bigPhase(ctx) {
  const { tools, big, opts, log, work, lecternReason } = ctx;
  const base = { bytes: big.bytes, sections: big.sections, paragraphs: big.paragraphs };
  if (!tools.lectern.available()) return { ...base, status: 'not available', error: lecternReason };
  const outDir = path.join(work, 'out', 'big');
  log(`big: ${(big.bytes / 1048576).toFixed(1)} MB, ${big.sections} sections, ${big.paragraphs} paragraphs`);
  const res = await alternate([{
    key: 'lectern', label: 'Lectern 10 MB',
    prepare: () => { rmSync(outDir, { recursive: true, force: true }); return tools.lectern.build(big.file, outDir); },
  }], { runs: opts.quick ? 1 : 3, budgetMs: opts.budgetMs, timeoutMs: opts.bigTimeoutMs, log });
  return { ...base, ...res.lectern };
}
