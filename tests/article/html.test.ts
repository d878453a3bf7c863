import { existsSync, readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { ExitCode, LecternError } from '../../src/errors.js';
import { parseHtml } from '../../src/article/html.js';
import type { Article, Block } from '../../src/article/types.js';

const fixture = (path: string): string => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');

/** Every piece of text and markup an article carries into the deck. */
function allContent(article: Article): string {
  return JSON.stringify(article.sections);
}

function blocks(article: Article): Block[] {
  return article.sections.flatMap((s) => s.blocks);
}

/** A page body wrapped in the usual chrome, with enough text for the extraction to find an article. */
function page(body: string, head = '<title>Test page</title>', lang = 'en'): string {
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8">${head}</head><body>
<nav><a href="/">Home</a> <a href="/about">About us</a></nav>
<main><article>${body}</article></main>
<footer>Copyright footer line</footer></body></html>`;
}

const FILLER =
  '<p>Tide tables were printed weekly and pinned to the harbour office door, where every skipper read them before ' +
  'leaving, because the sandbanks at the mouth shifted with each storm and the old charts could not be trusted.</p>';

describe('parseHtml on a saved page', () => {
  const source = fixture('html/saved-page.html');
  const { article, warnings } = parseHtml(source, 'saved-page.html');

  it('reads the metadata, preferring og:title over the <title> with its site suffix', () => {
    expect(article.format).toBe('html');
    expect(article.file).toBe('saved-page.html');
    expect(article.meta).toMatchObject({ title: 'Canal lifts of the Low Countries', author: 'Maren Okafor', lang: 'en-GB' });
    expect(warnings).toEqual([]);
  });

  it('splits sections at h2 and keeps the introduction untitled', () => {
    expect(article.sections.map((s) => s.title)).toEqual([undefined, 'History', 'Operation']);
    const [intro, history, operation] = article.sections;
    expect(intro!.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph']);
    expect(history!.blocks.map((b) => b.kind)).toEqual(['paragraph', 'slide-heading', 'paragraph', 'list', 'quote']);
    expect(operation!.blocks.map((b) => b.kind)).toEqual(['paragraph', 'image', 'table', 'code', 'html']);
  });

  it('keeps chrome, infobox, reference list and back-matter sections out of every block', () => {
    const content = allContent(article);
    for (const chrome of [
      'cookie',
      'Accept cookies',
      'Waterways Wiki home',
      'Random barge',
      'Donate',
      'Log in',
      'Navigation menu',
      'Community portal',
      'Recent changes',
      'Infobox',
      'eighteen-eighty-eight',
      'From Waterways Wiki',
      'Hydraulic Lifts and Their Keepers',
      'Caissons of the Centre Canal',
      'Peeters',
      'Harbour Press',
      'Navbox',
      'Canals of Hainaut',
      'See also',
      'List of boat lifts',
      'References',
      'Privacy policy',
      'footer notice',
      'TRACKER_SCRIPT_TEXT',
      'cite_note',
    ]) {
      expect(content, chrome).not.toContain(chrome);
    }
    expect(content).not.toMatch(/\bedit\b/i);
  });

  it('removes citation marks from running text', () => {
    const intro = article.sections[0]!.blocks[0]!;
    expect(intro).toMatchObject({ kind: 'paragraph' });
    if (intro.kind !== 'paragraph') return;
    expect(intro.text).toBe(
      'A canal lift raises a boat between two water levels in a single movement, where a flight of locks would take ' +
        'an hour or more. The flat country between the great rivers needed very few of them, which is why the four ' +
        'old lifts on the Centre Canal are so well known.',
    );
    expect(intro.html).toContain('<b>canal lift</b>');
    expect(allContent(article)).not.toMatch(/\[\d+\]/);
  });

  it('builds lists, quotes, images, tables, code and html blocks', () => {
    const all = blocks(article);
    const list = all.find((b) => b.kind === 'list');
    expect(list).toMatchObject({
      ordered: false,
      items: [
        { text: 'Counterweight towers, heavy and slow to build' },
        {
          text: 'Twin hydraulic rams',
          children: { items: [{ text: 'one ram under each caisson' }, { text: 'linked by a single pipe', html: 'linked by a <em>single</em> pipe' }] },
        },
      ],
    });
    expect(all.find((b) => b.kind === 'quote')).toMatchObject({
      text: 'The caissons rise and fall like the pans of a balance, and the canal itself does the work.',
      attribution: 'Ilse Vandamme, lock keeper',
    });
    expect(all.find((b) => b.kind === 'image')).toMatchObject({
      src: 'images/lift-caisson.jpg',
      alt: 'A caisson halfway up the lift tower',
      title: 'The eastern caisson during a test run.',
    });
    expect(all.find((b) => b.kind === 'table')).toMatchObject({
      header: ['Lift', 'Height (m)'],
      rows: [
        ['Lift one', '15.4'],
        ['Lift two', '16.9'],
      ],
    });
    expect(all.find((b) => b.kind === 'code')).toMatchObject({ code: 'level difference = upper - lower', lang: 'text' });
    expect(all.find((b) => b.kind === 'html')).toMatchObject({
      text: 'Maintenance schedule The rams are resealed every twelve years.',
    });
    expect(all.find((b) => b.kind === 'slide-heading')).toMatchObject({ text: 'Early designs' });
  });

  it('points blocks and headings at their lines in the source', () => {
    const lines = source.split('\n');
    const lineOf = (needle: string): number => lines.findIndex((l) => l.includes(needle)) + 1;
    expect(article.sections[1]!.line).toBe(lineOf('<h2 id="History">'));
    expect(article.sections[2]!.line).toBe(lineOf('<h2>Operation</h2>'));
    expect(article.sections[0]!.line).toBe(lineOf('A <b>canal lift</b>'));
    expect(blocks(article).find((b) => b.kind === 'table')!.line).toBe(lineOf('<th>Lift</th>'));
    const all = blocks(article).map((b) => b.line);
    expect(all).toEqual([...all].sort((a, b) => a - b));
  });
});

describe('parseHtml on other page shapes', () => {
  it('reads a Wikipedia-style page: <title> suffix, citation superscripts, localised back matter', () => {
    const html = page(
      `<h1 id="firstHeading">Gezeitenkraftwerk</h1>
<div id="siteSub">Aus Wikipedia, der freien Enzyklopädie</div>
<div id="toc" class="toc"><h2>Inhaltsverzeichnis</h2><ul><li>1 Geschichte</li></ul></div>
<p>Ein Gezeitenkraftwerk nutzt den Tidenhub, um Strom zu erzeugen.<sup class="reference">[a]</sup> Die Anlage an der Rance lief über fünfzig Jahre.<sup>[12]</sup></p>
<div class="mw-heading mw-heading2"><h2>Geschichte</h2><span class="mw-editsection"><a href="/e">Bearbeiten</a></span></div>
<p>Die ersten Pläne entstanden lange vor dem Bau, als man Mühlen mit dem Gezeitenwasser betrieb und die Becken bei Flut füllte.[citation needed]</p>
${FILLER}
<h2>Einzelnachweise</h2><ol><li>Quellenangabe Nummer eins, Verlag am Meer.</li></ol>
<h2>Weblinks</h2><ul><li><a href="https://example.org">Offizielle Seite der Betreiber</a></li></ul>`,
      '<title>Gezeitenkraftwerk – Wikipedia</title>',
      'de',
    );
    const { article } = parseHtml(html, 'wiki.html');
    expect(article.meta.title).toBe('Gezeitenkraftwerk');
    expect(article.meta.lang).toBe('de');
    expect(article.sections.map((s) => s.title)).toEqual([undefined, 'Geschichte']);
    const content = allContent(article);
    for (const gone of [
      '[a]',
      '[12]',
      'citation needed',
      'Bearbeiten',
      'Inhaltsverzeichnis',
      'Quellenangabe',
      'Offizielle Seite',
      'Wikipedia',
      'Home',
      'Copyright',
    ]) {
      expect(content, gone).not.toContain(gone);
    }
    expect(article.sections[0]!.blocks[0]).toMatchObject({
      text: 'Ein Gezeitenkraftwerk nutzt den Tidenhub, um Strom zu erzeugen. Die Anlage an der Rance lief über fünfzig Jahre.',
    });
  });

  it('strips a site name from <title> when there is no og:title or h1', () => {
    const html = page(
      `${FILLER}${FILLER.replace('weekly', 'daily')}`,
      '<title>Harbour Notes | Reading the tide tables</title><meta property="og:site_name" content="Harbour Notes">',
    );
    expect(parseHtml(html, 'p.html').article.meta.title).toBe('Reading the tide tables');
  });

  it('drops a site name from og:title, recognised by the canonical host', () => {
    const head =
      '<meta property="og:title" content="Reading the tide tables - Harbour Notes"><link rel="canonical" href="https://www.harbournotes.example/tides">';
    expect(parseHtml(page(`${FILLER}${FILLER}`, head), 'p.html').article.meta.title).toBe('Reading the tide tables');
  });

  it("falls back to the extraction's title heuristics without a site name", () => {
    const html = page(`${FILLER}${FILLER.replace('weekly', 'daily')}`, '<title>Harbour Notes | Reading the tide tables</title>');
    expect(parseHtml(html, 'p.html').article.meta.title).toBe('Reading the tide tables');
  });

  it('keeps an article wrapped in a whole-page <form>', () => {
    const html = page(`<form action="/postback"><input type="hidden" name="state"><h2>Charts</h2>${FILLER}${FILLER.replace('weekly', 'daily')}</form>`);
    const { article } = parseHtml(html, 'p.html');
    expect(article.sections.map((s) => s.title)).toEqual(['Charts']);
    expect(article.sections[0]!.blocks).toHaveLength(2);
  });

  it('skips a back-matter sub-heading only until the next heading of its level', () => {
    const html = page(
      `<h2>Method</h2>${FILLER}<h3>Notes</h3><p>Note one about the survey boats used.</p><h3>Results</h3>${FILLER.replace('weekly', 'monthly')}`,
    );
    const { article } = parseHtml(html, 'p.html');
    expect(article.sections.map((s) => s.title)).toEqual(['Method']);
    expect(allContent(article)).not.toContain('Note one');
    expect(article.sections[0]!.blocks.find((b) => b.kind === 'slide-heading')).toMatchObject({ text: 'Results' });
  });

  it('takes quote attributions from a dash line, and keeps hidden elements out', () => {
    const html = page(`${FILLER}<blockquote><p>Read the water, not the chart.<br>— An old pilot</p></blockquote>
<blockquote><p>Storms move sand.</p><p>- Harbour saying</p></blockquote>
<p hidden>Hidden paragraph text.</p><div style="display: none">Invisible div text.</div><ol start="4"><li>fourth</li><li>fifth</li></ol>`);
    const { article } = parseHtml(html, 'p.html');
    const quotes = blocks(article).filter((b) => b.kind === 'quote');
    expect(quotes).toMatchObject([
      { text: 'Read the water, not the chart.', attribution: 'An old pilot' },
      { text: 'Storms move sand.', attribution: 'Harbour saying' },
    ]);
    expect(blocks(article).find((b) => b.kind === 'list')).toMatchObject({ ordered: true, start: 4 });
    expect(allContent(article)).not.toMatch(/Hidden paragraph|Invisible div/);
  });

  it('sanitises hostile markup inside the article and drops images with unsafe URLs', () => {
    const html =
      page(`${FILLER}<p>Click <a href="javascript:alert(1)" onclick="alert(2)">here</a> or <a href="https://example.com/tides" target="_self">there</a>.<img src="x" onerror="alert(3)"></p>
<figure><img src="javascript:alert(4)" alt="bad image"><figcaption>A bad image</figcaption></figure>`);
    const { article, warnings } = parseHtml(html, 'p.html');
    for (const block of blocks(article)) {
      if (!('html' in block)) continue;
      const doc = new JSDOM(`<body>${block.html}</body>`).window.document;
      for (const el of Array.from(doc.body.querySelectorAll('*'))) {
        expect(
          Array.from(el.attributes)
            .map((a) => a.name)
            .filter((n) => n.startsWith('on')),
        ).toEqual([]);
        expect(el.getAttribute('href') ?? '').not.toMatch(/javascript/i);
      }
    }
    expect(allContent(article)).toContain('target=\\"_blank\\" rel=\\"noopener noreferrer\\"');
    expect(blocks(article).some((b) => b.kind === 'image')).toBe(false);
    expect(warnings.map((w) => w.message)).toEqual(['image "bad image" dropped: its URL is not allowed']);
  });

  it('lets no hostile vector through into block HTML', () => {
    const vectors = JSON.parse(fixture('hostile/vectors.json')) as Array<{ name: string; html: string }>;
    for (const vector of vectors) {
      const { article } = parseHtml(page(`${FILLER}<p>${vector.html}</p><div>${vector.html}</div>`), 'v.html');
      for (const block of blocks(article)) {
        const html = 'html' in block ? block.html : '';
        expect(html, vector.name).not.toMatch(/<(script|iframe|object|embed|svg|math|style|form|meta|base|link|noscript|template)\b/i);
        const doc = new JSDOM(`<body>${html}</body>`).window.document;
        for (const el of Array.from(doc.body.querySelectorAll('*'))) {
          for (const attr of Array.from(el.attributes)) {
            expect(attr.name, vector.name).not.toMatch(/^(on|style$|srcdoc$)/i);
            expect(attr.value.replace(/[\s\u0000-\u001f]/g, ''), vector.name).not.toMatch(/^(javascript|vbscript|data:text)/i);
          }
        }
      }
    }
  });

  it('rejects a page without an article', () => {
    const html = `<!DOCTYPE html><html><head><title>Sign in - Portal</title></head><body>
<div class="cookie-banner"><p>We use cookies on this site to give you the best experience possible.</p><button>Accept cookies</button></div>
<nav><ul><li><a href="/a">Products</a></li><li><a href="/b">Pricing</a></li></ul></nav>
<footer><p>Privacy policy · Terms of service · Contact the company</p></footer></body></html>`;
    for (const input of [html, '', '<html><body></body></html>']) {
      let error: unknown;
      try {
        parseHtml(input, 'empty.html');
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(LecternError);
      expect((error as LecternError).exitCode).toBe(ExitCode.input);
      expect((error as LecternError).location).toEqual({ file: 'empty.html' });
      expect((error as LecternError).message).toContain('contains no article text');
    }
  });
});

interface Expected {
  format: string;
  lang: string;
  title: string;
  introduction: boolean;
  sections: number;
  titles: string[];
  subsections?: Record<string, string[]>;
  excludedHeadings?: string[];
  mustNotAppear?: string[];
}

const wikiPath = new URL('../fixtures/articles/wiki-page.html', import.meta.url);
const expectedPath = new URL('../fixtures/articles/expected.json', import.meta.url);

describe.skipIf(!existsSync(wikiPath) || !existsSync(expectedPath))('parseHtml on the wiki-page article fixture', () => {
  const expected = (JSON.parse(readFileSync(expectedPath, 'utf8')) as Record<string, Expected>)['wiki-page.html']!;
  const { article } = parseHtml(readFileSync(wikiPath, 'utf8'), 'wiki-page.html');

  it('reads the title, language and sections of expected.json', () => {
    expect(article.format).toBe(expected.format);
    expect(article.meta.title).toBe(expected.title);
    expect(article.meta.lang).toBe(expected.lang);
    expect(article.sections).toHaveLength(expected.sections);
    expect(article.sections[0]!.title === undefined).toBe(expected.introduction);
    expect(article.sections.filter((s) => s.title !== undefined).map((s) => s.title)).toEqual(expected.titles);
    for (const [section, headings] of Object.entries(expected.subsections ?? {})) {
      const found = article.sections.find((s) => s.title === section)!;
      expect(found.blocks.filter((b) => b.kind === 'slide-heading').map((b) => (b.kind === 'slide-heading' ? b.text : ''))).toEqual(headings);
    }
  });

  it('keeps page chrome, reference lists and back matter out of every block', () => {
    const headings = article.sections.flatMap((s) => [s.title, ...s.blocks.map((b) => (b.kind === 'slide-heading' ? b.text : undefined))]);
    for (const excluded of expected.excludedHeadings ?? []) expect(headings).not.toContain(excluded);
    const content = allContent(article);
    for (const text of [
      ...(expected.mustNotAppear ?? []),
      'Donate',
      'Privacy policy',
      'Accept cookies',
      'The Lighthouse Stevensons',
      'An Account of the Bell-Rock Light-House',
      'The Inchcape Rock',
    ]) {
      expect(content, text).not.toContain(text);
    }
  });

  it('points sections at their headings, not at the table of contents', () => {
    const lines = readFileSync(wikiPath, 'utf8').split('\n');
    for (const section of article.sections.slice(1)) {
      expect(lines[section.line - 1], section.title).toMatch(new RegExp(`<h2>.*${section.title}</span>`));
    }
    const all = blocks(article).map((b) => b.line);
    expect(all).toEqual([...all].sort((a, b) => a - b));
  });

  it('keeps every article paragraph', () => {
    const paragraphs = blocks(article).filter((b) => b.kind === 'paragraph');
    expect(paragraphs).toHaveLength(13);
    expect(paragraphs[0]).toMatchObject({ html: expect.stringContaining('<b>Bell Rock Lighthouse</b>') });
  });
});
