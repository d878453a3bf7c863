/**
 * The two front-matter settings that name files, `theme:` (a .css path) and `templates:`, held to the trust model:
 * a theme file must lie inside the article's roots; templates are the project's, so an article's own are used only
 * with `--trust-article`, and only from inside its roots. The command line's and the config file's `theme` and
 * `templates` are the user's choice and are not checked.
 */
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Article } from '../article/types.js';
import type { Warning } from '../errors.js';
import type { Deck } from '../outline/types.js';
import type { ResolvedSettings } from '../settings/resolve.js';
import { DEFAULT_THEME } from '../settings/table.js';
import { confine, refusalText, type FileAccess } from './roots.js';

export interface FileOptions {
  /** Where the deck's `theme` and `templates` came from: only the article's own are confined. */
  settings: Pick<ResolvedSettings, 'theme' | 'templates' | 'origin'>;
  /** `--trust-article`: the article's front matter may choose templates from inside its folder. */
  trustArticle?: boolean;
}

const FALLBACK_THEME = DEFAULT_THEME;

/** The deck (its theme replaced by the default if refused), the template folder to use, and a warning per refusal. */
export async function confineArticleSettings(
  article: Article,
  deck: Deck,
  options: FileOptions,
  access: FileAccess,
): Promise<{ deck: Deck; templatesDir?: string; warnings: Warning[] }> {
  const warnings: Warning[] = [];
  const where = (key: 'theme' | 'templates'): Warning['location'] => ({ file: article.file, line: article.metaLines?.[key] });
  let result = deck;

  const { settings } = options;
  const theme = settings.theme;
  if (settings.origin.theme === 'frontMatter' && /\.css$/i.test(theme)) {
    const confined = await confine(theme, access.articleDir, access.roots);
    // A missing theme stays the error it always was (resolveTheme reports it); one outside the roots is refused.
    if (!confined.ok && confined.reason !== 'missing') {
      warnings.push({
        message: `theme ${JSON.stringify(theme)} not used: ${refusalText(confined.reason)}; using the \`${FALLBACK_THEME}\` theme`,
        location: where('theme'),
      });
      result = { ...deck, meta: { ...deck.meta, theme: FALLBACK_THEME } };
    }
  }

  // The command line's and the config file's templates are the user's choice (their paths are already absolute).
  if (settings.templates !== undefined && settings.origin.templates !== 'frontMatter')
    return { deck: result, templatesDir: resolve(settings.templates), warnings };
  const templates = article.meta.templates;
  if (templates === undefined) return { deck: result, warnings };
  if (!options.trustArticle) {
    warnings.push({
      message: `front matter \`templates: ${templates}\` ignored: templates come from --templates or the built-in set (pass --trust-article to let this article use its own templates from inside its folder)`,
      location: where('templates'),
    });
    return { deck: result, warnings };
  }
  const folder = await confine(templates, access.articleDir, access.roots, 'directory');
  if (!folder.ok) {
    // A folder that does not exist is reported by the template loader, as before.
    if (folder.reason === 'missing') return { deck: result, templatesDir: resolve(access.articleDir, templates), warnings };
    warnings.push({ message: `front matter \`templates: ${templates}\` ignored: ${refusalText(folder.reason)}`, location: where('templates') });
    return { deck: result, warnings };
  }
  const escaping = await escapingTemplateFile(folder.file, access.roots);
  if (escaping) {
    warnings.push({ message: `front matter \`templates: ${templates}\` ignored: ${escaping} ${refusalText('outside')}`, location: where('templates') });
    return { deck: result, warnings };
  }
  return { deck: result, templatesDir: folder.file, warnings };
}

/** The first template or style file of the folder whose real path (a symlink's target) lies outside the roots. */
async function escapingTemplateFile(folder: string, roots: readonly string[]): Promise<string | undefined> {
  const candidates = ['deck.hbs', 'slide.hbs'];
  for (const sub of ['layouts', 'partials', 'styles']) {
    for (const entry of await readdir(join(folder, sub)).catch(() => [] as string[])) candidates.push(join(sub, entry));
  }
  for (const name of candidates) {
    const checked = await confine(name, folder, roots);
    if (!checked.ok && checked.reason === 'outside') return name;
  }
  return undefined;
}
