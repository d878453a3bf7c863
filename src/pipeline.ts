import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { readArticle, readArticleText, sourcePath, type SourceText } from './article/read.js';
import type { Article } from './article/types.js';
import type { Warning } from './errors.js';
import { confineArticleSettings } from './files/article-settings.js';
import { checkLocalImages, type LocalImages } from './files/local-images.js';
import { fileAccess, type FileAccess } from './files/roots.js';
import { outlineArticleShared, startOutlineHelper, stopOutlineHelper, type OutlineHelper } from './outline/shared-outline.js';
import { OUTLINE_HELPER } from './paths.js';
import type { Deck } from './outline/types.js';
import { compileTemplates, type CompiledTemplates } from './render/template-set.js';
import { loadTemplateSet } from './render/template-files.js';
import type { ConfigFile } from './settings/config-file.js';
import { resolveSettings, type ResolvedSettings } from './settings/resolve.js';
import type { DeckSettingValues } from './settings/table.js';

/** Everything needed to render a deck, read from its source. */
export interface PreparedDeck {
  article: Article;
  deck: Deck;
  /** The deck's settings, resolved: command line > front matter > config file > defaults. */
  settings: ResolvedSettings;
  templates: CompiledTemplates;
  /** The deck's template override folder, if it names one. */
  templatesDir?: string;
  /** The folders the article may make Lectern read. */
  access: FileAccess;
  /** The deck's local images, checked: inside `access.roots` and real image bytes. */
  images: LocalImages;
  warnings: Warning[];
}

/** The command line's (or the API's) settings, which win over front matter, plus the config file and file access. */
export interface PrepareOptions extends DeckSettingValues {
  /** The project's config file, loaded (src/settings/config-file.ts). */
  config?: ConfigFile;
  /** Folders beyond the article's own that it may make Lectern read (`--allow-root`). */
  allowRoots?: string[];
  /** Lets the article's front matter choose templates (from inside its folder): `--trust-article`. */
  trustArticle?: boolean;
  /**
   * Whether to check the deck's local images for publishing (default true). `lectern import` writes the article's
   * image paths back out as written and publishes nothing, so it skips the check.
   */
  checkImages?: boolean;
  /** Threads that outline a long article: 1 for the calling thread only, 2 or more adds a helper (default: 2 with two cores). */
  jobs?: number;
}

/**
 * Articles from this size on are outlined with a helper thread. A build keeps a second core about half busy already
 * with V8's optimising compiler and garbage collector (the benchmark's 1.1 MB deck: 2.0 s of CPU in 1.4 s), which the
 * helper competes with. Measured on two cores: a book-like article of 1.25 MB 4.15 → 3.69 s and 2.5 MB 7.6 → 6.2 s;
 * the benchmark's deck of short, titled slides (1.1 MB), whose sections cost little to outline, about 2 % slower with it
 * (1.71 against 1.74 s, 9 alternating runs).
 */
const HELPER_FROM_BYTES = 1024 * 1024;

/** A helper thread for the outline, started before the article is read, when it is long and a second core is there. */
function helperFor(source: string | SourceText, jobs: number | undefined): OutlineHelper | undefined {
  if (typeof source !== 'string' || (jobs ?? (availableParallelism() >= 2 ? 2 : 1)) < 2) return undefined;
  try {
    if (statSync(source).size < HELPER_FROM_BYTES) return undefined;
  } catch {
    // Reading the source reports what is wrong with it.
    return undefined;
  }
  return startOutlineHelper(OUTLINE_HELPER);
}

/** Reads the source, resolves its settings and outlines it, with the helper thread when there is one. */
async function readAndOutline(source: string | SourceText, options: PrepareOptions, helper: OutlineHelper | undefined) {
  // A text source reads files (images, a theme) as if it were a file at its name.
  const access = await fileAccess(sourcePath(source), options.allowRoots);
  const { article, warnings } = typeof source === 'string' ? await readArticle(source) : await readArticleText(source);
  const { config, allowRoots: _roots, trustArticle: _trust, checkImages: _check, jobs: _jobs, ...given } = options;
  const resolved = resolveSettings({
    cli: { values: given },
    frontMatter: { values: article.meta, file: article.file, lines: article.metaLines },
    config: config && { values: config.values, file: config.file, lines: config.lines },
  });
  const outlined = await outlineArticleShared(article, { settings: resolved }, helper);
  return { access, article, warnings, resolved, outlined };
}

/** Compiled template sets by folder, kept by a long-running caller (the dev server) between rebuilds. */
export type TemplateCache = Map<string, CompiledTemplates>;

/**
 * Source file → Article → Deck, with the deck's templates loaded and compiled. With a cache, templates are compiled
 * once per folder until the caller clears the cache (when a template file changes).
 */
export async function prepareDeck(source: string | SourceText, options: PrepareOptions = {}, cache?: TemplateCache): Promise<PreparedDeck> {
  const { config, trustArticle } = options;
  const helper = helperFor(source, options.jobs);
  let read: Awaited<ReturnType<typeof readAndOutline>>;
  try {
    read = await readAndOutline(source, options, helper);
  } finally {
    await stopOutlineHelper(helper);
  }
  const { access, article, warnings, resolved, outlined } = read;
  // Every file the article names is checked against its roots before anything reads it for the output.
  const settings = await confineArticleSettings(article, outlined, { settings: resolved, trustArticle }, access);
  const logoAt = {
    cli: undefined,
    frontMatter: { file: article.file, line: article.metaLines?.logo },
    config: config && { file: config.file, line: config.lines.logo },
  }[resolved.origin.logo ?? 'cli'];
  const {
    deck,
    images,
    warnings: imageWarnings,
  } = options.checkImages === false
    ? { deck: settings.deck, images: new Map() as LocalImages, warnings: [] }
    : await checkLocalImages(settings.deck, access, { strict: resolved.strict, logoAt });
  const { templatesDir } = settings;
  const key = templatesDir ?? '';
  const templates = cache?.get(key) ?? compileTemplates(await loadTemplateSet(templatesDir));
  cache?.set(key, templates);
  return {
    article,
    deck,
    settings: resolved,
    templates,
    templatesDir,
    access,
    images,
    warnings: [...(config?.warnings ?? []), ...warnings, ...resolved.warnings, ...settings.warnings, ...imageWarnings],
  };
}
