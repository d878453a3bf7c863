/** Generators of article-like input for the property tests: raw Unicode, Markdown, plain text and web pages. */
import fc from 'fast-check';

/** Words from several scripts, plus the shapes the outline reacts to: figures, abbreviations, initials, quotes. */
const WORDS = [
  'tide',
  'harbour',
  'lantern',
  'keeper',
  'granite',
  'the',
  'of',
  'and',
  'a',
  'slowly',
  'north',
  'engine',
  'river',
  'Mill',
  'Station',
  'Dr.',
  'e.g.',
  'U.S.',
  'J.',
  'etc.',
  'vs.',
  '1.5',
  '42',
  '$3.2 million',
  '€40',
  '£7bn',
  '¥900',
  '12%',
  '2024',
  '1,200',
  '(see below)',
  '(the Northern Line Trust)',
  '“quoted”',
  '"plain"',
  '—',
  '–',
  '...',
  '…',
  '&amp;',
  '&',
  '<b>',
  '</i>',
  '{{title}}',
  '{{#each x}}',
  '\\*',
  '*stress*',
  '**bold**',
  '`code`',
  '[link](https://example.org/a)',
  '![pic](img/a.png)',
  'https://example.org',
  '#hash',
  '@name',
  '潮汐',
  '灯塔守护者',
  '。',
  '、',
  'שלום',
  'מגדלור',
  'مرحبا',
  'المنارة',
  'Привет',
  'маяк',
  'Ελλάδα',
  'naïve',
  'cafe\u0301',
  'ﬁle',
  '🌊',
  '🏳️‍🌈',
  '👩🏽‍🔬',
  '\u200b',
  '\u200f',
  '\u202e',
  '\u00ad',
  '\u00a0',
  'ǅ',
  'İstanbul',
  'ß',
];

/** Arbitrary Unicode: single graphemes, lone surrogates, control characters and plain ASCII. */
export const unicodeText = (maxLength = 120): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ unit: 'grapheme', maxLength }),
    fc.string({ unit: 'grapheme-composite', maxLength }),
    fc.string({ unit: 'binary', maxLength }),
    fc.string({
      unit: fc.constantFrom(
        '\0',
        '\t',
        '\n',
        '\r',
        '\f',
        '\v',
        '\u0085',
        '\u2028',
        '\u2029',
        '\u001b',
        '\u007f',
        'a',
        ' ',
        '.',
        '#',
        '-',
        '>',
        '*',
        '|',
        '`',
        ':',
      ),
      maxLength,
    }),
    fc.string({ maxLength }),
  );

const word: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }) },
);

const words = (min: number, max: number): fc.Arbitrary<string> => fc.array(word, { minLength: min, maxLength: max }).map((list) => list.join(' '));

/** One sentence: words, a capital, and an end mark (sometimes none, sometimes CJK or a question). */
export const sentence: fc.Arbitrary<string> = fc
  .tuple(words(1, 9), fc.constantFrom('.', '.', '.', '?', '!', '。', '', '…', '."', ':'))
  .map(([text, end]) => text.charAt(0).toUpperCase() + text.slice(1) + end);

const sentences = (min: number, max: number): fc.Arbitrary<string> => fc.array(sentence, { minLength: min, maxLength: max }).map((list) => list.join(' '));

/** A direct quotation with a speaker, or a paragraph of figures with money in it: both get their own layouts. */
const specialParagraph: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(words(2, 8), words(1, 2)).map(([quoted, who]) => `“${quoted},” said ${who}.`),
  fc
    .tuple(fc.constantFrom('$5.6 million', '€2bn', '£300,000'), fc.constantFrom('40%', '1.2 billion', '$9'))
    .map(([a, b]) => `Costs reached ${a} while output grew ${b} (and the Harbour Board Authority approved it).`),
  fc.constantFrom('Three parts: (1) the tide, (2) the wind and (3) the keepers.'),
);

const paragraph: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: sentences(1, 4) },
  { weight: 1, arbitrary: specialParagraph },
  { weight: 1, arbitrary: unicodeText(40) },
);

/** Wraps a paragraph at a random width, as hard-wrapped text files are. */
const wrapped = (text: string, width: number): string => {
  const lines: string[] = [];
  let line = '';
  for (const part of text.split(' ')) {
    if (line && line.length + part.length + 1 > width) {
      lines.push(line);
      line = part;
    } else line = line ? `${line} ${part}` : part;
  }
  if (line) lines.push(line);
  return lines.join('\n');
};

const frontMatter: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      words(1, 4).map((text) => `title: ${text}`),
      words(1, 3).map((text) => `subtitle: "${text.replace(/"/g, '')}"`),
      words(1, 3).map((text) => `author: ${text}`),
      fc.constantFrom('lang: en', 'lang: zh', 'lang: he', 'lang: ar', 'lang: xx-invalid', 'lang: ""'),
      fc.constantFrom('duration: 20m', 'duration: 1h30m', 'duration: 90s', 'duration: 0', 'duration: forever', 'duration: 0.01'),
      fc.constantFrom('wpm: 150', 'wpm: 40', 'wpm: 400', 'wpm: 9000', 'wpm: fast'),
      fc.constantFrom(
        'theme: black',
        'date: 2024-05-01',
        'transition: fade',
        'tags: [a, b]',
        'titel: typo',
        'title:',
        'title: [unclosed',
        'author: {a: 1}',
        '- a list item',
        'key: |\n  block text',
      ),
    ),
    { maxLength: 4 },
  )
  .chain((lines) => fc.constantFrom(`---\n${lines.join('\n')}\n---\n\n`, `---\n${lines.join('\n')}\n...\n`, `---\n${lines.join('\n')}\n`));

const listMarkdown: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('- ', '* ', '+ ', '1. ', '3) ', '- [ ] ', '- [x] '),
    fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.oneof(words(1, 8), sentences(1, 2))), { minLength: 1, maxLength: 5 }),
  )
  .map(([marker, items]) => items.map(([depth, text]) => `${'  '.repeat(depth)}${marker}${text}`).join('\n'));

const tableMarkdown: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 4 }))
  .chain(([columns, rows]) =>
    fc.tuple(
      fc.array(words(0, 3), { minLength: columns, maxLength: columns }),
      fc.array(fc.constantFrom('---', ':--', ':-:', '--:'), { minLength: columns, maxLength: columns }),
      fc.array(fc.array(words(0, 4), { minLength: 1, maxLength: columns + 1 }), { minLength: rows, maxLength: rows }),
    ),
  )
  .map(([header, align, rows]) => [header, align, ...rows].map((cells) => `| ${cells.map((c) => c.replace(/\|/g, '/')).join(' | ')} |`).join('\n'));

const codeMarkdown: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('```', '~~~', '````'),
    fc.constantFrom('', 'js', 'python extra', '{.rust}'),
    fc.array(fc.oneof(words(0, 6), unicodeText(20)), { maxLength: 6 }),
    fc.boolean(),
  )
  .map(([fence, lang, lines, closed]) => `${fence}${lang}\n${lines.join('\n')}${closed ? `\n${fence}` : ''}`);

/** One Markdown block of any kind Lectern reads. */
const markdownBlock: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: paragraph },
  { weight: 3, arbitrary: fc.tuple(fc.integer({ min: 1, max: 6 }), words(0, 5)).map(([depth, text]) => `${'#'.repeat(depth)} ${text}`) },
  { weight: 1, arbitrary: fc.tuple(words(1, 4), fc.constantFrom('===', '---')).map(([text, line]) => `${text}\n${line}`) },
  { weight: 2, arbitrary: listMarkdown },
  { weight: 2, arbitrary: fc.tuple(sentences(1, 3), fc.option(words(1, 3))).map(([text, who]) => `> ${text}${who ? `\n> — ${who}` : ''}`) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('[!NOTE]', '[!tip]', '[!WARNING]'), fc.option(sentences(1, 2)))
      .map(([kind, text]) => `> ${kind}${text ? `\n> ${text}` : ''}`),
  },
  { weight: 2, arbitrary: codeMarkdown },
  { weight: 1, arbitrary: tableMarkdown },
  { weight: 2, arbitrary: fc.constantFrom('---', '***', '___', '- - -') },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constantFrom('Note:', 'Notes:', 'note: ', 'NOTE:'), fc.option(sentences(1, 2))).map(([lead, text]) => `${lead} ${text ?? ''}`),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '<!-- slide: points -->',
      '<!-- slide: quote -->',
      '<!-- slide: figure -->',
      '<!-- slide: agenda -->',
      '<!-- slide: closing -->',
      '<!-- slide: code -->',
      '<!-- slide: table -->',
      '<!-- slide: image -->',
      '<!-- slide: html -->',
      '<!-- slide: list -->',
      '<!-- slide: nonsense -->',
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(words(0, 3), fc.constantFrom('img/a.png', 'javascript:alert(1)', 'data:text/html,x', 'https://example.org/b.jpg', ''))
      .map(([alt, src]) => `![${alt}](${src})`),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(sentences(1, 2), fc.constantFrom('div', 'p', 'details', 'script', 'span')).map(([text, tag]) => `<${tag}>${text}</${tag}>`),
  },
  { weight: 1, arbitrary: fc.constantFrom('[ref]: https://example.org', '<img src="x.png" alt="y">', '<!-- a comment -->', '&nbsp;', '\\', '|', '>') },
);

/** A small Markdown article: optional front matter, then blocks separated by one or two newlines. */
export const markdownArticle: fc.Arbitrary<string> = fc
  .tuple(fc.option(frontMatter, { freq: 3 }), fc.array(fc.tuple(markdownBlock, fc.constantFrom('\n\n', '\n', '\n\n\n')), { maxLength: 12 }))
  .map(([front, blocks]) => (front ?? '') + blocks.map(([block, gap]) => block + gap).join(''));

/** One plain-text unit: headings in the shapes text files use, wrapped paragraphs, lists, rules and page furniture. */
const textBlock: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(paragraph, fc.integer({ min: 20, max: 110 })).map(([text, width]) => wrapped(text, width)) },
  { weight: 2, arbitrary: words(1, 5).map((text) => text.toUpperCase()) },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constantFrom('1.', '2.', '1.2', '3)', 'IV.', 'II', 'Chapter 3:', 'Part One'), words(1, 5)).map(([n, text]) => `${n} ${text}`),
  },
  { weight: 1, arbitrary: fc.tuple(words(1, 4), fc.constantFrom('=', '-', '~', '*')).map(([text, ch]) => `${text}\n${ch.repeat(Math.max(3, text.length))}`) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom('- ', '* ', '• ', '1. ', 'a) '), fc.array(words(1, 8), { minLength: 1, maxLength: 4 }))
      .map(([marker, items]) => items.map((item) => marker + item).join('\n')),
  },
  { weight: 1, arbitrary: fc.constantFrom('* * *', '---', '***', '~~~~', '\f', 'Page 3 of 10', '- 4 -', '12', 'By Ada Lovelace', 'by the keepers') },
  { weight: 1, arbitrary: words(1, 5) },
);

/** A small plain-text article: blocks separated by blank lines (or not), with optional Windows line ends. */
export const textArticle: fc.Arbitrary<string> = fc
  .tuple(fc.array(fc.tuple(textBlock, fc.constantFrom('\n\n', '\n', '\n\n\n', '\n\f\n')), { maxLength: 12 }), fc.boolean())
  .map(([blocks, crlf]) => {
    const text = blocks.map(([block, gap]) => block + gap).join('');
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });

const htmlBlock: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: paragraph.map((text) => `<p>${escape(text)}</p>`) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 6 }), words(1, 5)).map(([level, text]) => `<h${level}>${escape(text)}</h${level}>`) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom('ul', 'ol'), fc.array(words(1, 6), { minLength: 1, maxLength: 4 }))
      .map(([tag, items]) => `<${tag}>${items.map((item) => `<li>${escape(item)}</li>`).join('')}</${tag}>`),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(sentences(1, 2), fc.option(words(1, 3)))
      .map(([text, who]) => `<blockquote><p>${escape(text)}</p>${who ? `<footer>— ${escape(who)}</footer>` : ''}</blockquote>`),
  },
  { weight: 1, arbitrary: fc.array(words(0, 5), { maxLength: 4 }).map((lines) => `<pre><code class="language-js">${escape(lines.join('\n'))}</code></pre>`) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.array(words(0, 3), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 })
      .map(
        (rows) =>
          `<table>${rows.map((row, i) => `<tr>${row.map((cell) => (i === 0 ? `<th>${escape(cell)}</th>` : `<td>${escape(cell)}</td>`)).join('')}</tr>`).join('')}</table>`,
      ),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(words(0, 3), fc.constantFrom('a.png', '//cdn.example.org/b.png', 'javascript:x', ''))
      .map(([alt, src]) => `<figure><img src="${src}" alt="${escape(alt)}"><figcaption>${escape(alt)}</figcaption></figure>`),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '<nav>Home | About</nav>',
      '<script>window.x=1</script>',
      '<div class="infobox">Box</div>',
      '<sup>[1]</sup>',
      '<details><summary>More</summary>Hidden text here.</details>',
      '<h2>References</h2><ul><li>A source.</li></ul>',
    ),
  },
  { weight: 1, arbitrary: unicodeText(40) },
);

/** A small saved web page: head with title and language, an <article> of blocks, sometimes without the wrappers. */
export const htmlPage: fc.Arbitrary<string> = fc
  .tuple(
    fc.option(words(1, 5)),
    fc.constantFrom('', ' lang="en"', ' lang="he" dir="rtl"', ' lang="zh"', ' lang="!!"'),
    fc.array(htmlBlock, { maxLength: 10 }),
    fc.boolean(),
  )
  .map(([title, lang, blocks, wrapped]) => {
    const head = title === null ? '' : `<title>${escape(title)}</title>`;
    const body = blocks.join('\n');
    return wrapped ? `<!doctype html>\n<html${lang}><head>${head}</head>\n<body><article>\n${body}\n</article></body></html>` : `${head}${body}`;
  });

function escape(text: string): string {
  return text
    .replace(/&(?!amp;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
