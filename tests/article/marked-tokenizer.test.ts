import fc from 'fast-check';
import { Lexer } from 'marked';
import { describe, expect, it } from 'vitest';
import { ArticleTokenizer } from '../../src/article/marked-tokenizer.js';

// The tokenizer takes a run of plain text whole instead of through marked's own pattern: every token must be the one
// marked makes, for plain text and for text with markup, links, entities and breaks anywhere in it.
const ours = (markdown: string): unknown => new Lexer({ gfm: true, tokenizer: new ArticleTokenizer() }).lex(markdown);
const marked = (markdown: string): unknown => new Lexer({ gfm: true }).lex(markdown);

const PIECES = [
  'The harbour',
  ' authority',
  ' cut its bills',
  '. ',
  ', ',
  '\n',
  '  \n',
  '“quoted”',
  '’s',
  'café',
  '*',
  '**',
  '_',
  '__',
  '~',
  '~~',
  '`',
  '[link](https://example.org)',
  '[ref]',
  '![alt](a.png)',
  '<b>',
  '</b>',
  '&amp;',
  '&#38;',
  '&',
  '\\',
  '\\*',
  'www.example.org',
  'https://example.org/a_b',
  'http',
  'ftp',
  'name@example.org',
  'mailto:',
  ':',
  '!',
  ']',
  '#',
  '1.',
  '- ',
  '> ',
];

describe('ArticleTokenizer', () => {
  it('gives the tokens marked gives, for any mix of plain text and markup', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => {
        const markdown = pieces.join('');
        expect(ours(markdown)).toEqual(marked(markdown));
      }),
      { numRuns: 3000 },
    );
  });

  it('takes plain text whole, as one text token', () => {
    const text = 'The authority cut its diesel bills by a third, and tenants asked for more.\nA second line follows.';
    const paragraph = (ours(text) as Array<{ tokens: unknown[] }>)[0]!;
    expect(paragraph.tokens).toEqual([{ type: 'text', raw: text, text, escaped: false }]);
    expect(ours(text)).toEqual(marked(text));
  });
});
