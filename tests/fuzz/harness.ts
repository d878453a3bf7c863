/** The in-memory pipeline the property tests drive: parse (per format), outline, render. */
import { parseSource } from '../../src/article/read.js';
import type { Article, SourceFormat } from '../../src/article/types.js';
import { LecternError } from '../../src/errors.js';
import { measureCoverage } from '../../src/outline/coverage.js';
import { outlineArticle } from '../../src/outline/outline.js';
import type { Deck } from '../../src/outline/types.js';
import { renderDeck } from '../../src/render/render.js';
import { compileTemplates, type CompiledTemplates } from '../../src/render/template-set.js';
import { loadTemplateSet } from '../../src/render/template-files.js';

const FILES: Record<SourceFormat, string> = { markdown: 'fuzz.md', text: 'fuzz.txt', html: 'fuzz.html' };
const assets = { stylesheets: ['assets/theme.css'], scripts: ['assets/lectern.js'] };

let templates: Promise<CompiledTemplates> | undefined;

/** The built-in templates, compiled once per test file. */
export function builtinTemplates(): Promise<CompiledTemplates> {
  return (templates ??= loadTemplateSet().then(compileTemplates));
}

/** Reads and outlines; undefined when the reader refused the input with a LecternError. Anything else propagates. */
export async function outline(format: SourceFormat, text: string): Promise<{ article: Article; deck: Deck } | undefined> {
  let article: Article;
  try {
    article = (await parseSource(text, FILES[format], format)).article;
  } catch (error) {
    if (error instanceof LecternError) return undefined;
    throw error;
  }
  return { article, deck: outlineArticle(article) };
}

/** Property (a): reading, outlining and rendering fail, if at all, only with LecternError. */
export async function failsOnlyWithLecternError(format: SourceFormat, text: string): Promise<void> {
  try {
    const result = await outline(format, text);
    if (result) renderDeck(result.deck, await builtinTemplates(), assets);
  } catch (error) {
    if (!(error instanceof LecternError)) throw error;
  }
}

/** Property (b): every sentence the reader kept is on a slide or in the notes. */
export async function keepsEverySentence(format: SourceFormat, text: string): Promise<void> {
  const result = await outline(format, text);
  if (!result) return;
  const { missing } = measureCoverage(result.article, result.deck);
  if (missing.length > 0) throw new Error(`sentences missing from the deck: ${JSON.stringify(missing)}`);
}

/** Both properties on one read, for formats whose reader is too slow to run twice per input. */
export async function failsOnlyWithLecternErrorAndKeepsEverySentence(format: SourceFormat, text: string): Promise<void> {
  const result = await outline(format, text);
  if (!result) return;
  try {
    renderDeck(result.deck, await builtinTemplates(), assets);
  } catch (error) {
    if (!(error instanceof LecternError)) throw error;
  }
  const { missing } = measureCoverage(result.article, result.deck);
  if (missing.length > 0) throw new Error(`sentences missing from the deck: ${JSON.stringify(missing)}`);
}

/**
 * fast-check options with the run count from `LECTERN_FUZZ_RUNS` (a positive whole number) when set, else `standard`:
 * a quick local pass with a few runs, or a long soak with many.
 */
export function fuzzRuns(standard: number): { numRuns: number } {
  const value = process.env.LECTERN_FUZZ_RUNS;
  if (value === undefined || value === '') return { numRuns: standard };
  const runs = Number(value);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`LECTERN_FUZZ_RUNS must be a positive whole number, not "${value}"`);
  return { numRuns: runs };
}
