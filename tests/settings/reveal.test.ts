/** `reveal:` in front matter or a config file: allowed Reveal.js options pass to the deck, anything else is a warning naming it. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { ALLOWED_REVEAL_OPTIONS, SETTABLE_REVEAL_OPTIONS } from '../../src/present/config.js';
import { DECK_SETTINGS } from '../../src/settings/table.js';

const work = mkdtempSync(join(tmpdir(), 'lectern-reveal-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const ARTICLE = `---
title: Tides
reveal:
  controls: false
  transitionSpeed: fast
  width: 1200
  dependencies:
    - src: https://example.com/x.js
  loop: sometimes
---

## High water

Twice a day the sea climbs the beach.

## Low water

Between the tides, rock pools fill with small crabs.
`;

/** The Reveal.js options the built page carries. */
function pageConfig(index: string): Record<string, unknown> {
  const json = /<script type="application\/json" id="lectern-config">([^<]*)<\/script>/.exec(readFileSync(index, 'utf8'))?.[1];
  expect(json).toBeDefined();
  return JSON.parse(json ?? '{}');
}

describe('reveal: options', () => {
  it('passes the allowed ones to the deck and warns about the rest, naming file and key', async () => {
    const file = join(work, 'tides.md');
    writeFileSync(file, ARTICLE);
    const result = await build(file, { out: join(work, 'site'), config: false });
    const config = pageConfig(result.index);
    expect(config.controls).toBe(false);
    expect(config.transitionSpeed).toBe('fast');
    // `width` is the slide size's, not the article's.
    expect(config.width).toBe(DECK_SETTINGS.size.default.width);
    expect(config).not.toHaveProperty('dependencies');
    expect(config).not.toHaveProperty('loop');
    const messages = result.warnings.filter((warning) => warning.message.startsWith('reveal option'));
    expect(messages.map((warning) => warning.message.split(' ignored')[0])).toEqual([
      'reveal option `width`',
      'reveal option `dependencies`',
      'reveal option `loop`',
    ]);
    for (const warning of messages) expect(warning.location).toEqual({ file, line: 3 });
  });

  it("merges a config file's options under the front matter's", async () => {
    const config = join(work, 'lectern.config.json');
    writeFileSync(config, JSON.stringify({ reveal: { progress: false, controls: true } }));
    const file = join(work, 'plain.md');
    writeFileSync(file, '---\ntitle: Plain\nreveal:\n  controls: false\n---\n\nOne paragraph is enough here.\n');
    const result = await build(file, { out: join(work, 'plain'), config });
    const options = pageConfig(result.index);
    expect(options.progress).toBe(false);
    expect(options.controls).toBe(false);
    expect(result.warnings).toEqual([]);
  });

  it("lets authors set only options of the runtime's allow-list, and never the size", () => {
    for (const key of SETTABLE_REVEAL_OPTIONS) expect(Object.keys(ALLOWED_REVEAL_OPTIONS)).toContain(key);
    expect(SETTABLE_REVEAL_OPTIONS).not.toContain('width');
    expect(SETTABLE_REVEAL_OPTIONS).not.toContain('height');
  });
});
