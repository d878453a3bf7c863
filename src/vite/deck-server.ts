import type { Stats } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ViteDevServer } from 'vite';
import { escapeHtml } from '../escape-html.js';
import { LecternError, formatWarning } from '../errors.js';
import type { Deck } from '../outline/types.js';
import { PACKAGE_ROOT, BUILTIN_TEMPLATES } from '../paths.js';
import { prepareDeck, type PrepareOptions, type PreparedDeck, type TemplateCache } from '../pipeline.js';
import { renderDeck, renderSlides } from '../render/render.js';
import { revealConfig } from '../render/reveal-config.js';
import { resolveStyle } from '../render/template-files.js';
import { collectMedia } from '../site/media.js';
import { ensureRuntime, type RuntimeFiles } from '../site/runtime.js';
import { resolveTheme } from '../site/themes.js';
import { errorPage, toViteError } from './error-page.js';

export interface DeckServerOptions extends PrepareOptions {
  /** The deck's source file. */
  source: string;
  /**
   * Names the deck in every live message (`lectern:update`, `lectern:reload`, `lectern:error`), so that when one
   * server presents several decks only this deck's open pages act on them. Empty when the server presents one deck.
   */
  tag: string;
  /** The URL path the deck's page lives under, ending in `/` (`/`, or `/<encoded name>/`). */
  base: string;
  log: (message: string) => void;
  /** Leaves out the line per live update; warnings and errors still go to `log`. */
  quiet?: boolean;
  /** Put before the line per live update, to say which deck it was when there are several. */
  label?: string;
}

/** One deck as the dev server presents it: built on start and on every save, answering the requests for its page. */
export interface DeckServer {
  /** The deck as last built, or the error that stopped the last build. */
  readonly state: () => { deck?: Deck; error?: LecternError };
  /**
   * Answers a request for `path`, the part of the URL after the deck's base (starting with `/`, no query); false
   * when the path is none of the deck's.
   */
  readonly handle: (path: string, response: ServerResponse) => Promise<boolean>;
}

const STYLESHEETS = ['reveal.css', 'theme.css', 'lectern.css'];
/** Where the slides go in the page given to Vite's transform (see `deckPage`): no slide's text can hold it, escaped. */
const SLIDES_MARK = '<!--lectern:slides-->';
/** Longer than the watcher's 50 ms window in which it reports no further change to the same file. */
const SETTLE_MS = 80;
/** How often the source is looked at whatever the watcher says: one stat, so that no save goes unseen for long. */
const POLL_MS = 500;
export const CLIENT_ENTRY = `/@fs${resolve(PACKAGE_ROOT, 'src/present/dev-client.ts').replace(/\\/g, '/')}`;

/** Builds the deck, watches its source and templates, and sends its live messages on `server`'s socket. */
export async function startDeckServer(server: ViteDevServer, options: DeckServerOptions): Promise<DeckServer> {
  const source = resolve(options.source);
  const { log, tag } = options;
  let current: PreparedDeck | undefined;
  let lastError: LecternError | undefined;
  let assets = new Map<string, string>();
  // The deck's checked images by the path the page asks for (`/media/<hash>.<ext>`): the only article files served.
  let media = new Map<string, { from: string; mime: string }>();
  // Templates and the runtime change rarely: keep them between saves so an edit costs only read, outline and render.
  const templateCache: TemplateCache = new Map();
  let runtimeFiles: Promise<RuntimeFiles> | undefined;
  let slidesHtml = '';

  // The source's file, size and modification time when it was last read, to notice saves the watcher did not report.
  let builtStamp = '';
  const statSource = (): Promise<Stats | undefined> => stat(source).catch(() => undefined);
  const stampOf = (stats: Stats | undefined): string => (stats ? `${stats.ino}:${stats.mtimeMs}:${stats.size}` : 'missing');

  const rebuild = async (): Promise<void> => {
    builtStamp = stampOf(await statSource());
    try {
      const read = await prepareDeck(source, options, templateCache);
      // Images are served as a built deck has them, from their checked copies: the page never names the article's paths.
      const collected = await collectMedia(read.deck, read.images);
      const prepared = { ...read, deck: collected.deck };
      const runtime = await (runtimeFiles ??= ensureRuntime());
      assets = new Map([
        ['reveal.css', runtime.revealCss],
        ['theme.css', await resolveTheme(prepared.deck.meta.theme, source, runtime, prepared.templatesDir)],
        ['lectern.css', resolveStyle('base.css', prepared.templatesDir)],
        ['lectern.js', runtime.script],
      ]);
      // Render now so a template error is reported at save time, not when the page asks.
      slidesHtml = renderSlides(prepared.deck, prepared.templates);
      for (const warning of prepared.warnings) log(formatWarning(warning));
      current = prepared;
      media = new Map(collected.media.map((item) => [`/${item.to}`, item]));
      lastError = undefined;
    } catch (error) {
      if (!(error instanceof LecternError)) throw error;
      lastError = error;
    }
  };

  await rebuild();
  if (lastError) log(lastError.format());
  server.watcher.add([source, BUILTIN_TEMPLATES]);
  if (current?.templatesDir) server.watcher.add(current.templatesDir);

  const send = (event: string, data: Record<string, unknown>): void => server.ws.send({ type: 'custom', event, data: { deck: tag, ...data } });

  let queue: Promise<void> = Promise.resolve();
  // Updates run one after another; one that fails unexpectedly is reported and never stops later saves from showing.
  const enqueue = (stylesChanged: boolean): void => {
    queue = queue
      .then(() => update(stylesChanged))
      .catch((error: unknown) => {
        const message = `internal error while updating the deck: ${error instanceof Error ? error.message : String(error)}`;
        log(message);
        send('lectern:error', { err: { message, stack: error instanceof Error ? (error.stack ?? '') : '', plugin: 'lectern' } });
      });
  };
  const onChange = (file: string): void => {
    const path = resolve(file);
    const isSource = path === source;
    const isTemplate = path.startsWith(BUILTIN_TEMPLATES) || (current?.templatesDir !== undefined && path.startsWith(current.templatesDir));
    if (!isSource && !isTemplate) return;
    if (isTemplate) templateCache.clear();
    enqueue(isTemplate && /\.css$/.test(path));
    // The watcher drops further changes to a file for 50 ms after one: look again once that window has passed.
    if (isSource) setTimeout(() => void recheck(), SETTLE_MS);
  };
  // The watcher can also lose the source for good: when an editor renames a new file over it right after a write,
  // it may keep watching the deleted file. A save it did not report is built, and the watch is made afresh.
  const recheck = async (): Promise<void> => {
    await queue;
    if (stampOf(await statSource()) === builtStamp) return;
    server.watcher.unwatch(source);
    server.watcher.add(source);
    enqueue(false);
  };
  const poll = setInterval(() => void recheck(), POLL_MS);
  poll.unref();
  server.httpServer?.once('close', () => clearInterval(poll));
  server.watcher.on('change', onChange);
  server.watcher.on('add', onChange);

  const update = async (stylesChanged: boolean): Promise<void> => {
    const started = performance.now();
    await rebuild();
    if (lastError) {
      log(lastError.format());
      send('lectern:error', { err: toViteError(lastError) });
      return;
    }
    if (!current) return;
    if (current.templatesDir) server.watcher.add(current.templatesDir);
    if (stylesChanged) send('lectern:reload', {});
    else send('lectern:update', { slidesHtml, config: revealConfig(current.deck), title: current.deck.meta.title });
    const label = options.label ? `${options.label}: ` : '';
    if (!options.quiet) log(`updated ${label}${current.deck.slides.length} slides in ${Math.round(performance.now() - started)} ms`);
  };

  // The page names its deck, which the dev client compares with the tag of each live message. A function replacement,
  // as a `$'` in a file name would otherwise be read as a replacement pattern.
  const meta = `<meta name="lectern-deck" content="${escapeHtml(tag)}">\n</head>`;
  const tagged = (html: string): string => (tag ? html.replace('</head>', () => meta) : html);

  /** The page as Vite's plugins transform it (the client goes in, URLs are rewritten). */
  const transformed = (html: string): Promise<string> => server.transformIndexHtml(`${options.base}index.html`, tagged(html));
  const withClient = (html: string): string => html.replace('</body>', `<script type="module" src="${CLIENT_ENTRY}"></script>\n</body>`);

  /**
   * Vite parses the whole page it transforms: 250-400 ms for a deck of 280 slides, on every load. The slides need
   * nothing from it (their images are served by path, their text is the deck's), so it is given the page with a mark
   * where they go, and the slides are put in after. Where the mark does not come back exactly once (a custom deck
   * template without the slides, or with them twice), the whole page is transformed as before.
   */
  const deckPage = async (prepared: PreparedDeck, slides: string): Promise<string> => {
    // The runtime a built deck runs, one file: served from src/present/ through Vite, its modules came one after
    // another, each transformed on request (0.7 s of a cold start at 280 slides).
    const assets = { stylesheets: STYLESHEETS.map((name) => `${options.base}@lectern/${name}`), scripts: [`${options.base}@lectern/lectern.js`] };
    const page = await transformed(withClient(renderDeck(prepared.deck, prepared.templates, assets, SLIDES_MARK)));
    const at = page.indexOf(SLIDES_MARK);
    if (at < 0 || page.indexOf(SLIDES_MARK, at + 1) >= 0) return transformed(withClient(renderDeck(prepared.deck, prepared.templates, assets, slides)));
    return page.slice(0, at) + slides + page.slice(at + SLIDES_MARK.length);
  };

  const handle = async (path: string, response: ServerResponse): Promise<boolean> => {
    if (path === '/' || path === '/index.html') {
      const html =
        current && !lastError
          ? await deckPage(current, slidesHtml)
          : await transformed(errorPage(lastError ?? new Error('the deck is not ready'), CLIENT_ENTRY));
      response.setHeader('Content-Type', 'text/html; charset=utf-8');
      response.setHeader('Cache-Control', 'no-store');
      response.end(html);
      return true;
    }
    const image = media.get(path);
    if (image) {
      response.setHeader('Content-Type', image.mime);
      response.setHeader('Cache-Control', 'no-store');
      response.end(await readFile(image.from));
      return true;
    }
    const asset = path.startsWith('/@lectern/') ? assets.get(path.slice('/@lectern/'.length)) : undefined;
    if (asset) {
      response.setHeader('Content-Type', asset.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8');
      response.setHeader('Cache-Control', 'no-store');
      response.end(await readFile(asset));
      return true;
    }
    return false;
  };

  return { state: () => ({ deck: lastError ? undefined : current?.deck, error: lastError }), handle };
}
