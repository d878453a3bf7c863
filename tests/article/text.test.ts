import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { decodeSource } from '../../src/article/decode.js';
import { parseText } from '../../src/article/text.js';
import type { Article, Block } from '../../src/article/types.js';

const blockTexts = (block: Block): string[] => {
  switch (block.kind) {
    case 'paragraph':
    case 'slide-heading':
    case 'quote':
    case 'html':
    case 'notes':
      return [block.text];
    case 'list':
      return block.items.map((i) => i.text);
    default:
      return [];
  }
};

/** Every piece of text the article kept, in reading order. */
function keptText(article: Article, withSectionTitles = true): string {
  const parts = [article.meta.title ?? '', article.meta.author ?? ''];
  for (const s of article.sections) {
    if (withSectionTitles) parts.push(s.title ?? '');
    for (const b of s.blocks) parts.push(...blockTexts(b));
  }
  return parts.join(' ');
}

const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Checks that the article holds exactly the words of the input (minus furniture and numbering), in order. */
function expectAllWordsKept(input: string, article: Article, options: { furniture?: RegExp; generatedTitles?: boolean } = {}): void {
  const source = input
    .split('\n')
    .filter((line) => !(options.furniture && options.furniture.test(line)))
    .map((line) => line.replace(/^\s*(?:\d+(?:\.\d+)*\.?|[IVX]+\.)\s+(?=\p{Lu})/u, ''))
    .join('\n');
  expect(words(keptText(article, !options.generatedTitles))).toEqual(words(source));
}

const sectionTitles = (article: Article): Array<string | undefined> => article.sections.map((s) => s.title);
const paragraphs = (article: Article): string[] =>
  article.sections.flatMap((s) => s.blocks.filter((b) => b.kind === 'paragraph').map((b) => (b as { text: string }).text));

describe('parseText: the seed article', () => {
  const text = readFileSync(new URL('../../../shared/articles/deepseek-r1.txt', import.meta.url), 'utf8');
  const { article, warnings } = parseText(text, 'deepseek-r1.txt');

  it('has no title, an introduction of three paragraphs and three titled sections', () => {
    expect(article.format).toBe('text');
    expect(article.meta.title).toBeUndefined();
    expect(article.meta.lang).toBeUndefined();
    expect(sectionTitles(article)).toEqual([
      undefined,
      'Tech competition between the US and China',
      'Proprietary models vs. open source models',
      'Strategic competition between the US and China',
    ]);
    expect(article.sections[0]!.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'paragraph']);
    expect(article.sections[0]!.line).toBe(1);
    expect(article.sections[1]!.line).toBe(4);
    expect(warnings).toEqual([]);
  });

  it('keeps short sentence lines as paragraphs', () => {
    const last = article.sections[3]!.blocks;
    expect(last.at(-1)).toMatchObject({ kind: 'paragraph', text: 'Is that a coincidence? Maybe. Maybe not.', line: 25 });
    expect(last.some((b) => b.kind === 'paragraph' && b.text.startsWith('Given this background,'))).toBe(true);
  });

  it('keeps every word', () => expectAllWordsKept(text, article));
});

describe('parseText: titles and bylines', () => {
  it('takes a short first line as the title', () => {
    const { article } = parseText('Winter Beekeeping\n\nBees cluster together to stay warm through the cold months.\n', 'b.txt');
    expect(article.meta.title).toBe('Winter Beekeeping');
    expect(sectionTitles(article)).toEqual([undefined]);
  });

  it.each([
    ['a sentence', 'Bees survive winter by clustering.\n\nThey shiver to make heat.\n'],
    ['a colon', 'Three things to know:\n\nBees shiver to make heat, and they eat honey.\n'],
    ['a question', 'Why do bees cluster?\n\nBecause clustering keeps the queen warm.\n'],
    ['a long line', 'An unusually long opening line that keeps going well past any reasonable title length for a talk\n\nBody.\n'],
  ])('finds no title when the first line is %s', (_why, text) => {
    expect(parseText(text, 'b.txt').article.meta.title).toBeUndefined();
  });

  it('finds no title in a one-line file', () => {
    const { article } = parseText('Hedgehog Notes\n', 'h.txt');
    expect(article.meta.title).toBeUndefined();
    expect(paragraphs(article)).toEqual(['Hedgehog Notes']);
  });

  it('reads a byline under the title as the author', () => {
    const text = 'Night Gardens\nBy Amara Osei\n\nSome flowers open only after sunset, and moths carry their pollen.\n';
    const { article } = parseText(text, 'g.txt');
    expect(article.meta).toEqual({ title: 'Night Gardens', author: 'Amara Osei' });
    expect(paragraphs(article)).toEqual(['Some flowers open only after sunset, and moths carry their pollen.']);
  });

  it('keeps a signature at the end as a paragraph, not a heading', () => {
    const text = [
      'Moths are underrated pollinators and deserve far more attention from gardeners than they receive.',
      '— Tomasz Wierzbicki',
      'Written by the garden club committee',
      'Thanks for reading this far into a rather long note about moths and their habits.',
    ].join('\n');
    const { article } = parseText(text, 'm.txt');
    expect(sectionTitles(article)).toEqual([undefined]);
    expect(paragraphs(article)).toHaveLength(4);
    expect(article.meta.author).toBeUndefined();
  });

  it('keeps the name under a letter’s closing as text of the last section, not a heading', () => {
    const text = [
      'A Letter About the Orchard',
      '',
      'Pruning',
      '',
      'We pruned the old apple trees in February, before the sap began to rise again.',
      '',
      'With warm thanks,',
      '',
      'Hélène Brunner',
      'Director, Museum of Time and Craft',
    ].join('\n');
    const { article } = parseText(text, 'l.txt');
    expect(sectionTitles(article)).toEqual(['Pruning']);
    expect(paragraphs(article).slice(-2)).toEqual(['Hélène Brunner', 'Director, Museum of Time and Craft']);
  });
});

describe('parseText: paragraphs', () => {
  it('re-joins hard-wrapped lines and keeps blank-line paragraph breaks', () => {
    const text = [
      'Lighthouse keepers once lived on isolated rocks for weeks at a time,',
      'trimming wicks, winding clockwork and logging every passing ship in a',
      'ledger that still survives in several archives.',
      '',
      'Automation ended the profession in most countries by the end of the',
      'twentieth century.',
    ].join('\n');
    const { article } = parseText(text, 'l.txt');
    expect(paragraphs(article)).toEqual([
      'Lighthouse keepers once lived on isolated rocks for weeks at a time, trimming wicks, winding clockwork and ' +
        'logging every passing ship in a ledger that still survives in several archives.',
      'Automation ended the profession in most countries by the end of the twentieth century.',
    ]);
    expect(article.sections[0]!.blocks.map((b) => b.line)).toEqual([1, 5]);
  });

  it('treats each long line as a paragraph', () => {
    const long = (topic: string): string =>
      `${topic} is described here in a sentence that runs on long enough that nobody would ever wrap it by hand, and then it keeps going a little more.`;
    const text = [long('Copper'), long('Tin'), long('Bronze')].join('\n');
    expect(paragraphs(parseText(text, 'm.txt').article)).toEqual([long('Copper'), long('Tin'), long('Bronze')]);
  });

  it('keeps a hyphen at a line end and removes only soft hyphens', () => {
    const text =
      'The old harbour infra-\nstructure needed repairs after the storm, and the\nquay was re-\nbuilt with concrete.\n\nA sea\u00ad\nwall followed a year later.';
    expect(paragraphs(parseText(text, 'h.txt').article)).toEqual([
      'The old harbour infra-structure needed repairs after the storm, and the quay was re-built with concrete.',
      'A seawall followed a year later.',
    ]);
  });

  it('collapses whitespace and escapes HTML', () => {
    const { article } = parseText('Use  <b>  &\t"quotes" and \'apostrophes\' freely.', 'e.txt');
    expect(article.sections[0]!.blocks[0]).toEqual({
      kind: 'paragraph',
      line: 1,
      text: 'Use <b> & "quotes" and \'apostrophes\' freely.',
      html: 'Use &lt;b&gt; &amp; &quot;quotes&quot; and &#39;apostrophes&#39; freely.',
    });
  });

  it('reads bulleted lines as a list', () => {
    const text = 'Packing for a glacier walk means planning ahead:\n\n- crampons\n- a warm hat\n- spare gloves\n\nThat is all.';
    const blocks = parseText(text, 'p.txt').article.sections[0]!.blocks;
    expect(blocks[1]).toEqual({
      kind: 'list',
      line: 3,
      ordered: false,
      items: [
        { text: 'crampons', html: 'crampons' },
        { text: 'a warm hat', html: 'a warm hat' },
        { text: 'spare gloves', html: 'spare gloves' },
      ],
    });
  });
});

describe('parseText: headings', () => {
  const para = (n: number): string => `Paragraph ${n} talks about the river delta and the silt that the floods carry downstream every spring season.`;

  it('finds short unpunctuated lines between paragraphs, tolerating abbreviations', () => {
    const text = [para(1), 'Rivers vs. canals', para(2), 'Dredging in the U.S.', para(3), 'Dr. Okoye on Sediment', para(4)].join('\n');
    const { article } = parseText(text, 'r.txt');
    expect(sectionTitles(article)).toEqual([undefined, 'Rivers vs. canals', 'Dredging in the U.S.', 'Dr. Okoye on Sediment']);
    expectAllWordsKept(text, article);
  });

  it('does not take sentence-like short lines as headings', () => {
    const text = [para(1), 'That was the plan.', para(2), 'Was it worth it?', para(3), 'Rivers flood. Canals do not', para(4)].join('\n');
    expect(sectionTitles(parseText(text, 'r.txt').article)).toEqual([undefined]);
  });

  it('does not take three short lines in a row as headings', () => {
    const text = [para(1), 'Apples', 'Pears', 'Plums', para(2)].join('\n');
    expect(sectionTitles(parseText(text, 'r.txt').article)).toEqual([undefined]);
  });

  it('uses numbered headings, with sub-numbers as slide headings and numbers stripped', () => {
    const text = [
      'Harbour Survey',
      '',
      '1. Introduction',
      '',
      para(1),
      '',
      '2. Method',
      '',
      para(2),
      '',
      '2.1.  Sampling',
      '',
      para(3),
      '',
      '2.2 Instruments',
      '',
      para(4),
      '',
      '3. Results',
      '',
      para(5),
    ].join('\n');
    const { article } = parseText(text, 's.txt');
    expect(article.meta.title).toBe('Harbour Survey');
    expect(sectionTitles(article)).toEqual(['Introduction', 'Method', 'Results']);
    expect(article.sections[1]!.blocks.map((b) => (b.kind === 'slide-heading' ? `# ${b.text}` : b.kind))).toEqual([
      'paragraph',
      '# Sampling',
      'paragraph',
      '# Instruments',
      'paragraph',
    ]);
    expect(article.sections[1]!.line).toBe(7);
    expectAllWordsKept(text, article);
  });

  it('uses roman numerals and converts ALL-CAPS headings to Title Case', () => {
    const text = ['I. Origins', para(1), 'II. THE MODERN ERA', para(2), 'WHAT COMES NEXT FOR AI', para(3)].join('\n\n');
    expect(sectionTitles(parseText(text, 'r.txt').article)).toEqual(['Origins', 'The Modern Era', 'What Comes Next for AI']);
  });

  it('reads setext underlines and drops the underline', () => {
    const text = [
      'Tea Clippers',
      '============',
      '',
      para(1),
      '',
      'The Race of 1866',
      '----------------',
      '',
      para(2),
      '',
      'After Steam',
      '-----------',
      '',
      para(3),
    ].join('\n');
    const { article } = parseText(text, 't.txt');
    expect(article.meta.title).toBe('Tea Clippers');
    expect(sectionTitles(article)).toEqual([undefined, 'The Race of 1866', 'After Steam']);
    expect(keptText(article)).not.toMatch(/---|===/);
  });

  it('keeps a numbered list a list', () => {
    const text = 'Steps for repotting a fern:\n1. Water it the day before\n2. Loosen the roots\n3. Move it to a bigger pot\nThen wait.';
    const { article } = parseText(text, 'f.txt');
    expect(sectionTitles(article)).toEqual([undefined]);
    expect(article.sections[0]!.blocks.map((b) => b.kind)).toEqual(['paragraph', 'list', 'paragraph']);
  });
});

describe('parseText: page furniture', () => {
  const page = (n: number, body: string): string => `Field Notes — Draft\n\n${body}\n\n- ${n} -\n\f`;
  const text = [
    page(1, 'Otters returned to the estuary in the spring, and the survey team counted\ntheir tracks along the'),
    page(2, 'muddy banks each morning at low tide.\n\nKingfishers\n\nA pair of kingfishers nested in the bank below the old mill.'),
    page(3, 'Nobody has seen a mink since the autumn, which pleased the volunteers.'),
  ].join('');

  it('ignores repeated headers, page numbers and form feeds, and joins paragraphs across pages', () => {
    const { article } = parseText(text, 'n.txt');
    expect(article.meta.title).toBeUndefined();
    expect(sectionTitles(article)).toEqual([undefined, 'Kingfishers']);
    expect(paragraphs(article)).toEqual([
      'Otters returned to the estuary in the spring, and the survey team counted their tracks along the muddy banks each morning at low tide.',
      'A pair of kingfishers nested in the bank below the old mill.',
      'Nobody has seen a mink since the autumn, which pleased the volunteers.',
    ]);
    expectAllWordsKept(text, article, { furniture: /Field Notes|^- \d+ -$/ });
  });

  it('keeps a heading that merely repeats in every chapter', () => {
    const chapter = (name: string): string =>
      `${name}\n\nThe ${name.toLowerCase()} chapter opens with a long paragraph about weather and tides.\n\nSummary\n\nIn short, the ${name.toLowerCase()} was wet.\n\n`;
    const { article } = parseText(chapter('Spring') + chapter('Summer') + chapter('Autumn'), 'c.txt');
    const slideHeadingsOrTitles = article.sections.flatMap((s) => [s.title, ...s.blocks.map((b) => (b.kind === 'paragraph' ? b.text : ''))]);
    expect(slideHeadingsOrTitles.filter((t) => t === 'Summary')).toHaveLength(3);
  });
});

describe('parseText: long text without headings', () => {
  const topics = [
    ['glacier', 'ice', 'moraine', 'crevasse', 'meltwater'],
    ['orchard', 'apple', 'blossom', 'pruning', 'harvest'],
    ['violin', 'bow', 'string', 'rosin', 'luthier'],
  ];
  const paragraphFor = (t: string[], k: number): string =>
    `The ${t[0]} and its ${t[1]} matter here, number ${k}. Every ${t[2]} shows how the ${t[3]} shapes the ${t[4]} and the ${t[0]} again.`;
  const text = topics.flatMap((t) => Array.from({ length: 6 }, (_, k) => paragraphFor(t, k))).join('\n\n');
  const { article, warnings } = parseText(text, 'long.txt');

  it('divides it into sections of sensible size at topic shifts, with a warning', () => {
    expect(article.sections).toHaveLength(3);
    expect(article.sections.map((s) => s.blocks.length)).toEqual([6, 6, 6]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toMatch(/no headings.*3 sections/);
    expect(warnings[0]!.location).toEqual({ file: 'long.txt' });
  });

  it('titles each section from its content, uniquely and briefly', () => {
    const titles = article.sections.map((s) => s.title!);
    expect(new Set(titles).size).toBe(3);
    for (const [i, title] of titles.entries()) {
      expect(title.split(/\s+/).length).toBeLessThanOrEqual(6);
      expect(title.charAt(0)).toBe(title.charAt(0).toUpperCase());
      expect(topics[i]!.some((w) => title.toLowerCase().includes(w))).toBe(true);
    }
  });

  it('keeps every word', () => expectAllWordsKept(text, article, { generatedTitles: true }));

  it('leaves a short text without headings alone', () => {
    const short = topics[0]!.map((_, k) => paragraphFor(topics[0]!, k)).join('\n\n');
    const result = parseText(short, 's.txt');
    expect(sectionTitles(result.article)).toEqual([undefined]);
    expect(result.warnings).toEqual([]);
  });
});

describe('parseText: robustness', () => {
  it('parses 8 MB of hard-wrapped text in time linear in its length', () => {
    const paragraph = 'Granite weathers slowly, but frost finds every crack and widens it\nwinter after winter until blocks fall away from the cliff face.\n\n';
    const chunk = 'Weathering Notes\n\n' + paragraph.repeat(20);
    const textOf = (bytes: number): string => chunk.repeat(Math.ceil(bytes / chunk.length));
    // CPU time of this process, not wall-clock time: other work on a shared machine does not count against it.
    const cpuMs = (text: string): number => {
      const started = process.cpuUsage();
      const { article } = parseText(text, 'big.txt');
      const used = process.cpuUsage(started);
      expect(article.sections.length).toBeGreaterThan(10);
      return (used.user + used.system) / 1000;
    };
    const small = Math.min(cpuMs(textOf(1_000_000)), cpuMs(textOf(1_000_000)));
    const large = cpuMs(textOf(8_000_000));
    // Eight times the text: linear work takes about 8× as long, quadratic work 64×.
    expect(large).toBeLessThan(small * 24);
  }, 60_000);

  it('handles a single 200,000-character line', () => {
    const line = 'word '.repeat(40_000).trim() + '.';
    const { article } = parseText(line, 'one.txt');
    expect(paragraphs(article)).toEqual([line]);
  });

  it('handles 5,000 headings', () => {
    // Alike once digits are masked, but not page numbers: they must stay headings, not be taken for page furniture.
    const text = Array.from({ length: 5000 }, (_, i) => `Topic ${i + 1}\n\nNotes on topic ${i + 1} follow in full sentences.`).join('\n\n');
    const { article } = parseText(text, 'many.txt');
    expect(article.sections).toHaveLength(5000);
    expect(article.sections[4999]!.title).toBe('Topic 5000');
  });

  it('accepts CRLF text passed in directly', () => {
    const { article } = parseText('Salt Marshes\r\n\r\nThey store carbon in their mud.\r\n', 'c.txt');
    expect(article.meta.title).toBe('Salt Marshes');
    expect(paragraphs(article)).toEqual(['They store carbon in their mud.']);
  });
});

describe('parseText: fixtures', () => {
  const dir = new URL('../fixtures/articles/', import.meta.url);
  const expectedFile = new URL('expected.json', dir);
  const expected: Record<
    string,
    {
      format?: string;
      title?: string | null;
      /** The reader's title when it differs from the deck's (a long headline is taken as the title by the outline). */
      articleTitle?: string | null;
      introduction?: boolean | null;
      sections?: number | null;
      titles?: string[] | null;
      titlesWithoutNumbers?: string[];
      subsections?: Record<string, string[]>;
      mustNotAppear?: string[];
      paragraphs?: number;
    }
  > = existsSync(expectedFile) ? JSON.parse(readFileSync(expectedFile, 'utf8')) : {};
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.txt') && expected[f]) : [];
  const stripNumber = (t: string): string => t.replace(/^\s*(?:\d+(?:\.\d+)*\.?|[IVX]+\.)\s+/, '').trim();

  it.skipIf(files.length === 0).each(files)('%s', (name) => {
    const want = expected[name]!;
    const { text } = decodeSource(readFileSync(new URL(name, dir)), name);
    const { article } = parseText(text, name);
    const title = want.articleTitle !== undefined ? want.articleTitle : want.title;
    if (title !== undefined) expect(article.meta.title ?? null).toBe(title);
    if (want.sections !== null && want.sections !== undefined) {
      expect(article.sections).toHaveLength(want.sections);
      if (want.introduction != null) expect(article.sections[0]!.title === undefined).toBe(want.introduction);
      const titled = article.sections.filter((s) => s.title !== undefined).map((s) => s.title!.toLowerCase());
      const wanted = (want.titlesWithoutNumbers ?? want.titles ?? []).map((t) => stripNumber(t).toLowerCase());
      expect(titled).toEqual(wanted);
      for (const [parent, subs] of Object.entries(want.subsections ?? {})) {
        const section = article.sections.find((s) => s.title?.toLowerCase() === stripNumber(parent).toLowerCase());
        const found = section?.blocks.filter((b) => b.kind === 'slide-heading').map((b) => (b as { text: string }).text);
        expect(found).toEqual(subs.map(stripNumber));
      }
    }
    if (want.paragraphs !== undefined) expect(paragraphs(article)).toHaveLength(want.paragraphs);
    const kept = keptText(article);
    for (const absent of want.mustNotAppear ?? []) expect(kept).not.toContain(absent);
    const furniture = (want.mustNotAppear ?? []).filter((s) => /\p{L}/u.test(s));
    expectAllWordsKept(text, article, {
      furniture: furniture.length > 0 ? new RegExp(furniture.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')) : undefined,
      generatedTitles: want.sections === null,
    });
  });
});
