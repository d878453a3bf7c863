import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { ExitCode, LecternError } from '../errors.js';
import { decodeSource } from './decode.js';
import type { ParseResult, SourceFormat } from './types.js';
import { STDIN_ARGUMENT, STDIN_NAME } from './stdin.js';

const FORMAT_BY_EXTENSION: Record<string, SourceFormat> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.mdown': 'markdown',
  '.txt': 'text',
  '.text': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
};

/** The format a file name implies; `-` (standard input) and unknown extensions are sniffed from the content. */
export function formatOf(file: string, text: string): SourceFormat {
  const known = FORMAT_BY_EXTENSION[extname(file).toLowerCase()];
  if (known) return known;
  if (/^\s*(?:<!doctype html|<html[\s>])/i.test(text)) return 'html';
  if (/^---\n|^#{1,6} |\n#{1,6} /.test(text)) return 'markdown';
  return 'text';
}

/** Parses already-decoded source text; pure. */
export async function parseSource(text: string, file: string, format: SourceFormat = formatOf(file, text)): Promise<ParseResult> {
  switch (format) {
    // Each reader is loaded only for its own format, so a build pays for one parser.
    case 'markdown':
      return (await import('./markdown.js')).parseMarkdown(text, file);
    case 'html': {
      // Too deep a page is refused before the DOM (a second or more to load) is even loaded.
      (await import('./nesting.js')).checkHtmlNesting(text, file);
      // The web-page reader brings a whole DOM with it: load it only for web pages.
      const { parseHtml } = await import('./html.js');
      return parseHtml(text, file);
    }
    case 'text':
      return (await import('./text.js')).parseText(text, file);
  }
}

/** Reads a source file (or standard input for `-`) and parses it. The one stage that touches the disk for input. */
export async function readArticle(file: string, options: { stdin?: NodeJS.ReadableStream } = {}): Promise<ParseResult> {
  const bytes = file === STDIN_ARGUMENT ? await readStream(options.stdin ?? process.stdin) : await readSourceFile(file);
  const { text, warnings } = decodeSource(bytes, file === STDIN_ARGUMENT ? STDIN_NAME : file);
  const result = await parseSource(text, file === STDIN_ARGUMENT ? STDIN_NAME : file);
  return { article: result.article, warnings: [...warnings, ...result.warnings] };
}

async function readSourceFile(file: string): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new LecternError(code === 'ENOENT' ? 'no such file' : `cannot read the file (${code ?? String(error)})`, {
      exitCode: ExitCode.input,
      location: { file },
      hint: code === 'ENOENT' ? 'check the path; decks usually live in slides/' : undefined,
    });
  }
  if (info.isDirectory()) {
    throw new LecternError('is a directory, not an article', {
      exitCode: ExitCode.input,
      location: { file },
      hint: 'name a .md, .txt or .html file, or run `lectern build` with no source to build every deck in slides/',
    });
  }
  try {
    return await readFile(file);
  } catch (error) {
    throw new LecternError(`cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`, {
      exitCode: ExitCode.input,
      location: { file },
    });
  }
}

async function readStream(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/** An article given as text rather than a file: `name` stands for its path (messages, relative image paths). */
export interface SourceText {
  text: string;
  /** Sniffed from the name's extension, then the text, when not given. */
  format?: SourceFormat;
  /** Default `article`, in the working folder. */
  name?: string;
}

/** The path a source stands for: the file itself, or a text source's name. */
export function sourcePath(source: string | SourceText): string {
  return typeof source === 'string' ? source : (source.name ?? 'article');
}

/** Parses an article given as text; touches no disk. */
export async function readArticleText(source: SourceText): Promise<ParseResult> {
  const name = sourcePath(source);
  return parseSource(source.text, name, source.format ?? formatOf(name, source.text));
}
