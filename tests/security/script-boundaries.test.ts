/**
 * The boundaries between an article and the page's own code, unit by unit: slide ids live in their own namespace,
 * the runtime takes only known Reveal options, exports may load only their own folder, the index links only paths,
 * and Chromium drops its sandbox only where it must. tests/security/exfiltration.test.ts runs the same vectors
 * through the real CLI in Chromium.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/article/markdown.js';
import { exportMayLoad, sandboxFlags } from '../../src/browser/launch.js';
import { withPolicyMeta } from '../../src/site/single-file.js';
import { outlineArticle, SLIDE_ID_PREFIX } from '../../src/outline/outline.js';
import { ALLOWED_REVEAL_OPTIONS, readPageConfig, safeRevealOptions } from '../../src/present/config.js';
import { revealConfig } from '../../src/render/reveal-config.js';
import { EXPORT_OPTIONS, stageSite } from '../../src/browser/stage.js';
import { prepareDeck } from '../../src/pipeline.js';
import { planSite } from '../../src/site/build-site.js';
import { deckIndexHref, renderDeckIndex } from '../../src/site/deck-index.js';
import { ensureRuntime } from '../../src/site/runtime.js';
import { DEFAULT_DECK, ROOT } from '../helpers/paths.js';

interface Corpus {
  pageIds: string[];
  collidingTitles: string[];
  loopbackHosts: string[];
  fileUrls: string[];
  indexFileNames: string[];
}

const CORPUS = JSON.parse(readFileSync(new URL('../fixtures/hostile/exfiltration.json', import.meta.url), 'utf8')) as Corpus;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every id the templates, the Lectern sources that write pages and the bundled runtime write or look up. */
async function idsThePageUses(): Promise<Set<string>> {
  const ids = new Set<string>();
  // src/article/ reads other people's pages (a wiki's `firstHeading`): those ids are never on a deck.
  const pageSources = ['present', 'render', 'site', 'export', 'browser', 'vite', 'check'].flatMap((dir) => filesUnder(join(ROOT, 'src', dir)));
  const sources = [...filesUnder(join(ROOT, 'templates')), ...pageSources].map((file) => readFileSync(file, 'utf8'));
  sources.push(readFileSync((await ensureRuntime()).script, 'utf8'));
  for (const text of sources) {
    for (const match of text.matchAll(/\bid=\\?["']([A-Za-z][\w-]*)\\?["']/g)) ids.add(match[1]!);
    for (const match of text.matchAll(/getElementById\(\s*["'`]([\w-]+)["'`]\s*\)/g)) ids.add(match[1]!);
    for (const match of text.matchAll(/querySelector(?:All)?\(\s*["'`][^"'`]*#([A-Za-z][\w-]*)/g)) ids.add(match[1]!);
  }
  return ids;
}

describe('slide ids', () => {
  it('never share a name with an id of the templates or the runtime', async () => {
    const used = await idsThePageUses();
    expect(used).toContain('lectern-config');
    // The corpus names every one of them, so the collision tests below cover each.
    expect([...used].filter((id) => !CORPUS.pageIds.includes(id))).toEqual([]);
    expect([...used].filter((id) => id.startsWith(SLIDE_ID_PREFIX))).toEqual([]);
  });

  it('are prefixed even when a title spells a page id', () => {
    const markdown = ['# Deck', '', ...CORPUS.collidingTitles.flatMap((title) => [`## ${title}`, '', `A sentence about ${title} for the slide.`, ''])].join(
      '\n',
    );
    const deck = outlineArticle(parseMarkdown(markdown, 'deck.md').article);
    const ids = deck.slides.map((slide) => slide.id);
    expect(ids.filter((id) => !id.startsWith(SLIDE_ID_PREFIX))).toEqual([]);
    expect(ids.filter((id) => CORPUS.pageIds.includes(id))).toEqual([]);
    expect(ids).toContain('s-lectern-config');
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('the runtime configuration', () => {
  it('keeps only known Reveal options of the right type', () => {
    const hostile = {
      width: 960,
      controls: false,
      transition: 'fade',
      dependencies: [{ src: 'data:text/javascript,window.__pwned=1' }],
      plugins: [{}],
      scripts: ['x.js'],
      parallaxBackgroundImage: 'http://127.0.0.1/admin.png',
      backgroundImage: 'file:///etc/passwd',
      keyboard: { 83: 'window.__pwned=1' },
      margin: 'javascript:1',
      hash: 'yes',
      slideNumber: 'javascript:1',
      showNotes: 'separate-page',
      __proto__: { polluted: true },
      constructor: 'x',
    };
    expect(safeRevealOptions(hostile)).toEqual({ width: 960, controls: false, transition: 'fade', showNotes: 'separate-page' });
    expect(safeRevealOptions(JSON.parse('{"__proto__":{"dependencies":[{"src":"x"}]},"hasOwnProperty":1}'))).toEqual({});
    for (const value of [null, [], 'text', 3]) expect(safeRevealOptions(value)).toEqual({});
    expect(Object.keys(ALLOWED_REVEAL_OPTIONS)).not.toEqual(expect.arrayContaining(['dependencies']));
  });

  it('allows every option Lectern itself sends', () => {
    const deck = outlineArticle(parseMarkdown('---\nduration: 5m\n---\n# Deck\n\n## One\n\nA sentence here.\n', 'deck.md').article);
    const sent = {
      ...revealConfig(deck),
      ...EXPORT_OPTIONS,
      pdfSeparateFragments: true,
      pdfMaxPagesPerSlide: 1,
      pdfPageHeightOffset: 0,
      showSlideNumber: 'all',
      slideNumber: false,
    };
    expect(safeRevealOptions(sent)).toEqual(sent);
  });

  it('is read from the JSON script element only, never from another element with its id', () => {
    const page = (body: string): Document => new JSDOM(`<!doctype html><body>${body}</body>`).window.document;
    const slide = '<section id="lectern-config">{"dependencies":[{"src":"evil.js"}],"controls":false}</section>';
    expect(readPageConfig(page(`${slide}<script type="application/json" id="lectern-config">{"controls":true}</script>`))).toEqual({ controls: true });
    expect(readPageConfig(page(slide))).toEqual({});
    expect(readPageConfig(page('<script id="lectern-config">{"controls":false}</script>'))).toEqual({});
    expect(readPageConfig(page('<script type="application/json" id="lectern-config">{not json</script>'))).toEqual({});
  });
});

describe('what an exported page may load', () => {
  const root = '/tmp/lectern-export-abc';
  const own = pathToFileURL(join(root, 'index.html')).href;

  it('its own folder and inline data', () => {
    for (const url of [
      own,
      `${own}?print-pdf`,
      pathToFileURL(join(root, 'assets', 'lectern.js')).href,
      pathToFileURL(join(root, '..name')).href,
      'data:image/png;base64,AA',
      'blob:file:///1234',
    ]) {
      expect(exportMayLoad(url, root), url).toBe(true);
    }
  });

  it('no other file, no host, loopback in any spelling included', () => {
    const refused = [
      ...CORPUS.fileUrls,
      ...CORPUS.loopbackHosts.flatMap((host) => [`http://${host}/admin`, `https://${host}:8443/`, `ws://${host}/`]),
      'file:///tmp/lectern-export-abc/../secret',
      'file:///tmp/lectern-export-abc%2F..%2Fsecret',
      'file:///tmp/lectern-export-abcd/index.html',
      'file:///tmp/lectern-export-abc',
      'https://example.com/x.png',
      'ftp://example.com/',
      'chrome://settings',
      'javascript:1',
    ];
    expect(refused.filter((url) => exportMayLoad(url, root))).toEqual([]);
  });
});

describe('the staged site that export and check open', () => {
  it('carries the same Content-Security-Policy as a built deck', async () => {
    const prepared = await prepareDeck(DEFAULT_DECK);
    const policyOf = (html: string): string | undefined => /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    const built = policyOf((await planSite(prepared, { csp: true })).html);
    expect(built).toMatch(/script-src &#x27;self&#x27; &#x27;sha256-/);
    const site = await stageSite(prepared, EXPORT_OPTIONS);
    try {
      expect(policyOf(readFileSync(join(site.dir, 'index.html'), 'utf8'))).toBe(built);
    } finally {
      await site.dispose();
    }
  });
});

describe('the deck index', () => {
  it('links each deck by an encoded ./ path, whatever its file name', () => {
    const deck = outlineArticle(parseMarkdown('# Deck\n\n## One\n\nA sentence here.\n', 'deck.md').article);
    for (const name of CORPUS.indexFileNames) {
      const dir = name.replace(/\.md$/, '');
      const href = deckIndexHref(dir);
      expect(href.startsWith('./'), href).toBe(true);
      expect(href).toMatch(/^\.\/[A-Za-z0-9\-_.!~*'()%]+\/index\.html$/);
      expect(decodeURIComponent(href.slice(2, -'/index.html'.length))).toBe(dir);
      const doc = new JSDOM(renderDeckIndex([{ dir, deck }]), { url: 'http://127.0.0.1:1/site/' }).window.document;
      const link = doc.querySelector('a')!;
      expect(link.protocol, name).toBe('http:');
      expect(link.pathname.startsWith('/site/'), name).toBe(true);
      expect(doc.querySelectorAll('[onmouseover], img, script').length, name).toBe(0);
    }
  });
});

describe('the single file', () => {
  it('puts its policy first in the head, or makes a head for it', () => {
    expect(withPolicyMeta('<!doctype html><html><head><meta charset="utf-8"><script>1</script></head>', "script-src 'sha256-x'")).toMatch(
      /^<!doctype html><html><head>\n<meta http-equiv="Content-Security-Policy" content="script-src &#39;sha256-x&#39;"><meta charset/,
    );
    expect(withPolicyMeta('<!doctype html><body><script>1</script>', 'x')).toBe(
      '<!doctype html>\n<head><meta http-equiv="Content-Security-Policy" content="x"></head><body><script>1</script>',
    );
  });
});

describe('the browser sandbox', () => {
  it('is dropped only as root, in a container or when asked', () => {
    expect(sandboxFlags({ uid: 1000, inContainer: false, noSandboxEnv: undefined })).toEqual([]);
    expect(sandboxFlags({ uid: undefined, inContainer: false, noSandboxEnv: '0' })).toEqual([]);
    expect(sandboxFlags({ uid: 0, inContainer: false, noSandboxEnv: undefined })).toEqual(['--no-sandbox']);
    expect(sandboxFlags({ uid: 1000, inContainer: true, noSandboxEnv: undefined })).toEqual(['--no-sandbox']);
    expect(sandboxFlags({ uid: 1000, inContainer: false, noSandboxEnv: '1' })).toEqual(['--no-sandbox']);
  });
});
