import type { Stats } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { LecternError, formatWarning } from '../errors.js';
import { PACKAGE_ROOT, BUILTIN_TEMPLATES } from '../paths.js';
import { prepareDeck, type PrepareOptions, type PreparedDeck, type TemplateCache } from '../pipeline.js';
import { renderDeck, renderSlides } from '../render/render.js';
import { revealConfig } from '../render/reveal-config.js';
import { resolveStyle } from '../render/template-files.js';
import { collectMedia } from '../site/media.js';
import { ensureRuntime, type RuntimeFiles } from '../site/runtime.js';
import { resolveTheme } from '../site/themes.js';
import { errorPage, toViteError } from './error-page.js';
import { serveOnlyInside } from './serve-inside.js';

export interface LecternPluginOptions extends PrepareOptions {
  /** The deck source the dev server presents. */
  source: string;
  /** Called with human messages (rebuilds, errors); defaults to stderr. */
  log?: (message: string) => void;
  /** Leaves out the line per live update; warnings and errors still go to `log`. */
  quiet?: boolean;
}

const ASSET_PREFIX = '/@lectern/';
/** Longer than the watcher's 50 ms window in which it reports no further change to the same file. */
const SETTLE_MS = 80;
/** How often the source is looked at whatever the watcher says: one stat, so that no save goes unseen for long. */
const POLL_MS = 500;
const CLIENT_ENTRY = `/@fs${resolve(PACKAGE_ROOT, 'src/present/dev-client.ts').replace(/\\/g, '/')}`;

/** Vite plugin that serves a Lectern deck and updates the open page when its source or templates change. */
export function lectern(options: LecternPluginOptions): Plugin {
  const source = resolve(options.source);
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
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
        ['lectern.css', await resolveStyle('base.css', prepared.templatesDir)],
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

  const servedFolders = (): string[] => [PACKAGE_ROOT, resolve(source, '..'), process.cwd()];

  return {
    name: 'lectern:deck',
    apply: 'serve',
    config() {
      return { server: { fs: { allow: servedFolders() } }, appType: 'custom' };
    },
    async configureServer(server: ViteDevServer) {
      // Before Vite's own file serving: a symlink in a served folder never leads outside them.
      server.middlewares.use(serveOnlyInside(server.config.root, [...servedFolders(), ...(options.allowRoots ?? [])]));
      await rebuild();
      if (lastError) log(lastError.format());
      server.watcher.add([source, BUILTIN_TEMPLATES]);
      if (current?.templatesDir) server.watcher.add(current.templatesDir);

      let queue: Promise<void> = Promise.resolve();
      // Updates run one after another; one that fails unexpectedly is reported and never stops later saves from showing.
      const enqueue = (stylesChanged: boolean): void => {
        queue = queue
          .then(() => update(stylesChanged))
          .catch((error: unknown) => {
            const message = `internal error while updating the deck: ${error instanceof Error ? error.message : String(error)}`;
            log(message);
            server.ws.send({ type: 'error', err: { message, stack: error instanceof Error ? (error.stack ?? '') : '', plugin: 'lectern' } });
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
          server.ws.send({ type: 'error', err: toViteError(lastError) });
          return;
        }
        if (!current) return;
        if (current.templatesDir) server.watcher.add(current.templatesDir);
        if (stylesChanged) {
          server.ws.send({ type: 'full-reload', path: '*' });
        } else {
          server.ws.send({
            type: 'custom',
            event: 'lectern:update',
            data: { slidesHtml, config: revealConfig(current.deck), title: current.deck.meta.title },
          });
        }
        if (!options.quiet) log(`updated ${current.deck.slides.length} slides in ${Math.round(performance.now() - started)} ms`);
      };

      const serve = async (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void): Promise<void> => {
        const url = (request.url ?? '/').split('?')[0] ?? '/';
        try {
          if (url === '/' || url === '/index.html') {
            const html =
              current && !lastError
                ? renderDeck(current.deck, current.templates, {
                    stylesheets: ['reveal.css', 'theme.css', 'lectern.css'].map((name) => ASSET_PREFIX + name),
                    scripts: [],
                  }).replace('</body>', `<script type="module" src="${CLIENT_ENTRY}"></script>\n</body>`)
                : errorPage(lastError ?? new Error('the deck is not ready'), CLIENT_ENTRY);
            response.setHeader('Content-Type', 'text/html; charset=utf-8');
            response.setHeader('Cache-Control', 'no-store');
            response.end(await server.transformIndexHtml(url, html));
            return;
          }
          const image = media.get(url);
          if (image) {
            response.setHeader('Content-Type', image.mime);
            response.setHeader('Cache-Control', 'no-store');
            response.end(await readFile(image.from));
            return;
          }
          if (url.startsWith(ASSET_PREFIX)) {
            const file = assets.get(url.slice(ASSET_PREFIX.length));
            if (file) {
              response.setHeader('Content-Type', 'text/css; charset=utf-8');
              response.setHeader('Cache-Control', 'no-store');
              response.end(await readFile(file));
              return;
            }
          }
        } catch (error) {
          next(error);
          return;
        }
        next();
      };
      // Connect ignores what a middleware returns, so the body catches its own errors and hands them to `next`.
      server.middlewares.use((request, response, next) => void serve(request, response, next));
    },
  };
}
