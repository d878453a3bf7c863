import { Tokenizer, type Tokens } from 'marked';

/** Quotes larger than this are lexed the linear way (ArticleTokenizer). */
const LARGE_QUOTE_CHARS = 20_000;

/**
 * Characters and words that may start inline markup or a link in marked's GFM grammar (escapes, HTML, links, emphasis,
 * code, strike-through, hard breaks, autolinks, entities): text with none of them is one text token, as marked makes it.
 */
const INLINE_MARKUP = /[\\<![\]`*_~@:&]| {2,}\n|www\.|https?|ftp/i;

/**
 * marked's tokenizer, with two changes measured on long articles:
 * - marked re-lexes a block quote's nested quote from its start each time the nesting changes: 40,000 lines
 *   alternating `>` and `> >` took 78 s. A large quote is lexed the way marked did before that change (strip one `>` per
 *   line, lex the rest once), in linear time; smaller ones keep marked's own, finer handling of lazy lines.
 * - marked finds the end of a run of plain text with one pattern that looks ahead for an e-mail address at every
 *   character: the costliest pattern of a build (65 ms of the benchmark's 1.1 MB deck). Text with no character that
 *   could start markup is taken whole, as the token marked would make of it: the same type, text and flags.
 */
export class ArticleTokenizer extends Tokenizer {
  override blockquote(src: string): Tokens.Blockquote | undefined {
    const match = this.rules.block.blockquote.exec(src);
    if (!match || match[0].length <= LARGE_QUOTE_CHARS) return super.blockquote(src);
    const text = match[0].replace(/^ {0,3}>[ \t]?/gm, '').replace(/\n+$/, '');
    const top = this.lexer.state.top;
    this.lexer.state.top = true;
    const tokens = this.lexer.blockTokens(text, []);
    this.lexer.state.top = top;
    return { type: 'blockquote', raw: match[0], tokens, text };
  }

  override inlineText(src: string): Tokens.Text | undefined {
    if (INLINE_MARKUP.test(src)) return super.inlineText(src);
    return { type: 'text', raw: src, text: src, escaped: this.lexer.state.inRawBlock };
  }
}
