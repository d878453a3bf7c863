import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/article/markdown.js';
import { readArticle } from '../../src/article/read.js';
import type { Article } from '../../src/article/types.js';
import { finishOutline, outlineArticle, outlineTitledSection, planOutline, type SectionOutline } from '../../src/outline/outline.js';
import {
  CLAIMED_BY_HELPER,
  outlineArticleShared,
  startOutlineHelper,
  stopOutlineHelper,
  UNCLAIMED,
  type HelperReply,
  type OutlineHelper,
} from '../../src/outline/shared-outline.js';
import { OUTLINE_HELPER } from '../../src/paths.js';
import { runCli } from '../helpers/cli.js';
import { SEED_ARTICLE } from '../helpers/paths.js';

// The helper thread runs the compiled CLI core (bin/outline-helper.js), as a build does; the main thread's side runs
// from src/. The decks must be the same to the byte, whoever outlined which section.

/** The seed article's paragraphs, as a long Markdown article of `copies` numbered parts of three sections each. */
function longArticle(copies: number): Article {
  const paragraphs = readFileSync(SEED_ARTICLE, 'utf8')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph.split(' ').length > 12);
  const third = Math.ceil(paragraphs.length / 3);
  const parts: string[] = ['---', 'title: A long briefing', '---', ''];
  for (let copy = 1; copy <= copies; copy++) {
    for (let part = 0; part < 3; part++) {
      parts.push(`## Part ${copy}.${part + 1}`, '');
      for (const paragraph of paragraphs.slice(part * third, (part + 1) * third)) parts.push(paragraph, '');
    }
  }
  return parseMarkdown(parts.join('\n'), 'long.md').article;
}

const json = (value: unknown): string => JSON.stringify(value, null, 2);
const helpers: OutlineHelper[] = [];
afterAll(async () => {
  await Promise.all(helpers.map(stopOutlineHelper));
});

function helper(): OutlineHelper {
  const started = startOutlineHelper(OUTLINE_HELPER);
  if (!started) throw new Error('no helper thread');
  helpers.push(started);
  return started;
}

describe('the outline helper thread', () => {
  const shared = helper();

  it('outlines the sections left to it, from the back, and they make the same deck as one thread', async () => {
    const { article } = await readArticle(SEED_ARTICLE);
    for (const source of [article, longArticle(4)]) {
      const plan = planOutline(source);
      const count = plan.titledSections.length;
      const mine = Math.floor(count / 2);
      // The front half is claimed here, as the main thread would have done before the helper's turn.
      const claims = new Int32Array(new SharedArrayBuffer(4 * count));
      for (let index = 0; index < mine; index++) claims[index] = 1;
      const replies: HelperReply[] = [];
      await new Promise<void>((resolve) => {
        const take = (reply: HelperReply): void => {
          replies.push(reply);
          if (replies.length === count - mine) {
            shared.worker.off('message', take);
            resolve();
          }
        };
        shared.worker.on('message', take);
        shared.worker.postMessage({ claims, sections: plan.titledSections, context: plan.context });
      });
      expect(replies.map((reply) => reply.index)).toEqual(Array.from({ length: count - mine }, (_, at) => count - 1 - at));
      expect([...claims].slice(mine).every((claim) => claim === CLAIMED_BY_HELPER)).toBe(true);
      const outlines: SectionOutline[] = plan.titledSections.map((section, index) => {
        if (index < mine) return outlineTitledSection(section, plan.context);
        const reply = replies.find((candidate) => candidate.index === index)!;
        if (!('outline' in reply)) throw new Error(`the helper failed: ${reply.failed}`);
        return reply.outline;
      });
      expect(json(finishOutline(plan, outlines))).toBe(json(outlineArticle(source)));
    }
  });

  it('shares a long article with this thread and gives the deck one thread gives', async () => {
    const article = longArticle(20);
    const before = shared.outlined;
    const deck = await outlineArticleShared(article, {}, shared);
    // The helper is loaded and warm by now: it takes sections from the back as soon as it is sent the article.
    expect(shared.outlined).toBeGreaterThan(before);
    expect(shared.outlined - before).toBeLessThan(planOutline(article).titledSections.length);
    expect(json(deck)).toBe(json(outlineArticle(article)));
  });

  it('outlines here a section the helper claimed but never sent', async () => {
    const claimed = new Int32Array(new SharedArrayBuffer(4));
    // A helper that claims the last section and stops without a word.
    const worker = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       parentPort.once('message', ({ claims }) => {
         if (Atomics.compareExchange(claims, claims.length - 1, ${UNCLAIMED}, ${CLAIMED_BY_HELPER}) === ${UNCLAIMED}) Atomics.store(workerData, 0, 1);
         parentPort.close();
       });`,
      { eval: true, workerData: claimed },
    );
    worker.on('error', () => undefined);
    await new Promise((resolve) => worker.once('online', resolve));
    const article = longArticle(6);
    const deck = await outlineArticleShared(article, {}, { worker, outlined: 0 });
    await worker.terminate();
    expect(Atomics.load(claimed, 0)).toBe(1);
    expect(json(deck)).toBe(json(outlineArticle(article)));
  });
});

describe('lectern --jobs', () => {
  it('refuses a number of threads that is not a whole number from 1', async () => {
    for (const jobs of ['0', 'two', '1.5']) {
      const result = await runCli(['build', SEED_ARTICLE, '--json', '--jobs', jobs]);
      expect(result.code, jobs).toBe(2);
      expect(result.stderr).toMatch(/--jobs must be a whole number of threads, 1 or more/);
    }
  });

  it('takes -j 2 and --jobs 1 alike: a short article is outlined on one thread either way', async () => {
    const one = await runCli(['build', SEED_ARTICLE, '--json', '--jobs', '1']);
    const two = await runCli(['build', SEED_ARTICLE, '--json', '-j', '2']);
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });
});
