import { parentPort } from 'node:worker_threads';
import { outlineTitledSection } from './outline.js';
import { CLAIMED_BY_HELPER, portableOutline, UNCLAIMED, type HelperReply, type HelperRequest } from './shared-outline.js';

/**
 * The helper thread's side of src/outline/shared-outline.ts: for each article it is sent, claims titled sections from
 * the back, outlines each and sends it back, until it meets a section the main thread claimed.
 */
export function serveOutlineHelper(): void {
  const port = parentPort;
  if (!port) return;
  port.on('message', ({ claims, sections, context }: HelperRequest) => {
    for (let index = sections.length - 1; index >= 0; index--) {
      if (Atomics.compareExchange(claims, index, UNCLAIMED, CLAIMED_BY_HELPER) !== UNCLAIMED) break;
      let reply: HelperReply;
      try {
        reply = { index, outline: portableOutline(outlineTitledSection(sections[index]!, context)) };
      } catch (error) {
        reply = { index, failed: error instanceof Error ? error.message : String(error) };
      }
      port.postMessage(reply);
      if ('failed' in reply) break;
    }
  });
}
