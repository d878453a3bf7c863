import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/article/markdown.js';
import { parseText } from '../../src/article/text.js';
import { LecternError } from '../../src/errors.js';
import { outlineArticle } from '../../src/outline/outline.js';
import { renderDeck } from '../../src/render/render.js';
import { precompiledSpec } from '../../src/render/precompiled.js';
import { compileTemplates } from '../../src/render/template-set.js';
import { loadTemplateSet } from '../../src/render/template-files.js';

const assets = { stylesheets: ['assets/theme.css'], scripts: ['assets/lectern.js'] };

async function render(markdown: string, templatesDir?: string): Promise<string> {
  const deck = outlineArticle(parseMarkdown(markdown, 'deck.md').article);
  return renderDeck(deck, compileTemplates(await loadTemplateSet(templatesDir)), assets);
}

function overrides(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-templates-'));
  for (const [name, source] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), source);
  }
  return dir;
}

describe('renderDeck', () => {
  it('marks in bold the sentences of the notes a slide’s points came from, and escapes the rest', async () => {
    const html = await render(
      '## Tides\n\nThe moon pulls the sea twice a day across every ocean basin, and the sun adds a smaller pull. Sailors once read the tides from printed tables & almanacs, and some still do. Harbours post them.\n',
    );
    const notes = /<aside class="notes">(.*?)<\/aside>/s.exec(html.slice(html.indexOf('layout-points')))?.[1] ?? '';
    expect(notes).toMatch(/<strong>The moon pulls the sea twice a day across every ocean basin, and the sun adds a smaller pull\.<\/strong>/);
    expect(notes).toContain('&amp; almanacs');
    expect(notes.match(/<strong>/g)?.length).toBeLessThanOrEqual(2);
  });

  it('names a built-in theme on the .reveal element for the styles, but never a stylesheet path', async () => {
    expect(await render('---\ntheme: solarized\n---\n\n## Tides\n\nThe sea rises.\n')).toContain('<div class="reveal lectern-deck" data-theme="solarized">');
    expect(await render('---\ntheme: /home/someone/styles/tides.css\n---\n\n## Tides\n\nThe sea rises.\n')).toContain('<div class="reveal lectern-deck">');
  });

  it('lays out a comparison as two columns', async () => {
    const html = await render(
      '## Harbour\n\nThe board approved the wall. On the one hand, the wall will protect the fishing fleet from storms. On the other hand, the wall will cost the town its only sandy beach.\n',
    );
    expect(html).toMatch(
      /<div class="comparison"><div class="comparison-side"><p>The wall will protect the fishing fleet from storms<\/p><\/div><div class="comparison-side"><p>The wall will cost the town its only sandy beach<\/p><\/div><\/div>/,
    );
  });

  it('lays out a timeline as an ordered list, each date in a <time> when it has a machine-readable form', async () => {
    const html = await render(
      '## Harbour\n\n- In 1852 the board paid for a stone tower.\n- In the 1890s the fleet doubled in size.\n- On June 2nd, 1989, the last keeper locked the door.\n',
    );
    const timeline = /<ol class="timeline">.*?<\/ol>/s.exec(html)?.[0] ?? '';
    expect(timeline).toBe(
      '<ol class="timeline">' +
        '<li class="timeline-event"><time class="timeline-date" datetime="1852">1852</time><span class="timeline-text">The board paid for a stone tower</span></li>' +
        '<li class="timeline-event"><span class="timeline-date">1890s</span><span class="timeline-text">The fleet doubled in size</span></li>' +
        '<li class="timeline-event"><time class="timeline-date" datetime="1989-06-02">June 2nd, 1989</time><span class="timeline-text">The last keeper locked the door</span></li>' +
        '</ol>',
    );
    // Speaker notes, as on every slide: the items as written.
    const slide = /<section[^>]*layout-timeline.*?<\/section>/s.exec(html)?.[0] ?? '';
    expect(slide).toMatch(/<aside class="notes">.*In the 1890s the fleet doubled in size\..*<\/aside>/s);
  });

  it('gives every image a caption, so a slide whose image cannot load is never blank', async () => {
    const html = await render('## Views\n\n![The tower at dusk](https://example.org/tower.jpg)\n\n![](missing/keeper.png)\n');
    expect(html).toContain('<figcaption>The tower at dusk</figcaption>');
    expect(html).toContain('<figcaption>missing/keeper.png</figcaption>');
  });

  it('shows a quote’s speaker apart from the quote, in a <cite>', async () => {
    const html = await render(
      '## Voices\n\n“We will publish what the array produces every month, so anyone can check.” said Alma Reyes, Chief Executive of the Authority.\n',
    );
    expect(html).toMatch(
      /<blockquote class="quote">\s*<p>We will publish what the array produces every month, so anyone can check\.<\/p>\s*<cite>Alma Reyes, Chief Executive of the Authority<\/cite>/,
    );
  });

  it('renders one section per slide with timing, notes and the Reveal config', async () => {
    const html = await render('---\ntitle: Tides\nduration: 5m\n---\n\n## One\n\nThe moon pulls the sea.\n\n## Two\n\nThe sun does too.\n');
    const sections = html.match(/<section /g) ?? [];
    expect(sections.length).toBe(7);
    expect(html).toContain('data-timing="');
    expect(html).toContain('<aside class="notes"><p><strong>The moon pulls the sea.</strong></p></aside>');
    const config = JSON.parse(/<script type="application\/json" id="lectern-config">(.*?)<\/script>/s.exec(html)?.[1] ?? '{}');
    expect(config).toMatchObject({ width: 1280, height: 720, hash: true, totalTime: 300 });
    expect(html).toContain('<title>Tides</title>');
    expect(html).toContain('<script src="assets/lectern.js"></script>');
  });

  it('aligns table columns as the GFM delimiter row says', async () => {
    const html = await render('## Trees\n\n| Tree | Buds | Height |\n| --- | :---: | ---: |\n| Ash | opposite | 35 m |\n');
    expect(html).toContain('<th>Tree</th><th class="align-center">Buds</th><th class="align-right">Height</th>');
    expect(html).toContain('<td>Ash</td><td class="align-center">opposite</td><td class="align-right">35 m</td>');
  });

  it('escapes article text and never compiles it as a template', async () => {
    const text =
      'A title with <b>tags</b>\n\nThe {{constructor.name}} and {{#each x}} stay literal. <script>window.hacked = 1</script> is text here. A "quoted" & plain line.\n';
    const deck = outlineArticle(parseText(text, 'raw.txt').article);
    const html = renderDeck(deck, compileTemplates(await loadTemplateSet()), assets);
    expect(html).toContain('{{constructor.name}}');
    expect(html).toContain('{{#each x}}');
    expect(html).not.toContain('<script>window.hacked');
    expect(html).toContain('&lt;script&gt;window.hacked &#x3D; 1&lt;/script&gt;');
  });

  it('escapes front matter wherever it lands, including the config JSON', async () => {
    const html = await render('---\ntitle: "</script><script>alert(1)</script>"\nauthor: "\\" onmouseover=\\"alert(1)"\n---\n\n## A\n\nText.\n');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toMatch(/content="" onmouseover/);
  });

  it('uses a layout from the deck’s template folder and the built-ins for the rest', async () => {
    const dir = overrides({ 'layouts/points.hbs': '<h2 class="custom">{{title}}</h2>{{#each points}}<p>{{text}}</p>{{/each}}' });
    const html = await render('## Part\n\nOne sentence here.\n', dir);
    expect(html).toMatch(/<h2 class="custom">[^<]+<\/h2><p>One sentence here<\/p>/);
    expect(html).toContain('class="section-title"');
  });

  it('renders the built-ins from their install-time precompiled form, byte for byte as compiled ones', async () => {
    const set = await loadTemplateSet();
    for (const template of [set.deck, set.slide, ...Object.values(set.layouts), ...Object.values(set.partials)]) {
      expect(precompiledSpec(template.source), template.file).toBeDefined();
    }
    // The same templates with a trailing comment miss the precompiled table and go through the compiler.
    const edited = Object.fromEntries(
      [['deck.hbs', set.deck], ['slide.hbs', set.slide], ...Object.entries(set.layouts).map(([name, t]) => [`layouts/${name}.hbs`, t] as const)].map(
        ([name, template]) => [name, `${(template as { source: string }).source}{{!-- edited --}}`],
      ),
    );
    const markdown = '# Talk\n\n## Part\n\nOne sentence here. Another one follows.\n\n> A quoted line.\n';
    expect(precompiledSpec(edited['deck.hbs']!)).toBeUndefined();
    expect(await render(markdown, overrides(edited))).toBe(await render(markdown));
  });

  it('shows points one at a time with `fragments: true`, and all at once without', async () => {
    const markdown = (front: string): string =>
      `---\ntitle: Steps\n${front}---\n\n## Part\n\nThe first step is small.\n\n- One item\n- Two items\n  - A nested item\n`;
    const stepped = await render(markdown('fragments: true\n'));
    // The three list items step in; the sentence that introduces the list leads the slide, shown from the start.
    expect(stepped.match(/<li class="fragment">/g)).toHaveLength(3);
    expect(stepped).toContain('<p class="slide-lead">The first step is small</p>');
    for (const html of [await render(markdown('')), await render(markdown('fragments: false\n'))]) expect(html).not.toContain('fragment');
    const error = await render(markdown('fragments: sometimes\n')).catch((caught: unknown) => caught);
    expect((error as LecternError).format()).toMatch(/^deck\.md:3:1: front matter `fragments` must be true or false/);
  });

  it('reports a template syntax error with the template file and line', async () => {
    const dir = overrides({ 'layouts/points.hbs': '<h2>{{title}}</h2>\n{{#each points}}\n<p>{{text}</p>\n{{/each}}\n' });
    const error = await render('## Part\n\nText.\n', dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LecternError);
    expect((error as LecternError).format()).toMatch(new RegExp(`^${join(dir, 'layouts/points.hbs').replace(/[.]/g, '\\.')}:3: template syntax error`));
  });

  it('reports an unknown partial naming the template that uses it', async () => {
    const dir = overrides({ 'layouts/section.hbs': '<h2>{{title}}</h2>\n{{> nosuchpartial}}\n' });
    const error = await render('## Part\n\nText.\n', dir).catch((caught: unknown) => caught);
    expect((error as LecternError).format()).toMatch(/section\.hbs:2:1: unknown partial `nosuchpartial`/);
  });
});
