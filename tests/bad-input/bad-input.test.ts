/**
 * Every kind of bad input, through the real CLI: either a correct deck (nothing lost, nothing overflowing) or a
 * non-zero exit with one line naming the file, no stack trace, and the output location exactly as it was.
 * Inputs are generated in a temporary folder at test time.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readArticle } from '../../src/article/read.js';
import { measureCoverage } from '../../src/outline/coverage.js';
import type { Deck } from '../../src/outline/types.js';
import { hasBrowser, launchBrowser } from '../helpers/browser.js';
import { runCli } from '../helpers/cli.js';
import { hashTree } from '../helpers/hash-tree.js';
import { serveFolder } from '../helpers/static-server.js';

const dir = mkdtempSync(join(tmpdir(), 'lectern-bad-input-'));
const at = (name: string): string => join(dir, name);

/** A small deterministic generator, so "random" bytes are the same on every run. */
function randomBytes(length: number, seed = 7): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let index = 0; index < length; index++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[index] = state >>> 24;
  }
  return bytes;
}

const SENTENCES = [
  'The harbour fills with fishing boats before the sun comes up.',
  'Gulls circle the market while the first crates are unloaded.',
  'A trader weighs the catch and chalks the price on a slate.',
  'By noon the ice has melted and the square smells of salt.',
  'Children race along the sea wall when the tide turns.',
  'The lighthouse keeper logs the weather twice a day.',
  'Nets hang drying between the poles like grey curtains.',
  'In winter the boats stay in and the men mend their gear.',
];
const paragraph = (n: number, count = 3): string =>
  Array.from({ length: count }, (_, k) => SENTENCES[(n + k) % SENTENCES.length]!.replace('.', ` ${n}-${k}.`)).join(' ');

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

interface Failure {
  name: string;
  /** Writes the input; returns the source argument (relative to `dir`). */
  make: () => string;
  args?: string[];
  code: number;
  /** The one error line, after `lectern: `. */
  message: RegExp;
}

const failures: Failure[] = [
  { name: 'an empty file', make: () => (writeFileSync(at('empty.md'), ''), 'empty.md'), code: 3, message: /^empty\.md: the file is empty/ },
  {
    name: 'a whitespace-only file',
    make: () => (writeFileSync(at('blank.txt'), ' \n\t\n  \r\n'), 'blank.txt'),
    code: 3,
    message: /^blank\.txt: the file is empty/,
  },
  {
    name: 'a PNG image under .md',
    make: () => (writeFileSync(at('image.md'), Buffer.concat([PNG, randomBytes(2000)])), 'image.md'),
    code: 3,
    message: /^image\.md: the file is not a text file \(it looks like a PNG image\)/,
  },
  {
    name: 'random bytes under .txt',
    make: () => (writeFileSync(at('noise.txt'), randomBytes(4096)), 'noise.txt'),
    code: 3,
    message: /^noise\.txt: the file is not a text file \(it contains binary data\)/,
  },
  {
    name: 'a NUL byte in text',
    make: () => (writeFileSync(at('nul.md'), `# Title\n\n## Part\n\n${paragraph(1)}\n\nA stray\u0000byte.\n`), 'nul.md'),
    code: 3,
    message: /^nul\.md:7: the file contains a NUL byte/,
  },
  {
    name: 'broken YAML front matter',
    make: () => (writeFileSync(at('yaml.md'), `---\ntitle: Fine\nauthor: [unclosed\n---\n\n## Part\n\n${paragraph(2)}\n`), 'yaml.md'),
    code: 3,
    message: /^yaml\.md:\d+:\d+: invalid front matter/,
  },
  {
    name: 'an unknown theme in front matter',
    make: () => (writeFileSync(at('theme.md'), `---\ntitle: T\ntheme: blak\n---\n\n## Part\n\n${paragraph(3)}\n`), 'theme.md'),
    code: 4,
    message: /^theme\.md: unknown theme `blak` \(did you mean `black`\? themes: lectern, beige, black, .*white/,
  },
  { name: 'a missing source', make: () => 'no-such-article.md', code: 3, message: /^no-such-article\.md: no such file/ },
  {
    name: 'a directory as source',
    make: () => (mkdirSync(at('folder.md'), { recursive: true }), 'folder.md'),
    code: 3,
    message: /^folder\.md: is a directory, not an article/,
  },
  {
    name: 'a template override with a syntax error',
    make: () => {
      mkdirSync(at('broken-templates/layouts'), { recursive: true });
      writeFileSync(at('broken-templates/layouts/points.hbs'), '<h2>{{title}}</h2>\n<ul>\n{{#each points}}<li>{{text}</li>{{/each}}\n</ul>\n');
      writeFileSync(at('syntax.md'), `---\ntitle: T\ntemplates: broken-templates\n---\n\n## Part\n\n${paragraph(4)}\n`);
      return 'syntax.md';
    },
    args: ['--trust-article'],
    code: 4,
    message: /broken-templates\/layouts\/points\.hbs:3: template syntax error/,
  },
  {
    name: 'a template override with an unknown partial',
    make: () => {
      mkdirSync(at('partial-templates/layouts'), { recursive: true });
      writeFileSync(at('partial-templates/layouts/points.hbs'), '<h2>{{title}}</h2>\n\n{{> no-such-partial}}\n');
      writeFileSync(at('partial.md'), `---\ntitle: T\ntemplates: partial-templates\n---\n\n## Part\n\n${paragraph(5)}\n`);
      return 'partial.md';
    },
    args: ['--trust-article'],
    code: 4,
    message: /partial-templates\/layouts\/points\.hbs:3:1: unknown partial `no-such-partial`/,
  },
  {
    name: 'a saved web page with no article in it',
    make: () => {
      writeFileSync(
        at('login.html'),
        '<!doctype html><html><head><title>Sign in</title></head><body><nav><a href="/">Home</a> <a href="/about">About</a></nav>' +
          '<form><input name="user"><input type="password" name="pass"><button>Sign in</button></form><footer>© Example</footer></body></html>',
      );
      return 'login.html';
    },
    code: 3,
    message: /^login\.html: the page contains no article text/,
  },
];

interface OutputFailure {
  name: string;
  out: () => string;
  message: RegExp;
}

const outputFailures: OutputFailure[] = [
  {
    name: 'an existing file',
    out: () => (writeFileSync(at('taken'), 'keep me'), 'taken'),
    message: /^taken: output path is an existing file, not a folder/,
  },
  {
    name: 'a path under a regular file (ENOTDIR)',
    out: () => (writeFileSync(at('plain-file'), 'keep me too'), 'plain-file/sub/out'),
    message: /^plain-file\/sub: cannot write the output \(a parent of it is a file\)/,
  },
  { name: 'a path in /proc that cannot be created', out: () => '/proc/self/lectern-nope/out', message: /^\/proc\/self\/lectern-nope: cannot write the output/ },
  { name: 'a path under a /proc file', out: () => '/proc/version/out', message: /^\/proc\/version: cannot write the output \(a parent of it is a file\)/ },
];

describe('bad input: refused with one clear line, output untouched', () => {
  const good = (): string => {
    writeFileSync(at('good.md'), `---\ntitle: Harbour\n---\n\n## Morning\n\n${paragraph(0)}\n`);
    return 'good.md';
  };

  it.each(failures)('$name', async ({ make, args = [], code, message }) => {
    const source = make();
    // The output folder holds a previous good build, which must survive byte for byte.
    const out = `out-${source.replace(/\W/g, '-')}`;
    expect((await runCli(['build', good(), '--out', out], { cwd: dir })).code).toBe(0);
    const before = hashTree(at(out));
    const entries = readdirSync(dir).sort();
    const result = await runCli(['build', source, '--out', out, ...args], { cwd: dir });
    expect(result.code, result.stderr).toBe(code);
    const lines = result.stderr.trim().split('\n');
    expect(lines, result.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^lectern: /);
    expect(lines[0]!.slice('lectern: '.length)).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
    expect(hashTree(at(out))).toEqual(before);
    // No staging folder left behind.
    expect(readdirSync(dir).sort()).toEqual(entries);
  });

  it('writes nothing at all when the first build fails', async () => {
    writeFileSync(at('empty-first.md'), '');
    const result = await runCli(['build', 'empty-first.md', '--out', 'never'], { cwd: dir });
    expect(result.code).toBe(3);
    expect(existsSync(at('never'))).toBe(false);
  });

  it('prints the stack trace only with --debug', async () => {
    writeFileSync(at('empty-debug.md'), '');
    const result = await runCli(['build', 'empty-debug.md', '--out', 'never-debug', '--debug'], { cwd: dir });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^lectern: empty-debug\.md: the file is empty/);
    expect(result.stderr).toMatch(/\n\s+at /);
  });

  it.each(outputFailures)(
    'refuses an output path that is $name, exit 5',
    async ({ out, message }) => {
      const target = out();
      const entries = readdirSync(dir).sort();
      const snapshot = entries.filter((entry) => statSync(at(entry)).isFile()).map((entry) => readFileSync(at(entry)).toString('base64'));
      const result = await runCli(['build', good(), '--out', target], { cwd: dir });
      expect(result.code, result.stderr).toBe(5);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]!.slice('lectern: '.length)).toMatch(message);
      expect(readdirSync(dir).sort()).toEqual(entries);
      expect(entries.filter((entry) => statSync(at(entry)).isFile()).map((entry) => readFileSync(at(entry)).toString('base64'))).toEqual(snapshot);
    },
    20_000,
  );
});

interface Success {
  name: string;
  file: string;
  make: () => Buffer | string;
  /** Checks the warnings on stderr. */
  warning?: RegExp;
  /** Text that must reach the deck exactly (decoding checks). */
  contains?: string[];
}

const LF_ARTICLE = `# Harbour Life\n\n## Morning\n\n${paragraph(1)}\n\n${paragraph(2)}\n\n## Evening\n\n${paragraph(3)}\n`;

const successes: Success[] = [
  {
    name: 'invalid UTF-8 (U+FFFD and a warning with the line)',
    file: 'damaged.md',
    make: () => Buffer.concat([Buffer.from(`# Café Life\n\n## Morning\n\nThe naïve reader sees a broken `), Buffer.from([0xff]), Buffer.from(' byte here.\n')]),
    warning: /damaged\.md:5: warning: the file contains a byte that is not valid UTF-8, replaced with � \(first at line 5\)/,
    contains: ['broken \ufffd byte', 'naïve'],
  },
  {
    name: 'UTF-16 LE with a BOM',
    file: 'utf16le.txt',
    make: () =>
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Tides and Moons\n\nThe moon pulls the sea — twice a day. Zürich has no tide.\n', 'utf16le')]),
    contains: ['twice a day', 'Zürich'],
  },
  {
    name: 'UTF-16 BE with a BOM',
    file: 'utf16be.md',
    make: () => {
      const le = Buffer.from('# Tides\n\n## Moon\n\nThe moon pulls the sea — twice a day. Ørsted measured it.\n', 'utf16le');
      for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
      return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
    },
    contains: ['twice a day', 'Ørsted'],
  },
  {
    name: 'Windows-1252 (Latin-1 with curly quotes and the euro sign)',
    file: 'cp1252.txt',
    make: () => Buffer.from('Caf\xe9 Prices\n\nA \x93good\x94 coffee costs 3 \x80 in the caf\xe9 by the sea.\n', 'latin1'),
    warning: /cp1252\.txt: warning: the file is not UTF-8; read it as Windows-1252/,
    contains: ['“good” coffee costs 3 €', 'café'],
  },
  { name: 'CRLF line ends', file: 'crlf.md', make: () => LF_ARTICLE.replace(/\n/g, '\r\n') },
  { name: 'old Mac CR line ends', file: 'cr.md', make: () => LF_ARTICLE.replace(/\n/g, '\r') },
  { name: 'a UTF-8 byte-order mark', file: 'bom.md', make: () => `\ufeff${LF_ARTICLE}` },
  {
    name: 'an unclosed code fence (kept as code to the end)',
    file: 'fence.md',
    make: () => `# Code\n\n## Part\n\n${paragraph(4)}\n\n\`\`\`js\nconst tide = 'high';\nconsole.log(tide);\n`,
    contains: ["const tide = 'high';"],
  },
  {
    name: 'front matter with no body (a title-only deck, with a warning)',
    file: 'matter-only.md',
    make: () => '---\ntitle: Only a Title\nauthor: Somebody\n---\n',
    warning: /matter-only\.md:4: warning: the article has front matter but no text after it/,
    contains: ['Only a Title'],
  },
  {
    name: 'an unknown front-matter key (warning naming the closest key)',
    file: 'unknown-key.md',
    make: () => `---\ntitle: Harbour\nathor: Somebody\n---\n\n## Part\n\n${paragraph(5)}\n`,
    warning: /unknown-key\.md:3:1: warning: unknown front matter key `athor` \(did you mean `author`\?\)/,
  },
  {
    name: 'a single line of 200,000 characters',
    file: 'long-line.txt',
    make: () =>
      `Long Line\n\n${Array.from({ length: 3200 }, (_, n) => SENTENCES[n % SENTENCES.length]!.replace('.', ` ${n}.`))
        .join(' ')
        .slice(0, 200_000)}\n`,
  },
  {
    name: '5,000 headings',
    file: 'headings.md',
    make: () =>
      `# Many Headings\n\n${Array.from({ length: 5000 }, (_, n) => `## Heading ${n + 1}\n\n${SENTENCES[n % SENTENCES.length]!.replace('.', ` ${n}.`)}\n`).join('\n')}`,
  },
  {
    // The nesting limit (src/article/nesting.ts); one level more is refused (tests/bad-input/hostile-sizes.test.ts).
    name: 'a list nested 50 deep',
    file: 'nested.md',
    make: () => `# Nesting\n\n## Deep\n\n${Array.from({ length: 50 }, (_, n) => `${'  '.repeat(n)}- Level ${n + 1} of the list goes deeper.`).join('\n')}\n`,
  },
  {
    // How fast it builds is measured by `npm run bench:hostile`, on a machine doing nothing else; here, that it builds.
    name: 'a 10 MB article (within 1 GB of heap)',
    file: 'huge.md',
    make: () => {
      const parts = ['# A Very Long Article\n'];
      let size = 0;
      for (let n = 0; size < 10 * 1024 * 1024; n++) {
        const block = n % 40 === 0 ? `\n## Chapter ${n / 40 + 1}\n\n` : `${paragraph(n, 4)}\n\n`;
        parts.push(block);
        size += block.length;
      }
      return parts.join('');
    },
  },
];

/** Longer than any input here takes (the 10 MB article: about 40 s alone, 75 s beside other test files). */
const HANG_GUARD_MS = 150_000;

describe('bad input: built into a correct deck, nothing lost', () => {
  it.each(successes)(
    '$name',
    async ({ file, make, warning, contains = [] }) => {
      writeFileSync(at(file), make());
      const started = Date.now();
      // The heap limit makes "under 1 GB" a hard failure rather than a slow swap.
      const env = { NODE_OPTIONS: '--max-old-space-size=1024' };
      const out = `site-${file}`;
      const built = await runCli(['build', file, '--out', out], { cwd: dir, env });
      expect(built.code, built.stderr).toBe(0);
      // Only a guard against a build that hangs: the suite runs files side by side on a shared machine.
      expect(Date.now() - started).toBeLessThan(HANG_GUARD_MS);
      if (warning) expect(built.stderr).toMatch(warning);
      else expect(built.stderr).not.toMatch(/warning/);
      const json = await runCli(['build', file, '--json'], { cwd: dir, env });
      expect(json.code, json.stderr).toBe(0);
      const deck = JSON.parse(json.stdout) as Deck;
      const { article } = await readArticle(at(file));
      expect(measureCoverage(article, deck).missing).toEqual([]);
      const html = readFileSync(at(join(out, 'index.html')), 'utf8');
      // Handlebars escapes ' = ` as hex references; decode those and the named ones it uses.
      const decoded = html
        .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
      expect(contains.filter((text) => !decoded.includes(text))).toEqual([]);
    },
    300_000,
  );

  it('reads CR, CRLF and a BOM exactly like LF', async () => {
    writeFileSync(at('lf.md'), LF_ARTICLE);
    const slides = async (file: string): Promise<unknown> => (JSON.parse((await runCli(['build', file, '--json'], { cwd: dir })).stdout) as Deck).slides;
    const reference = await slides('lf.md');
    for (const file of ['crlf.md', 'cr.md', 'bom.md']) {
      if (!existsSync(at(file))) writeFileSync(at(file), successes.find((s) => s.file === file)!.make());
      expect(await slides(file)).toEqual(reference);
    }
  });
});

describe.skipIf(!hasBrowser)('bad input in Chromium', () => {
  let server: { url: string; close: () => Promise<void> } | undefined;
  afterAll(async () => server?.close());
  beforeAll(() => undefined);

  it('wraps a 10,000-character word on the slide instead of overflowing', async () => {
    const word = Array.from({ length: 10_000 }, (_, n) => 'abcdefghij'[n % 10]).join('');
    writeFileSync(at('word.md'), `# Long Word\n\n## Part\n\nThe word ${word} ends here. ${paragraph(6, 2)}\n\n- An item with ${word.slice(0, 3000)} too.\n`);
    const built = await runCli(['build', 'word.md', '--out', 'site-word'], { cwd: dir });
    expect(built.code, built.stderr).toBe(0);
    server = await serveFolder(at('site-word'));
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(server.url);
      await page.waitForFunction(() => document.documentElement.dataset.lecternReady === 'true');
      await page.evaluate(() => window.lectern.ready);
      const overflow = await page.evaluate(() => window.lectern.overflow());
      expect(overflow.length).toBeGreaterThan(2);
      expect(overflow.filter((slide) => slide.x > 1 || slide.y > 1)).toEqual([]);
      // Nothing sticks out sideways: no element inside a slide is wider than the slide.
      const widest = await page.evaluate(() =>
        Math.max(...Array.from(document.querySelectorAll('.reveal .slides section *')).map((el) => (el as HTMLElement).scrollWidth)),
      );
      expect(widest).toBeLessThanOrEqual(1280); // the default 16:9 slide
    } finally {
      await browser.close();
    }
  });
});
