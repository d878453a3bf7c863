import { dirname, resolve } from 'node:path';
import { readArticle, readArticleText, sourcePath, type SourceText } from './article/read.js';
import type { Article } from './article/types.js';
import type { Warning } from './errors.js';
import { outlineArticle, type OutlineOptions } from './outline/outline.js';
import type { Deck } from './outline/types.js';
import { compileTemplates, type CompiledTemplates } from './render/template-set.js';
import { loadTemplateSet } from './render/template-files.js';

/** Everything needed to render a deck, read from its source. */
export interface PreparedDeck {
  article: Article;
  deck: Deck;
  templates: CompiledTemplates;
  /** The deck's template override folder, if it names one. */
  templatesDir?: string;
  warnings: Warning[];
}

export interface PrepareOptions extends OutlineOptions {
  /** A template override folder given on the command line; wins over front matter. */
  templates?: string;
}

/** Compiled template sets by folder, kept by a long-running caller (the dev server) between rebuilds. */
export type TemplateCache = Map<string, CompiledTemplates>;

/**
 * Source file → Article → Deck, with the deck's templates loaded and compiled. With a cache, templates are compiled
 * once per folder until the caller clears the cache (when a template file changes).
 */
export async function prepareDeck(source: string | SourceText, options: PrepareOptions = {}, cache?: TemplateCache): Promise<PreparedDeck> {
  const { article, warnings } = typeof source === 'string' ? await readArticle(source) : await readArticleText(source);
  const deck = outlineArticle(article, options);
  const base = source === '-' ? process.cwd() : dirname(resolve(sourcePath(source)));
  const templatesDir = options.templates
    ? resolve(options.templates)
    : article.meta.templates
      ? resolve(base, article.meta.templates)
      : undefined;
  const key = templatesDir ?? '';
  const templates = cache?.get(key) ?? compileTemplates(await loadTemplateSet(templatesDir));
  cache?.set(key, templates);
  return { article, deck, templates, templatesDir, warnings };
}
