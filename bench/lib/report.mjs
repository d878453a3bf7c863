// Targets and the BENCHMARKS.md text, both computed from results.json's shape.

const ms = (v) => (v == null ? '—' : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(0)} ms`);
const mb = (v) => (v == null ? '—' : v >= 1048576 ? `${(v / 1048576).toFixed(1)} MB` : `${(v / 1024).toFixed(0)} KB`);
const wall = (r) => {
  if (!r || r.status === 'not available') return 'not available';
  if (r.status === 'skipped') return `skipped (${r.error})`;
  if (r.status === 'timeout') return `timeout (${r.error})`;
  if (r.status === 'failed') return 'failed';
  if (!r.wall) return '—';
  const { median, min, max, n } = r.wall;
  return `${ms(median)} (${ms(min)}–${ms(max)}), n=${n}${r.warmupOnly ? '*' : ''}`;
};
const ratio = (a, b) => (a?.wall && b?.wall ? a.wall.median / b.wall.median : null);
const x = (v) => (v == null ? '—' : `${v.toFixed(2)}×`);
const verdict = (ok) => (ok == null ? 'n/a' : ok ? '**pass**' : '**miss**');

/** Target rows: { target, size?, value, ok } where ok is true, false or null (not measurable). */
export function targets(results) {
  const out = [];
  const rowsAt = (list, size) => Object.fromEntries((list ?? []).filter((r) => r.size === size).map((r) => [r.tool, r]));
  const sizes = [...new Set((results.build?.rows ?? []).map((r) => r.size))];
  for (const size of sizes) {
    const r = rowsAt(results.build.rows, size);
    const q = ratio(r.lectern, r.marp);
    out.push({ target: 'Build ≤ 1/3 of Marp CLI', size, value: q == null ? '—' : `${x(q)} Marp`, ok: q == null ? null : q <= 1 / 3 });
  }
  for (const size of [...new Set((results.pdf?.rows ?? []).map((r) => r.size))]) {
    const r = rowsAt(results.pdf.rows, size);
    const q = ratio(r.lectern, r.marp);
    // The ×100 PDF's target is 0.6× (#14: Chromium's own printing is most of that time); ½ at the other sizes.
    const [label, limit] = size >= 100 ? ['PDF ≤ 0.6× of Marp CLI', 0.6] : ['PDF ≤ 1/2 of Marp CLI', 1 / 2];
    out.push({ target: label, size, value: q == null ? '—' : `${x(q)} Marp`, ok: q == null ? null : q <= limit });
    const d = r.decktape;
    let value = '—', ok = null;
    if (r.lectern?.wall && d?.wall) {
      const speed = d.wall.median / r.lectern.wall.median;
      value = `${speed.toFixed(1)}× faster`; ok = speed >= 5;
    } else if (r.lectern?.wall && d?.status === 'timeout' && d.timeoutMs) {
      const speed = d.timeoutMs / r.lectern.wall.median; // decktape took at least its timeout
      value = `≥ ${speed.toFixed(1)}× faster (decktape timed out)`; ok = speed >= 5 ? true : null;
    }
    out.push({ target: 'PDF ≥ 5× faster than decktape', size, value, ok });
  }
  if (results.dev) {
    const e = results.dev.edit;
    const lost = results.dev.lostEdits?.length ?? 0;
    out.push({ target: 'Edit-to-screen ≤ 100 ms median', value: e ? `${ms(e.median)}${lost ? ` (${lost} edit(s) never shown)` : ''}` : '—', ok: e ? e.median <= 100 && lost === 0 : null });
  }
  const b = rowsAt(results.build?.rows, 10).lectern, c = rowsAt(results.build?.rows, 100).lectern;
  if (b || c) {
    const q = ratio(c, b);
    out.push({ target: '×100 build ≤ 12× the ×10 build', value: q == null ? '—' : x(q), ok: q == null ? null : q <= 12 });
  }
  return out;
}

/** A row's notes and, when it failed, its error, as one table cell. */
function notesCell(r) {
  return [...(r.notes ?? []), r.status === 'failed' ? r.error : null].filter(Boolean).join('; ').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** Lectern's time as a share of a peer's; a peer that timed out took at least its timeout, so Lectern's share is at most that. */
function shareOfPeer(lec, r) {
  return r.status === 'timeout' && r.timeoutMs && lec?.wall ? `≤ ${x(lec.wall.median / r.timeoutMs)}` : x(ratio(lec, r));
}

function buildTable(rows) {
  const lines = ['| size | source slides | tool | wall: median (min–max) | Lectern / tool | output bytes | first-slide bytes (requests) | peak memory, tree (PSS) | peak RSS, one process | notes |',
    '|---|---|---|---|---|---|---|---|---|---|'];
  for (const r of rows) {
    const lec = rows.find((o) => o.size === r.size && o.tool === 'lectern');
    const q = r.tool.startsWith('lectern') ? '' : x(ratio(lec, r));
    const fs = r.firstSlideBytes == null ? '—' : `${mb(r.firstSlideBytes)} (${r.firstSlideRequests})`;
    const notes = notesCell(r);
    lines.push(`| ×${r.size} | ${r.slides ?? '—'} | ${r.label} | ${wall(r)} | ${q} | ${mb(r.outputBytes)} | ${fs} | ${mb(r.peakTreePss)} | ${mb(r.peakProcRss)} | ${notes} |`);
  }
  return lines.join('\n');
}

function pdfTable(rows) {
  const lines = ['| size | slides (tool\'s deck) | tool | wall: median (min–max) | Lectern / tool | pages | pages = slides | PDF bytes | peak memory, tree (PSS) | peak RSS, one process | notes |',
    '|---|---|---|---|---|---|---|---|---|---|---|'];
  for (const r of rows) {
    const lec = rows.find((o) => o.size === r.size && o.tool === 'lectern');
    const q = r.tool === 'lectern' ? '' : x(ratio(lec, r));
    const okPages = r.pageCountOk == null ? '—' : r.pageCountOk ? 'yes' : '**no**';
    const notes = notesCell(r);
    lines.push(`| ×${r.size} | ${r.expectedPages ?? r.slides} | ${r.label} | ${wall(r)} | ${q} | ${r.pages ?? '—'} | ${okPages} | ${mb(r.outputBytes)} | ${mb(r.peakTreePss)} | ${mb(r.peakProcRss)} | ${notes} |`);
  }
  return lines.join('\n');
}

/** Lectern's PPTX beside Marp CLI's: a reference, with no target, as the two files are different things. */
function pptxTable(rows) {
  const lines = ['| size | slides (tool\'s deck) | tool | wall: median (min–max) | Lectern / tool | slides in the PPTX | slides = deck | PPTX bytes | peak memory, tree (PSS) | peak RSS, one process | notes |',
    '|---|---|---|---|---|---|---|---|---|---|---|'];
  for (const r of rows) {
    const lec = rows.find((o) => o.size === r.size && o.tool === 'lectern');
    const q = r.tool === 'lectern' ? '' : shareOfPeer(lec, r);
    const okSlides = r.slideCountOk == null ? '—' : r.slideCountOk ? 'yes' : '**no**';
    const notes = notesCell(r);
    lines.push(`| ×${r.size} | ${r.expectedSlides ?? r.slides} | ${r.label} | ${wall(r)} | ${q} | ${r.pptxSlides ?? '—'} | ${okSlides} | ${mb(r.outputBytes)} | ${mb(r.peakTreePss)} | ${mb(r.peakProcRss)} | ${notes} |`);
  }
  return lines.join('\n');
}

/** Lectern's images beside Marp CLI's: a reference, with no target. */
function pngTable(rows) {
  const lines = ['| size | slides (tool\'s deck) | tool | wall: median (min–max) | Lectern / tool | images | images = slides | peak memory, tree (PSS) | notes |',
    '|---|---|---|---|---|---|---|---|---|'];
  for (const r of rows) {
    const lec = rows.find((o) => o.size === r.size && o.tool === 'lectern');
    const q = r.tool === 'lectern' ? '' : shareOfPeer(lec, r);
    const ok = r.imageCountOk == null ? '—' : r.imageCountOk ? 'yes' : '**no**';
    const notes = notesCell(r);
    lines.push(`| ×${r.size} | ${r.expectedSlides ?? r.slides} | ${r.label} | ${wall(r)} | ${q} | ${r.images ?? '—'} | ${ok} | ${mb(r.peakTreePss)} | ${notes} |`);
  }
  return lines.join('\n');
}

/**
 * Lectern against the machine's floor (`node -e 0` for a build; Node, Chromium's start and a blank print of the same
 * page count for a PDF), beside its ratio to Marp: how much of Lectern's time is its own work, and how that compares
 * with the time Marp spends above the same floor.
 */
function floorTable(results) {
  const lines = ['| work | size | floor | Lectern | Lectern ÷ floor | Lectern − floor | Lectern ÷ Marp | (Lectern − floor) ÷ (Marp − floor) |',
    '|---|---|---|---|---|---|---|---|'];
  for (const [name, phase] of [['build', results.build], ['PDF', results.pdf]]) {
    for (const size of [...new Set((phase?.rows ?? []).map((r) => r.size))]) {
      const at = (tool) => phase.rows.find((r) => r.size === size && r.tool === tool);
      const floor = at('floor'), lectern = at('lectern'), marp = at('marp');
      if (!floor?.wall) continue;
      const f = floor.wall.median, l = lectern?.wall?.median, m = marp?.wall?.median;
      const over = (v) => (v == null ? null : v - f);
      lines.push(`| ${name} | ×${size} | ${ms(f)} | ${ms(l)} | ${x(l == null ? null : l / f)} | ${over(l) == null ? '—' : `+${ms(over(l))}`} | ${x(ratio(lectern, marp))} | ${x(l == null || m == null || m <= f ? null : (l - f) / (m - f))} |`);
    }
  }
  return lines.length > 2 ? lines.join('\n') : '';
}

/** The whole BENCHMARKS.md. */
/** The report; `profiles` (Markdown, may be empty) goes after the targets: where the time goes and what was tried. */
export function renderMarkdown(results, profiles = '') {
  const m = results.machine;
  const t = targets(results);
  const out = [];
  out.push('# Benchmarks', '');
  out.push('Lectern against Marp CLI, reveal-md and decktape on the same deck, measured side by side in one run by `npm run bench`',
    '(harness: `bench/run.mjs`; raw numbers: `bench/results.json`). This file is written by the harness; edit `bench/lib/report.mjs` (tables) or `bench/profiles.md` (profiles and fixes) instead.', '');
  out.push('## Machine', '');
  out.push(`- Date: ${results.date} (${results.mode} run${results.phasesRun ? `; phases run: ${results.phasesRun.join(', ')}` : ''})`);
  out.push(`- CPU: ${m.cpu}, ${m.nproc} cores (\`nproc\`); memory ${mb(m.memTotal)}; ${m.os}`);
  out.push(`- Node ${m.node}; ${m.chromium} (\`/usr/bin/chromium\`, used by every tool)`);
  out.push(`- Tools: ${Object.entries(m.tools).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  out.push(`- Memory measured with ${m.memoryMethod}`, '');
  out.push('## Targets', '', '| target | size | measured | result |', '|---|---|---|---|');
  for (const r of t) out.push(`| ${r.target} | ${r.size ? `×${r.size}` : ''} | ${r.value} | ${verdict(r.ok)} |`);
  out.push('');
  const floor = floorTable(results);
  if (floor) {
    out.push('## The floor', '', 'What this machine needs before any tool does work: starting Node (`node -e 0`) for a build; starting Node and Chromium (through Lectern\'s own driver, with its export flags) and printing as many blank pages as Lectern\'s PDF has, in one print, for a PDF (`bench/floor-pdf.mjs`). Timed in the same alternating rounds as the tools.', '', floor, '');
  }
  if (profiles.trim()) out.push(profiles.trim(), '');
  if (results.build) out.push(`## Build static HTML`, '', `_${results.build.date}, ${results.build.mode}_`, '', buildTable(results.build.rows), '');
  if (results.pdf) out.push('## PDF export', '', `_${results.pdf.date}, ${results.pdf.mode}_`, '', pdfTable(results.pdf.rows), '');
  if (results.pptx) {
    out.push('## PPTX export (reference, no target)', '', `_${results.pptx.date}, ${results.pptx.mode}_`, '',
      'Not like for like: Lectern writes a native PowerPoint file (text boxes, lists and tables that can be edited; no browser), while Marp CLI\'s `--pptx` renders each slide in Chromium and sets the picture as the slide\'s background, so the text of its slides cannot be edited (both carry the speaker notes). Marp\'s editable mode (`--pptx-editable`) needs LibreOffice and is marked experimental; it is not measured. The times show what each file costs, not two ways of doing the same job.', '',
      pptxTable(results.pptx.rows), '');
  }
  if (results.png) {
    out.push('## PNG export (reference, no target)', '', `_${results.png.date}, ${results.png.mode}_`, '',
      'One 1280×720 image per slide: `node bin/lectern.js export file.md --format png --scale 1 --out DIR` and `marp file.md --images png -o DIR/deck.png`, in the same rounds, budgets and timeouts as the PDF phase; ×100 (2,768 images) is not tried.', '',
      pngTable(results.png.rows), '');
  }
  if (results.dev) {
    const d = results.dev;
    out.push('## Live editing (Lectern only)', '', `_${d.date}, ${d.mode}_`, '');
    if (d.status !== 'ok') out.push(`${d.status}: ${d.error ?? ''}`, '');
    else {
      const s = (v) => (v ? `${ms(v.median)} (${ms(v.min)}–${ms(v.max)}), n=${v.n}` : '—');
      out.push('| measure | median (min–max) |', '|---|---|',
        `| \`lectern dev\` cold start to first slide shown | ${s(d.coldStart)} |`,
        `| edit-to-screen (write the file → new text in the page) | ${s(d.edit)} |`,
        `| edits never shown within 3 s (the first edit is a warm-up) | ${d.lostEdits?.length ?? 0} of ${d.editsWritten} |`,
        `| dev server peak memory, tree (PSS) | ${mb(d.peakTreePss)} |`, '');
      if (d.notes?.length) out.push(...d.notes.map((n) => `- ${n}`), '');
    }
  }
  if (results.big) {
    const b = results.big;
    out.push('## 10 MB article (Lectern only)', '', `_${b.date}, ${b.mode}_`, '');
    out.push(`Generated Markdown: ${mb(b.bytes)}, ${b.sections} sections of ${b.paragraphs} paragraphs in all.`, '');
    out.push('| measure | value |', '|---|---|', `| build wall | ${wall(b)} |`, `| peak memory, tree (PSS) | ${mb(b.peakTreePss)} |`,
      `| peak RSS, one process | ${mb(b.peakProcRss)} |`, '');
  }
  out.push('## Method', '');
  out.push(...[
    '- **Work.** The seed article (`../shared/articles/deepseek-r1.txt`, read at run time, never committed) becomes one deck: a title slide, a slide per section, and a slide per paragraph whose point is the lead sentence and whose note is the whole paragraph (27 slides). It is written in each tool\'s dialect (Marp: `marp: true`, `---`, notes in HTML comments; reveal-md: `---`, `Note:`; Lectern: front matter, `##` section, `###` slide, text, `Note:`) at ×1, ×10 and ×100 (27, 261, 2,601 slides) into `bench/work/` (gitignored). Lectern also builds the raw article.',
    '- **Commands.** Build: `marp file.md -o DIR/index.html`; `reveal-md file.md --static DIR`; `node bin/lectern.js build file.md --out DIR`. PDF: `marp --pdf`; `reveal-md --print` (its own server, on a free 127.0.0.1 port); `decktape reveal URL out.pdf` against a reveal-md static build of the same deck served by the harness on 127.0.0.1 (that build is not timed; decktape keeps its default 1 s pause per slide); `node bin/lectern.js export file.md --format pdf`. PPTX: `marp --pptx` (pictures of slides); `node bin/lectern.js export file.md --format pptx` (native, editable); same rounds, budgets and timeouts as the PDF phase. Every browser is `/usr/bin/chromium` (`CHROME_PATH`, `--puppeteer-chromium-executable`, `--chrome-path`), with background networking off; `PUPPETEER_SKIP_DOWNLOAD=1` and `NO_UPDATE_NOTIFIER=1` throughout.',
    '- **Runs.** At each size, every tool runs once as a warm-up, then the tools alternate (A B C A B C …) for the counted runs. A cell whose runs would exceed the per-cell budget gets fewer runs; one whose warm-up alone exceeds it keeps the warm-up as its only sample (marked `*`). Every run is bounded by a timeout and its whole process tree is killed afterwards; a tool that times out at one size is not tried at larger ones. Wall time is the median, with min–max and n.',
    '- **Bytes.** Output bytes: every file the build wrote. First-slide bytes: the built page loaded in Chromium (playwright-core) from a 127.0.0.1 server, until the first slide shows (Reveal `isReady()`, or a section after `load`) and the network is idle, summing response bodies; any request not to 127.0.0.1 is blocked and reported.',
    '- **Memory.** Peak memory of the process tree: every process under the command, browsers included, polled every 100 ms from /proc and summed as PSS (shared pages split among the processes sharing them; the plain RSS sum, which counts Chromium\'s shared pages once per process, is in results.json as `peakTreeRss`). Also the largest single process\'s peak RSS (`/usr/bin/time -v`). Polling can miss a peak shorter than 100 ms. PSS is read in each cell\'s warm-up run only: the kernel walks every page table to answer it, which slowed a long PDF export by 15 % (2.5 s of 15.5 s with two print tabs, 1 s of 29 s for Marp CLI\'s one), so the counted runs read only RSS from `/proc/PID/stat`, which costs nothing measurable.',
    '- **Floor.** `node -e 0` in the build rounds; in the PDF rounds `node bench/floor-pdf.mjs N out.pdf`, which starts Chromium with Lectern\'s driver and export flags and prints N blank pages of the slide size in one print (N: the pages of Lectern\'s PDF). Lectern ÷ floor and Lectern − floor are in "The floor".',
    '- **PDF pages** are counted with `pdfinfo` and must equal the deck\'s slides; mismatches are flagged in the table. **PPTX slides** are the `ppt/slides/slideN.xml` parts of the file (read with JSZip), checked the same way.',
    '- **Live editing.** `lectern dev deck.md --port P` starts, Chromium (already running) polls the URL until the first slide shows: cold start. Then the first slide\'s point is edited 1 + 20 times (the first is a warm-up), timing the file write until the new text is in `.reveal .slides`.',
    '- **10 MB article.** The seed\'s sections cycled to 10 MB of Markdown, each a numbered `##` heading over its paragraphs, outlined by Lectern itself (`lectern build`, 3 runs, 300 s timeout).',
    '- **Noise.** The machine has few cores shared with other work; treat differences under ~20 % as noise.',
  ]);
  out.push('');
  return out.join('\n');
}
