/**
 * Generated labels (agenda, closing, notes-page headers, …) in the article's language, detected for a Latin-script
 * article without `lang`, and overridable one by one with `labels:`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/article/markdown.js';
import { detectLanguage } from '../../src/outline/language.js';
import { outlineArticle } from '../../src/outline/outline.js';
import { stopWordsFor } from '../../src/outline/stopwords.js';
import { labelsFor, LABEL_KEYS, LABEL_LANGUAGES } from '../../src/settings/labels.js';
import { readDeck } from '../../src/index.js';
import { FIXTURE_ARTICLES } from '../helpers/paths.js';

const FRENCH = join(FIXTURE_ARTICLES, 'fr-article.md');

describe('language detection', () => {
  it('finds French in the French article, which has no lang', () => {
    const text = readFileSync(FRENCH, 'utf8');
    expect(text).not.toMatch(/^lang:/m);
    expect(detectLanguage(text)).toBe('fr');
  });

  it('keeps the other fixture articles to their language', () => {
    expect(detectLanguage(readFileSync(join(FIXTURE_ARTICLES, 'es-article.md'), 'utf8'))).toBe('es');
    for (const name of ['field-guide.md', 'solar-sails.md', 'policy-brief.md', 'tidal-power.txt']) {
      expect(detectLanguage(readFileSync(join(FIXTURE_ARTICLES, name), 'utf8')), name).toBe('en');
    }
    expect(detectLanguage(readFileSync(join(FIXTURE_ARTICLES, 'zh-article.md'), 'utf8'))).toBe('zh');
  });
});

describe('labels', () => {
  it('has every label in every language it lists', () => {
    expect(LABEL_LANGUAGES).toEqual(expect.arrayContaining(['en', 'fr', 'de', 'es', 'pt', 'it', 'nl', 'zh', 'ja', 'he', 'ar']));
    for (const lang of LABEL_LANGUAGES) for (const key of LABEL_KEYS) expect(labelsFor(lang)[key], `${lang}.${key}`).toMatch(/\S/);
    expect(labelsFor('pt-BR').agenda).toBe(labelsFor('pt').agenda);
    expect(labelsFor('xx').agenda).toBe('Agenda');
  });

  it('gives the French article French labels and French sentence rules', async () => {
    const deck = await readDeck(FRENCH, { config: false });
    expect(deck.meta.lang).toBe('fr');
    expect(deck.slides.find((slide) => slide.layout === 'agenda')?.title).toBe('Sommaire');
    expect(deck.slides.at(-1)?.title).toBe('À retenir');
    expect(deck.meta.labels.slide).toBe('Diapositive');
    // The outline's language rules follow: French stop words (which English lacks) are left out of titles and topics.
    expect(stopWordsFor(deck.meta.lang).has('les')).toBe(true);
    expect(stopWordsFor('en').has('les')).toBe(false);
  });

  it('takes one label from front matter and keeps the rest', () => {
    const markdown = `---
title: Rivers
labels:
  agenda: On the map today
  summary: unused
---

Rivers shape the land they cross.

## Sources

Most rivers begin as springs or melting snow high in the hills.

## Mouths

At the sea a river slows down and drops the sand it carried.
`;
    const { article, warnings } = parseMarkdown(markdown, 'rivers.md');
    expect(warnings).toEqual([]);
    const deck = outlineArticle(article);
    expect(deck.slides.find((slide) => slide.layout === 'agenda')?.title).toBe('On the map today');
    expect(deck.slides.at(-1)?.title).toBe('Key takeaways');
  });

  it('warns about an unknown label key, naming the file and line', async () => {
    const text = `---\ntitle: Rivers\nlabels:\n  summary: In short\n---\n\n## One\n\nRivers shape the land.\n\n## Two\n\nThe sea takes the sand.\n`;
    const { build } = await import('../../src/index.js');
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const work = mkdtempSync(join(tmpdir(), 'lectern-labels-'));
    try {
      const result = await build({ text, name: join(work, 'rivers.md') }, { out: join(work, 'site'), config: false });
      expect(result.warnings).toContainEqual({ message: 'unknown label `summary` in `labels:` ignored', location: { file: join(work, 'rivers.md'), line: 3 } });
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
