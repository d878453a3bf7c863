import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/article/markdown.js';
import { readArticle } from '../../src/article/read.js';
import type { Article } from '../../src/article/types.js';
import { finishOutline, outlineArticle, outlineTitledSection, planOutline } from '../../src/outline/outline.js';
import { portableOutline } from '../../src/outline/shared-outline.js';
import { FIXTURE_ARTICLES, SHARED_ARTICLES } from '../helpers/paths.js';

const articleFiles = [
  ...readdirSync(FIXTURE_ARTICLES)
    .filter((name) => /\.(md|txt|html?)$/.test(name) && name !== 'README.md')
    .map((name) => join(FIXTURE_ARTICLES, name)),
  ...readdirSync(SHARED_ARTICLES).map((name) => join(SHARED_ARTICLES, name)),
];

/** The deck as a helper thread's outlines make it: each section's outline sent as a message would be (structured clone). */
function outlinedAcrossThreads(article: Article): ReturnType<typeof outlineArticle> {
  const plan = planOutline(article);
  return finishOutline(
    plan,
    plan.titledSections.map((section) => structuredClone(portableOutline(outlineTitledSection(section, plan.context)))),
  );
}

describe('titled sections outlined on their own', () => {
  it.each(articleFiles)('%s: sections outlined as another thread sends them give the same deck', async (file) => {
    const { article } = await readArticle(file);
    expect(JSON.stringify(outlinedAcrossThreads(article))).toBe(JSON.stringify(outlineArticle(article)));
  });

  it('a point the section did not draw but an earlier one did: its takeaway is worked out again with the whole outline', () => {
    // The list item in the second section says, word for word, a point the first section drew from its paragraph.
    const point = 'Tenants asked for cheaper berths';
    const markdown = [
      '# Harbour power',
      '',
      '## Diesel',
      '',
      `${point}.`,
      '',
      '## Results',
      '',
      `The results surprised the board. ${point}. The port agreed within a month.`,
      '',
      `- ${point}`,
      '- The harbour authority cut its diesel use by a third',
      '',
    ].join('\n');
    const { article } = parseMarkdown(markdown, 'harbour.md');
    const plan = planOutline(article);
    const [first, second] = plan.titledSections.map((section) => outlineTitledSection(section, plan.context));
    expect(first!.sources.map(([text]) => text)).toContain(point);
    expect(second!.unsourced).toContain(point);
    expect(JSON.stringify(outlinedAcrossThreads(article))).toBe(JSON.stringify(outlineArticle(article)));
  });

  it('spare points cross as data and give the titles the closures give', () => {
    const plan = planOutline(parseMarkdown('## A\n\nOne. Two three four. Five six seven eight.\n', 'a.md').article);
    const outline = outlineTitledSection(plan.titledSections[0]!, plan.context);
    const portable = portableOutline(outline);
    expect(portable.spares.every(([, spares]) => Array.isArray(spares))).toBe(true);
    expect(portable.spares.map(([index]) => index)).toEqual(outline.spares.map(([index]) => index));
  });
});
