import { Worker } from 'node:worker_threads';
import type { Article } from '../article/types.js';
import { finishOutline, outlineTitledSection, planOutline, type OutlineOptions, type SectionContext, type SectionOutline } from './outline.js';
import type { Deck } from './types.js';

/**
 * A long article's titled sections are outlined by two threads: this one takes them from the front, a helper thread
 * (src/outline/helper-thread.ts) from the back, each claiming a section in a shared array before outlining it, until
 * they meet. Each section is outlined on its own (`outlineTitledSection`) and `finishOutline` takes them in article
 * order, so the deck is the same whichever thread outlined which section, or if the helper outlined none (it starts
 * late on a short article, or not at all): the same bytes as `outlineArticle`.
 */

/** A claim's states in the shared array, one per titled section. */
export const UNCLAIMED = 0;
const CLAIMED_HERE = 1;
export const CLAIMED_BY_HELPER = 2;

/** What the helper thread is sent: the sections and how to claim them. */
export interface HelperRequest {
  claims: Int32Array;
  sections: Article['sections'];
  context: SectionContext;
}

/** An outline as data that crosses threads: spare points found now rather than when titling asks for them. */
export function portableOutline(outline: SectionOutline): SectionOutline {
  return { ...outline, spares: outline.spares.map(([index, spares]) => [index, typeof spares === 'function' ? spares() : spares]) };
}

/** What the helper sends back for each section it claimed: its outline, or that outlining it failed there. */
export type HelperReply = { index: number; outline: SectionOutline } | { index: number; failed: string };

/** A helper thread, started as early as possible: it loads the outline code while this thread reads the article. */
export interface OutlineHelper {
  worker: Worker;
  /** Sections the helper outlined in the last article. */
  outlined: number;
}

/** Starts a helper thread running `script` (bin/outline-helper.js), or nothing where threads cannot start. */
export function startOutlineHelper(script: string): OutlineHelper | undefined {
  try {
    const worker = new Worker(script);
    // The process never waits for the helper: it is stopped once the outline is done, or when the process ends.
    worker.unref();
    // A helper that fails leaves its sections to this thread (outlineArticleShared), which reports any error itself.
    worker.on('error', () => undefined);
    return { worker, outlined: 0 };
  } catch {
    return undefined;
  }
}

/** Stops a helper (it is needed for one article only), resolving once its thread has ended. */
export async function stopOutlineHelper(helper: OutlineHelper | undefined): Promise<void> {
  await helper?.worker.terminate();
}

/**
 * `outlineArticle`, with the titled sections shared with a helper thread when there is one. A section the helper
 * could not outline (it failed, or the thread stopped) is outlined here, so an error is the same as without it.
 */
export async function outlineArticleShared(article: Article, options: OutlineOptions, helper: OutlineHelper | undefined): Promise<Deck> {
  const plan = planOutline(article, options);
  const sections = plan.titledSections;
  const outlines: SectionOutline[] = new Array<SectionOutline>(sections.length);
  if (!helper || sections.length < 2) {
    sections.forEach((section, index) => (outlines[index] = outlineTitledSection(section, plan.context)));
    return finishOutline(plan, outlines);
  }
  const claims = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * sections.length));
  const request: HelperRequest = { claims, sections, context: plan.context };
  try {
    helper.worker.postMessage(request);
  } catch {
    // Nothing of the article reached the helper: every section is outlined here.
    sections.forEach((section, index) => (outlines[index] = outlineTitledSection(section, plan.context)));
    return finishOutline(plan, outlines);
  }
  const replies = helperReplies(helper, sections.length);
  let index = 0;
  for (; index < sections.length; index++) {
    if (Atomics.compareExchange(claims, index, UNCLAIMED, CLAIMED_HERE) !== UNCLAIMED) break;
    outlines[index] = outlineTitledSection(sections[index]!, plan.context);
  }
  if (index < sections.length) {
    // The helper claimed the rest, from the back: wait for what it outlined, and outline here what it could not.
    const received = await replies.until(index);
    for (let rest = index; rest < sections.length; rest++) {
      const reply = received.get(rest);
      if (reply && 'outline' in reply) {
        outlines[rest] = reply.outline;
        helper.outlined++;
      } else outlines[rest] = outlineTitledSection(sections[rest]!, plan.context);
    }
  }
  replies.stop();
  return finishOutline(plan, outlines);
}

/** The helper's replies as they come; `until(first)` resolves once every section from `first` on has one, or the helper is gone. */
function helperReplies(helper: OutlineHelper, count: number): { until: (first: number) => Promise<Map<number, HelperReply>>; stop: () => void } {
  const received = new Map<number, HelperReply>();
  let first = count;
  let settle: (() => void) | undefined;
  const complete = (): boolean => {
    for (let index = first; index < count; index++) if (!received.has(index)) return false;
    return true;
  };
  const onMessage = (reply: HelperReply): void => {
    received.set(reply.index, reply);
    if (settle && complete()) settle();
  };
  // A helper that fails or stops leaves its sections to this thread.
  const onGone = (): void => settle?.();
  helper.worker.on('message', onMessage);
  helper.worker.on('error', onGone);
  helper.worker.on('exit', onGone);
  return {
    until: (from) => {
      first = from;
      return new Promise((resolve) => {
        settle = () => resolve(received);
        if (complete()) settle();
      });
    },
    stop: () => {
      helper.worker.off('message', onMessage);
      helper.worker.off('error', onGone);
      helper.worker.off('exit', onGone);
    },
  };
}
