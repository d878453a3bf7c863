/**
 * Nesting bounds, checked in one linear pass before any parser sees the text. The parsers (marked, parse5, DOMPurify,
 * Readability) and our own tree walks recurse per level and re-read nested text per level, so an article nested
 * thousands deep overflows the stack or takes memory and time in proportion to depth × size. Real articles stay far
 * below these bounds; an article beyond one is refused with its file, line and the limit.
 */
import { ExitCode, LecternError } from '../errors.js';

/** Block quotes and list items inside one another, counted together. */
export const MAX_MARKDOWN_NESTING = 50;
/**
 * Elements inside one another in a web page or in an article's raw HTML. Browsers stop nesting at 512; jsdom's cost
 * per node grows with its depth (5× at 500 levels against 10), so the bound is lower.
 */
export const MAX_HTML_NESTING = 256;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const LIST_MARKER = /(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/y;

function tooDeep(what: string, limit: number, file: string, line: number, hint: string): LecternError {
  return new LecternError(`${what} nested more than ${limit} deep`, { exitCode: ExitCode.input, location: { file, line }, hint });
}

/**
 * Refuses Markdown whose block quotes and lists nest deeper than MAX_MARKDOWN_NESTING, and whose raw HTML nests deeper
 * than MAX_HTML_NESTING (fenced code is skipped: it is shown as written). `lineOffset` maps body lines to file lines.
 */
export function checkMarkdownNesting(body: string, file: string, lineOffset = 0): void {
  const lines = body.split('\n');
  /** Content columns of the list items open at this point. */
  const items: number[] = [];
  let fence: string | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const fenceMatch = FENCE.exec(line);
    if (fence !== undefined) {
      if (fenceMatch && fenceMatch[1]![0] === fence[0] && fenceMatch[1]!.length >= fence.length && !line.slice(fenceMatch[0].length).trim()) fence = undefined;
      lines[index] = '';
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      lines[index] = '';
      continue;
    }
    if (!line.trim() || RULE.test(line)) continue;
    let quotes = 0;
    let column = 0;
    let position = 0;
    let first = true;
    for (;;) {
      while (line[position] === ' ' || line[position] === '\t') {
        column += line[position] === '\t' ? 4 - (column % 4) : 1;
        position++;
      }
      if (first) {
        // A line's indentation closes the list items it is not inside (a lazy line may close too many: that only
        // undercounts).
        while (items.length > 0 && items[items.length - 1]! > column) items.pop();
        first = false;
      }
      if (line[position] === '>') {
        quotes++;
        position++;
        column++;
        continue;
      }
      LIST_MARKER.lastIndex = position;
      const marker = LIST_MARKER.exec(line);
      if (!marker) break;
      while (items.length > 0 && items[items.length - 1]! > column) items.pop();
      position += marker[0].length;
      column += marker[0].length;
      items.push(column + 1);
      if (quotes + items.length > MAX_MARKDOWN_NESTING) break;
    }
    if (quotes + items.length > MAX_MARKDOWN_NESTING) {
      throw tooDeep('block quotes and lists', MAX_MARKDOWN_NESTING, file, lineOffset + index + 1, 'flatten the quotes or lists');
    }
  }
  checkHtmlNesting(lines.join('\n'), file, lineOffset);
}

// Elements that never hold content, and those the HTML parser closes by itself (a new <p> or <li> ends the last):
// neither makes the tree deeper, so neither is counted.
const VOID = new Set('area base br col embed hr img input link meta source track wbr param keygen frame basefont bgsound'.split(' '));
const SELF_CLOSING = new Set('p li dt dd option optgroup tr td th thead tbody tfoot colgroup caption rb rt rtc rp html head body'.split(' '));
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
// `[^<>]*`: a tag missing its `>` fails at the next `<`, not at the end of the text (quadratic for many of them).
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^<>]*>|<!--[\s\S]*?(?:-->|$)/y;

/** Refuses HTML whose elements nest deeper than MAX_HTML_NESTING, with the line of the first tag beyond the limit. */
export function checkHtmlNesting(html: string, file: string, lineOffset = 0): void {
  const open: string[] = [];
  const counts = new Map<string, number>();
  for (let at = html.indexOf('<'); at !== -1; at = html.indexOf('<', at + 1)) {
    TAG.lastIndex = at;
    const tag = TAG.exec(html);
    if (!tag) continue;
    at = TAG.lastIndex - 1;
    const name = tag[2]?.toLowerCase();
    if (name === undefined || VOID.has(name) || SELF_CLOSING.has(name)) continue;
    if (tag[1]) {
      // An end tag closes the nearest open element of its name and everything opened inside it; a stray one nothing.
      if ((counts.get(name) ?? 0) === 0) continue;
      for (let closed = open.pop(); closed !== undefined; closed = open.pop()) {
        counts.set(closed, counts.get(closed)! - 1);
        if (closed === name) break;
      }
      continue;
    }
    if (tag[0].endsWith('/>')) continue;
    if (RAW_TEXT.has(name)) {
      const close = new RegExp(`</${name}`, 'gi');
      close.lastIndex = TAG.lastIndex;
      at = close.exec(html)?.index ?? html.length;
      continue;
    }
    open.push(name);
    counts.set(name, (counts.get(name) ?? 0) + 1);
    if (open.length > MAX_HTML_NESTING) {
      let line = lineOffset + 1;
      for (let newline = html.indexOf('\n'); newline !== -1 && newline < tag.index; newline = html.indexOf('\n', newline + 1)) line++;
      throw tooDeep('HTML elements', MAX_HTML_NESTING, file, line, 'flatten the nesting of the HTML');
    }
  }
}
