/** A brief as one self-contained HTML page of paper size (pure): no script, one hashed stylesheet, nothing to load. */
import { sha256 } from '../files/sha256.js';
import { escapeHtml } from '../escape-html.js';
import type { Brief, BriefItem } from './brief-content.js';
import type { PaperSize } from './paper.js';

/** More items than this are set in two columns. */
const TWO_COLUMNS_FROM = 8;

export interface BriefLook {
  paper: PaperSize;
  /** Body text size in points; headings scale with it. */
  fontPt: number;
}

/** The page's policy: nothing may load or run; only the page's own stylesheet, by its hash, applies. */
export function briefPolicy(css: string): string {
  const hash = sha256(css, 'base64');
  return ["default-src 'none'", `style-src 'sha256-${hash}'`, "base-uri 'none'", "form-action 'none'"].join('; ');
}

export function renderBriefHtml(brief: Brief, look: BriefLook): string {
  const css = briefCss(look);
  const lines = [
    '<!doctype html>',
    `<html lang="${escapeHtml(brief.lang)}" dir="${brief.dir}">`,
    '<head>',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(briefPolicy(css))}">`,
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(brief.title)}</title>`,
    `<style>${css}</style>`,
    '</head>',
    '<body>',
    '<main class="brief">',
    '<header>',
    `<p class="kicker" dir="ltr">Brief · ${brief.minutes}-minute talk · ${brief.slides} slides</p>`,
    `<h1 dir="auto">${escapeHtml(brief.title)}</h1>`,
    ...(brief.byline.length > 0 ? [`<p class="byline" dir="auto">${brief.byline.map(escapeHtml).join(' · ')}</p>`] : []),
    ...(brief.context ? [`<p class="context" dir="auto">${escapeHtml(brief.context)}</p>`] : []),
    '</header>',
    '<section>',
    `<h2>${brief.sectioned ? `Agenda and takeaways · ${brief.minutes} min` : 'Key points'}</h2>`,
    // Many short items read better, and more of them fit, in two columns.
    `<ol${brief.items.length > TWO_COLUMNS_FROM ? ' class="columns"' : ''}>${brief.items.map(itemHtml).join('')}</ol>`,
    ...moreHtml(brief),
    '</section>',
    '</main>',
    '</body>',
    '</html>',
    '',
  ];
  return lines.join('\n');
}

function itemHtml(item: BriefItem): string {
  const head =
    item.title !== undefined
      ? `<div class="head"><span class="name" dir="auto">${escapeHtml(item.title)}</span>${item.minutes !== undefined ? `<span class="time" dir="ltr">${item.minutes} min</span>` : ''}</div>`
      : '';
  const figure = item.figure
    ? `<p class="figure" dir="auto"><strong>${escapeHtml(item.figure.value)}</strong>${item.figure.caption ? ` ${escapeHtml(item.figure.caption)}` : ''}</p>`
    : '';
  return `<li>${head}<p class="takeaway" dir="auto">${escapeHtml(item.takeaway)}</p>${figure}</li>`;
}

function moreHtml(brief: Brief): string[] {
  if (brief.more.length === 0 && brief.unnamed === 0) return [];
  const named = brief.more.map(escapeHtml).join(' · ');
  const counted = brief.unnamed > 0 ? `${named ? ' · ' : ''}${brief.unnamed} more section${brief.unnamed === 1 ? '' : 's'}` : '';
  return [`<p class="more" dir="auto">Also on the agenda: ${named}${counted}</p>`];
}

function briefCss({ paper, fontPt }: BriefLook): string {
  return `@page { size: ${paper.css}; margin: 0; }
html, body { margin: 0; padding: 0; }
body { font-family: Arial, "Liberation Sans", "Noto Sans", "Noto Sans CJK SC", sans-serif; color: #1f2328; background: #fff; }
.brief { box-sizing: border-box; width: ${paper.width.toFixed(2)}px; height: ${(Math.floor(paper.height) - 2).toFixed(0)}px; padding: 52px 58px 44px;
  overflow: hidden; font-size: ${fontPt}pt; line-height: 1.38; overflow-wrap: anywhere; }
@media screen { body { background: #e8eaed; } .brief { margin: 24px auto; background: #fff; box-shadow: 0 1px 6px rgba(0,0,0,.2); } }
header { border-bottom: 2px solid #1f2328; padding-bottom: 0.7em; margin-bottom: 0.9em; }
.kicker { margin: 0 0 0.3em; font-size: 0.85em; letter-spacing: 0.04em; text-transform: uppercase; color: #5b6270; }
h1 { margin: 0; font-size: 2em; line-height: 1.15; }
.byline { margin: 0.35em 0 0; color: #5b6270; }
.context { margin: 0.5em 0 0; font-size: 1.1em; }
h2 { margin: 0 0 0.5em; font-size: 0.95em; text-transform: uppercase; letter-spacing: 0.04em; color: #5b6270; }
ol { margin: 0; padding: 0 0 0 1.6em; }
li { margin: 0 0 0.75em; padding: 0; break-inside: avoid; }
ol.columns { columns: 2; column-gap: 2.4em; }
li::marker { font-weight: 700; }
.head { display: flex; gap: 1em; justify-content: space-between; align-items: baseline; font-weight: 700; }
.time { flex: none; font-weight: 400; color: #5b6270; }
.takeaway { margin: 0.15em 0 0; }
.figure { margin: 0.2em 0 0; color: #3d4450; }
.figure strong { color: #b3261e; margin-inline-end: 0.3em; }
.more { margin: 0.4em 0 0; color: #5b6270; }
`;
}
