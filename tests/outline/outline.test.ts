import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/article/markdown.js';
import { condenseParagraph, trimPoint, wordFrequencies } from '../../src/outline/condense.js';
import { measureCoverage } from '../../src/outline/coverage.js';
import { outlineArticle, visibleText } from '../../src/outline/outline.js';
import { splitSentences } from '../../src/outline/sentences.js';
import { measureTalk } from '../../src/outline/quality.js';
import { findFigures } from '../../src/outline/figures.js';
import { findQuotation } from '../../src/outline/quotations.js';
import { scaleTimings } from '../../src/outline/timing.js';
import { slugify, titleFromFileName } from '../../src/outline/title.js';
import { readArticle } from '../../src/article/read.js';
import { FIXTURE_ARTICLES, SEED_ARTICLE } from '../helpers/paths.js';
import { join } from 'node:path';

describe('outlineArticle on the seed article', async () => {
  const { article } = await readArticle(SEED_ARTICLE);
  const deck = outlineArticle(article);

  it('has a title slide, introduction, agenda, three section slides and a closing slide', () => {
    expect(deck.slides[0]?.layout).toBe('title');
    expect(deck.meta.title).toBe('DeepSeek R1');
    expect(deck.slides.filter((slide) => slide.layout === 'section').map((slide) => slide.title)).toEqual([
      'Tech competition between the US and China',
      'Proprietary models vs. open source models',
      'Strategic competition between the US and China',
    ]);
    expect(deck.slides.find((slide) => slide.layout === 'agenda')?.points?.length).toBe(3);
    expect(deck.slides.at(-1)?.layout).toBe('closing');
    expect(deck.sections.map((section) => deck.slides[section.slideIndex]?.layout)).toEqual(['section', 'section', 'section']);
  });

  it('shows every paragraph (as points, figures, a quote or the agenda) and keeps each paragraph whole in the notes, in order', () => {
    const paragraphs = article.sections.flatMap((section) => section.blocks).filter((block) => block.kind === 'paragraph');
    const notes = deck.slides.flatMap((slide) => slide.notes);
    expect(notes).toEqual(paragraphs.map((block) => (block.kind === 'paragraph' ? block.text : '')));
    const content = deck.slides.filter((slide) => ['points', 'figure', 'quote', 'agenda'].includes(slide.layout));
    for (const slide of content) expect((slide.points?.length ?? 0) + (slide.figures?.length ?? 0) + (slide.quote ? 1 : 0)).toBeGreaterThan(0);
  });

  it('shows the article’s main facts on visible slides, not only in notes', () => {
    const visible = deck.slides.map(visibleText).join('\n');
    for (const fact of [
      'January 20th',
      'o1',
      '$5.6 million',
      '$41–78 million',
      '$30–191 million',
      'distillation',
      'terms of service',
      'Kai-Fu Lee',
      'AI Superpowers',
      'ChatGPT',
      'Communist Party',
      'Tiananmen',
      'CHIPS Act',
    ]) {
      expect(visible, fact).toContain(fact);
    }
    const agenda = deck.slides.find((slide) => slide.layout === 'agenda');
    expect(agenda?.points?.map((point) => point.text)).toEqual([
      'The tech competition between the US and China',
      'The debate over proprietary, high-cost AI development and open-source, lower-cost AI development',
      'The geopolitical competition between the US and China',
    ]);
    expect(deck.slides.find((slide) => slide.layout === 'quote')?.quote).toEqual({
      text: 'I’m an AI language model called ChatGPT, developed by OpenAI.',
      attribution: 'R1',
    });
    expect(deck.slides.find((slide) => slide.layout === 'figure')?.figures?.map((figure) => figure.value)).toEqual([
      '$30–191 million',
      '$41–78 million',
      '$5.6 million',
    ]);
  });

  it('plans about a minute a content slide when no duration is set, sharing it by how much each slide has to say', () => {
    const frames = new Set(['title', 'agenda', 'section', 'closing']);
    const content = deck.slides.filter((slide) => !frames.has(slide.layout));
    expect(deck.meta.totalTime).toBe(deck.slides.reduce((sum, s) => sum + s.timing, 0));
    expect(deck.meta.totalTime / 60).toBeGreaterThan(content.length * 0.9);
    expect(deck.meta.totalTime / 60).toBeLessThan(content.length * 1.3);
    const long = content.reduce((a, b) => (a.notes.join(' ').length >= b.notes.join(' ').length ? a : b));
    const short = content.reduce((a, b) => (a.notes.join(' ').length <= b.notes.join(' ').length ? a : b));
    expect(long.timing).toBeGreaterThan(short.timing);
  });

  it('reads as a talk: no counters, distinct titles, whole points, takeaways one conclusion per section', () => {
    const quality = measureTalk(deck);
    expect(quality.counterTitles).toBe(0);
    expect(quality.distinctTitleShare).toBeGreaterThanOrEqual(0.95);
    expect(quality.truncatedPoints).toBe(0);
    const closing = deck.slides.filter((slide) => slide.layout === 'closing').flatMap((slide) => slide.points ?? []);
    expect(closing).toHaveLength(3);
    // Not the sections' opening sentences ("The third lens is the strategic competition…").
    expect(closing.map((point) => point.text).join(' ')).not.toMatch(/third lens/);
    for (const slide of deck.slides) expect(slide.title ?? '', slide.id).not.toMatch(/\.$/);
    for (const slide of deck.slides.filter((candidate) => !['title', 'agenda', 'section', 'closing'].includes(candidate.layout))) {
      expect((slide.title ?? '').split(/\s+/).length, slide.id).toBeLessThanOrEqual(9);
    }
  });

  it('counts the content slides whose title says one of their points again', () => {
    expect(measureTalk(deck).titlesRepeatingPoints).toBeGreaterThan(0);
    // Retitled by words no point says, no slide counts…
    const retitled = { ...deck, slides: deck.slides.map((slide) => ({ ...slide, title: `Harbour ferries ${slide.id}` })) };
    expect(measureTalk(retitled).titlesRepeatingPoints).toBe(0);
    // …until one is titled by its own first point, or by that point's opening.
    const first = deck.slides.find((slide) => slide.layout === 'points' && (slide.points?.length ?? 0) > 0)!;
    const point = first.points![0]!.text;
    const titled = (title: string) => ({ ...retitled, slides: retitled.slides.map((slide) => (slide.id === first.id ? { ...slide, title } : slide)) });
    expect(measureTalk(titled(point)).titlesRepeatingPoints).toBe(1);
    expect(
      measureTalk(
        titled(
          point
            .split(' ')
            .slice(0, Math.ceil(point.split(' ').length / 2))
            .join(' '),
        ),
      ).titlesRepeatingPoints,
    ).toBe(1);
  });

  it('scales timings to a planned duration', () => {
    const timed = outlineArticle(article, { duration: 15 * 60 });
    expect(timed.slides.reduce((sum, slide) => sum + slide.timing, 0)).toBe(900);
    expect(timed.meta.totalTime).toBe(900);
  });
});

describe('condensing', () => {
  it('picks an informative sentence and drops discourse openers and asides', () => {
    const paragraph =
      'So, the committee met twice. In 2023 the harbour board approved a $4.2 million lighthouse restoration (after long delays). Nobody objected.';
    const point = condenseParagraph(paragraph, wordFrequencies([paragraph]));
    expect(point).toBe('In 2023 the harbour board approved a $4.2 million lighthouse restoration');
  });

  it('cuts a long sentence at a clause boundary, never inventing words', () => {
    const sentence = 'The keepers, who lived on the rock for months at a time, kept a detailed log of every passing ship, storm and repair they carried out.';
    const point = trimPoint(sentence);
    for (const word of point.replace('…', '').split(/\s+/)) expect(sentence.toLowerCase()).toContain(word.toLowerCase().replace(/[,.]$/, ''));
    expect(point.split(/\s+/).length).toBeLessThanOrEqual(18);
  });

  it('drops a leading subordinate clause without leaving the conjunction that followed it', () => {
    const sentence = 'When a leaf falls it leaves a scar on the twig, and inside the scar are tiny dots where the veins once ran.';
    expect(trimPoint(sentence)).toBe('Inside the scar are tiny dots where the veins once ran');
  });

  it('cuts a long Arabic sentence at an Arabic comma, not mid-clause', () => {
    const sentence = 'ولهذا انتشرت الآلة في المساجد والمدارس، وصار الموقّت، أي المسؤول عن ضبط أوقات الصلاة، من أكثر الناس استعمالًا لها في المدن الكبيرة.';
    expect(trimPoint(sentence, 'ar')).toBe('ولهذا انتشرت الآلة في المساجد والمدارس، وصار الموقّت، أي المسؤول عن ضبط أوقات الصلاة');
  });

  it('splits sentences without breaking at abbreviations', () => {
    expect(splitSentences('Trade between the U.S. and China grew. Dr. Lee disagreed. Maybe not.')).toEqual([
      'Trade between the U.S. and China grew.',
      'Dr. Lee disagreed.',
      'Maybe not.',
    ]);
    expect(splitSentences('茶来自中国。人们喜欢喝茶！你呢？', 'zh')).toEqual(['茶来自中国。', '人们喜欢喝茶！', '你呢？']);
  });

  it('re-joins a split sentence exactly as written, so it can still be found in the article', () => {
    // The segmenter breaks after "!" and "." even with no space; re-joining must not add one.
    expect(splitSentences('The beacon said a!b in morse.')).toEqual(['The beacon said a!b in morse.']);
    expect(splitSentences('Wicks, lenses, etc.… Then the engines came.')).toEqual(['Wicks, lenses, etc.… Then the engines came.']);
    expect(splitSentences('Mark\u0085the tower.')).toEqual(['Mark\u0085the tower.']);
    const { article } = parseMarkdown('## Signals\n\nThe keeper wrote a!b in the log. Ships read it as a warning. Nobody knew why.\n', 's.md');
    expect(measureCoverage(article, outlineArticle(article)).missing).toEqual([]);
  });
});

describe('figure titles', () => {
  it('titles figures by their paragraph’s sentence that states what they show, not by a caption cut short', () => {
    const text =
      '## Streets\n\nSmall repairs cost little but add up. Patching a pothole costs about $300 a square metre in most streets, and new drains run from $2 million to $5 million each.\n';
    const deck = outlineArticle(parseMarkdown(text, 's.md').article);
    const figure = deck.slides.find((slide) => slide.layout === 'figure');
    expect(figure?.title).toMatch(/^Small repairs cost little/);
  });
});

describe('paragraphs that hand over to the next part', () => {
  const handover = 'But that does not make the canal a failure! It matters most when we look through the second lens.';
  const body = [
    'Barges carried coal from the pits to the river towns for a century.',
    'Railways took most of that trade within twenty years of opening.',
    handover,
  ].join('\n\n');
  const deckOf = (text: string) => outlineArticle(parseMarkdown(`## Coal\n\n${text}\n\n## Tolls\n\nTolls paid for the locks.\n`, 'c.md').article);

  it('says a paragraph that only points ahead, in the notes of the slide before, and shows none of it', () => {
    const deck = deckOf(body);
    const visible = deck.slides.map(visibleText).join(' ');
    expect(visible).not.toMatch(/second lens|failure/);
    expect(deck.slides.flatMap((slide) => slide.notes)).toContain(handover);
  });

  it('shows a paragraph that points ahead but states a figure of its own', () => {
    const deck = deckOf(body.replace(handover, 'But that cost the canal 40% of its trade! It matters most when we look through the second lens.'));
    expect(deck.slides.map(visibleText).join(' ')).toMatch(/40%/);
  });
});

describe('layout and pagination', () => {
  it('splits long sections into slides of two to four points under distinct titles drawn from their content', () => {
    const paragraphs = Array.from({ length: 9 }, (_, index) => `Paragraph ${index + 1} says one clear thing about tides. It adds a detail.`).join('\n\n');
    const { article } = parseMarkdown(`## Tides\n\n${paragraphs}\n`, 't.md');
    const content = outlineArticle(article).slides.filter((slide) => slide.layout === 'points');
    expect(content.every((slide) => (slide.points?.length ?? 0) <= 4 && (slide.points?.length ?? 0) >= 2)).toBe(true);
    expect(new Set(content.map((slide) => slide.title)).size).toBe(content.length);
    for (const slide of content) expect(slide.title).not.toMatch(/\(\d+\/\d+\)|^Tides$/);
  });

  it('shows lists, quotes, code and tables as they are, splitting long ones', () => {
    const items = Array.from({ length: 14 }, (_, index) => `- item number ${index + 1}`).join('\n');
    const code = Array.from({ length: 30 }, (_, index) => `line${index};`).join('\n');
    const { article } = parseMarkdown(`## Parts\n\n${items}\n\n> Short quote.\n> — Someone\n\n\`\`\`\n${code}\n\`\`\`\n`, 'p.md');
    const slides = outlineArticle(article).slides;
    expect(slides.filter((slide) => slide.layout === 'list').length).toBe(3);
    expect(slides.find((slide) => slide.layout === 'quote')?.quote).toEqual({ text: 'Short quote.', attribution: 'Someone' });
    expect(slides.filter((slide) => slide.layout === 'code').length).toBeGreaterThanOrEqual(3);
  });

  it('shows a <details> block open on its slide, since nobody clicks a slide during a talk', () => {
    const { article } = parseMarkdown(
      '## Parts\n\n<details><summary>Why?</summary>Because.</details>\n\n<details open><summary>How?</summary>So.</details>\n',
      'd.md',
    );
    const html = outlineArticle(article).slides.flatMap((slide) => (slide.layout === 'html' ? [slide.html?.trim()] : []));
    expect(html).toEqual(['<details open=""><summary>Why?</summary>Because.</details>', '<details open=""><summary>How?</summary>So.</details>']);
  });

  it('attaches Note: blocks to their slide', () => {
    const { article } = parseMarkdown('## A\n\n### Custom title\n\nVisible text here.\n\nNote: Say this aloud.\n', 'n.md');
    const slide = outlineArticle(article).slides.find((candidate) => candidate.title === 'Custom title');
    expect(slide?.notes).toEqual(['Visible text here.', 'Say this aloud.']);
  });

  it('puts content an explicit slide’s layout cannot show into its notes, in order', () => {
    const source = [
      '## Harbour',
      '',
      '<!-- slide: points -->',
      '### Beacons',
      '',
      'Fires burned on the cliffs.',
      '',
      '> A light is a promise.',
      '> — A keeper',
      '',
      '<div>Oil lamps came later.</div>',
      '',
      'Note: Mention the fires.',
      '',
      '<!-- slide: code -->',
      '### Signals',
      '',
      '```',
      'flash(2)',
      '```',
      '',
      '```',
      'flash(3)',
      '```',
      '',
      'Two flashes meant danger.',
      '',
      '| Flashes | Meaning |',
      '| --- | --- |',
      '| 2 | danger |',
      '',
      '<!-- slide: figure -->',
      '### Costs',
      '',
      '- $40 — a year of oil',
      '  - paid by the harbour board',
      '',
    ].join('\n');
    const { article } = parseMarkdown(source, 'x.md');
    const deck = outlineArticle(article);
    const beacons = deck.slides.find((slide) => slide.title === 'Beacons');
    expect(beacons).toMatchObject({ layout: 'points', points: [{ text: 'Fires burned on the cliffs.' }] });
    expect(beacons?.quote).toBeUndefined();
    expect(beacons?.notes).toEqual(['A light is a promise. — A keeper', 'Oil lamps came later.', 'Mention the fires.']);
    const signals = deck.slides.find((slide) => slide.title === 'Signals');
    expect(signals).toMatchObject({ layout: 'code', code: { code: 'flash(2)' }, notes: ['flash(3)', 'Two flashes meant danger.', 'Flashes Meaning 2 danger'] });
    const costs = deck.slides.find((slide) => slide.title === 'Costs');
    expect(costs).toMatchObject({ figures: [{ value: '$40', caption: 'a year of oil' }], notes: ['$40 — a year of oil', 'paid by the harbour board'] });
    expect(measureCoverage(article, deck).missing).toEqual([]);
  });

  it('starts an explicit HTML slide’s notes with its text, as outlined HTML slides have', () => {
    const { article } = parseMarkdown('## Extra\n\n<!-- slide: html -->\n\n<details><summary>Logs</summary>Entries every hour.</details>\n', 'x.md');
    const deck = outlineArticle(article);
    expect(deck.slides.find((slide) => slide.layout === 'html')?.notes).toEqual(['Logs Entries every hour.']);
    expect(measureCoverage(article, deck).missing).toEqual([]);
    const { article: noted } = parseMarkdown(
      '## Extra\n\n<!-- slide: html -->\n\n<details><summary>Logs</summary>Entries.</details>\n\nNote: Say why.\n',
      'y.md',
    );
    expect(outlineArticle(noted).slides.find((slide) => slide.layout === 'html')?.notes).toEqual(['Logs Entries.', 'Say why.']);
  });

  it('counts an explicit figure’s value and caption as shown together', () => {
    const { article } = parseMarkdown('## Costs\n\n<!-- slide: figure -->\n\n- 40% — of the budget. Oil was dear.\n- $9\n', 'f.md');
    const deck = outlineArticle(article);
    expect(deck.slides.find((slide) => slide.layout === 'figure')?.notes).toEqual([]);
    expect(measureCoverage(article, deck).missing).toEqual([]);
  });

  it('keeps an explicit slide the author left empty, with its title', () => {
    const { article } = parseMarkdown('## Plan\n\n### To be drawn\n\n<!-- slide: points -->\n\n## Next\n\nText.\n', 'e.md');
    const deck = outlineArticle(article);
    expect(deck.slides.find((slide) => slide.title === 'To be drawn')).toMatchObject({ layout: 'points', section: 'Plan' });
    expect(measureCoverage(article, deck).missing).toEqual([]);
  });

  it('measures coverage of code and tables that run over several slides by line and row', () => {
    // No full stops: read as prose, the whole block would be one sentence, split across slides.
    const code = Array.from({ length: 40 }, (_, index) => `beam ${index} turns and`).join('\n');
    const rows = Array.from({ length: 30 }, (_, index) => `| keeper ${index} | and |`).join('\n');
    const { article } = parseMarkdown(`## Works\n\n\`\`\`\n${code}\n\`\`\`\n\n| Name | Task |\n| --- | --- |\n${rows}\n`, 'w.md');
    const deck = outlineArticle(article);
    expect(deck.slides.filter((slide) => slide.layout === 'code').length).toBeGreaterThan(1);
    expect(deck.slides.filter((slide) => slide.layout === 'table').length).toBeGreaterThan(1);
    const coverage = measureCoverage(article, deck);
    expect(coverage.missing).toEqual([]);
    expect(coverage.onSlides).toBe(1 + 40 + 31);
  });

  it('gives a slide heading with nothing under it a slide of its own', () => {
    const source = '## Lamps\n\nOil came first.\n\n### Still to write\n\n## Lenses\n\n### Fresnel\n\n### Prisms\n\nGlass bends light.\n';
    const { article } = parseMarkdown(source, 'h.md');
    const deck = outlineArticle(article);
    const titled = (title: string) => deck.slides.find((slide) => slide.title === title);
    expect(titled('Still to write')).toMatchObject({ layout: 'points', section: 'Lamps', notes: ['Still to write'], lines: [5, 5] });
    expect(titled('Fresnel')).toMatchObject({ layout: 'points', section: 'Lenses', notes: ['Fresnel'] });
    expect(titled('Prisms')?.notes).toEqual(['Glass bends light.']);
    expect(deck.slides.map((slide) => slide.title)).toEqual([
      'H',
      'Agenda',
      'Lamps',
      'Oil came first',
      'Still to write',
      'Lenses',
      'Fresnel',
      'Prisms',
      'Key takeaways',
    ]);
    expect(measureCoverage(article, deck).missing).toEqual([]);
  });
});

describe('timing helpers and titles', () => {
  it('scales integer timings to an exact total', () => {
    const scaled = scaleTimings([10, 20, 33, 47], 600);
    expect(scaled.reduce((a, b) => a + b, 0)).toBe(600);
    expect(scaled[3]).toBeGreaterThan(scaled[0] ?? 0);
  });

  it('derives a title from the file name with the article casing', () => {
    expect(titleFromFileName('/x/deepseek-r1.txt', 'A model called DeepSeek released R1.')).toBe('DeepSeek R1');
    expect(titleFromFileName('/x/my_talk.md', 'nothing')).toBe('My Talk');
  });

  it('keeps words whole in slide ids: Latin accents drop, other scripts keep their marks', () => {
    expect(slugify('Écoles & Cafés')).toBe('ecoles-cafes');
    expect(slugify('كيف يعمل الأسطرلاب؟')).toBe('كيف-يعمل-الأسطرلاب');
    expect(slugify('हिन्दी भाषा')).toBe('हिन्दी-भाषा');
  });
});

describe('layouts that fit the content', () => {
  it('keeps a figure range as one figure', () => {
    const figures = findFigures('Estimates range from $105–235 billion a year. The barrier costs between $41 million and $78 million a kilometre.');
    expect(figures.map((figure) => figure.value)).toEqual(['$105–235 billion', '$41–78 million']);
    for (const figure of figures) expect(figure.caption).not.toContain('…');
  });

  it('shows a quote only for attributed speech, with the speaker and role apart from the quote', () => {
    const quotation = findQuotation(
      '“Floating arrays are still new in this country, and we wanted to see how they cope.” said Tomas Lindqvist, Director of Energy Research at the Institute, which will monitor the site.',
    );
    expect(quotation).toEqual({
      text: 'Floating arrays are still new in this country, and we wanted to see how they cope.',
      attribution: 'Tomas Lindqvist, Director of Energy Research at the Institute',
    });
    // A quoted sentence nobody is said to have spoken stays a point.
    const { article } = parseMarkdown(
      '## Books\n\nThe shelf held “The Lighthouse Keepers of the Northern Isles, Volume Two.” Nobody had read it in years, the keeper admitted.\n',
      'b.md',
    );
    expect(outlineArticle(article).slides.some((slide) => slide.layout === 'quote')).toBe(false);
  });

  it('shows a long quote’s strongest sentence on the slide and the whole quote in the notes', () => {
    const quote =
      '“We built the array on water nobody could use. The panels float on pontoons anchored to the bed of the reservoir, with cables along the old spillway. We expect the farm to pay for itself in under nine years, and we will publish what it produces every month.” said Alma Reyes, Chief Executive of the Authority.';
    const { article } = parseMarkdown(`## Solar\n\n${quote}\n`, 'q.md');
    const slide = outlineArticle(article).slides.find((candidate) => candidate.layout === 'quote');
    expect(slide?.quote?.attribution).toBe('Alma Reyes, Chief Executive of the Authority');
    expect(slide?.quote?.text.split(/\s+/).length).toBeLessThanOrEqual(30);
    expect(slide?.notes).toEqual([quote]);
  });

  it('moves a byline and a plain-text headline to the title slide, not among the points', async () => {
    const { article } = await readArticle(join(FIXTURE_ARTICLES, 'policy-brief.md'));
    const deck = outlineArticle(article);
    expect(deck.slides[0]?.points?.map((point) => point.text)).toEqual(['Dana Whitcombe, Chief Economist, Coastal Futures Institute']);
    expect(
      deck.slides
        .slice(1)
        .flatMap((slide) => slide.points ?? [])
        .map((point) => point.text),
    ).not.toContain('Dana Whitcombe, Chief Economist, Coastal Futures Institute');
    const { article: release } = await readArticle(join(FIXTURE_ARTICLES, 'press-release.txt'));
    const releaseDeck = outlineArticle(release);
    expect(releaseDeck.meta.title).toMatch(/^Harbour Authority Opens Floating Solar Farm/);
    const points = releaseDeck.slides
      .slice(1)
      .flatMap((slide) => slide.points ?? [])
      .map((point) => point.text);
    expect(points.some((text) => text.startsWith('PORTVALE'))).toBe(false);
    expect(measureCoverage(release, releaseDeck).missing).toEqual([]);
  });

  it('shows a lead-in list item’s lead-in in bold and keeps the whole item in the notes', () => {
    const item =
      'Lower bills for harbour tenants: The authority will pass on part of the savings to the fishing cooperative and the ferry operator from next year.';
    const { article } = parseMarkdown(`## Region\n\n- ${item}\n- Short item\n`, 'l.md');
    const slide = outlineArticle(article).slides.find((candidate) => candidate.layout === 'list');
    expect(slide?.points?.[0]).toEqual({ text: 'Lower bills for harbour tenants', html: '<strong>Lower bills for harbour tenants</strong>' });
    expect(slide?.notes).toContain(item);
  });

  it('shows two sides ("on the one hand … on the other hand …") side by side, under the claim they answer', () => {
    const paragraph =
      'The board approved the new harbour wall last spring. On the one hand, the wall will protect the fishing fleet from winter storms. The fleet lost three boats last year. On the other hand, the wall will cost the town its only sandy beach.';
    const { article } = parseMarkdown(`## Harbour\n\n${paragraph}\n`, 'c.md');
    const deck = outlineArticle(article);
    const slide = deck.slides.find((candidate) => candidate.layout === 'comparison');
    expect(slide?.points?.map((point) => point.text)).toEqual([
      'The wall will protect the fishing fleet from winter storms',
      'The wall will cost the town its only sandy beach',
    ]);
    expect(slide?.subtitle).toBeDefined();
    expect(slide?.notes).toEqual([paragraph]);
    expect(measureCoverage(article, deck).missing).toEqual([]);
  });

  it('makes every top-level heading a section and an agenda item, in order, with no empty slide for a heading of sub-headings', () => {
    const source =
      '# Harbours\n\nIntro text here.\n\n## Walls\n\n### Stone\n\nStone lasts long.\n\n### Concrete\n\nConcrete is cheaper.\n\n## Lights\n\nLights guide ships in fog.\n\n## Money\n\nBoards pay for both.\n';
    const { article } = parseMarkdown(source, 's.md');
    const deck = outlineArticle(article);
    expect(deck.sections.map((section) => section.title)).toEqual(['Walls', 'Lights', 'Money']);
    expect(deck.slides.find((slide) => slide.layout === 'agenda')?.points?.map((point) => point.text)).toEqual(['Walls', 'Lights', 'Money']);
    expect(deck.slides.filter((slide) => slide.layout === 'points' && (slide.points?.length ?? 0) === 0)).toEqual([]);
  });
});

describe('a title that repeats a point', () => {
  it('shows another sentence of its paragraphs in place of a point its title says word for word', async () => {
    const { article } = await readArticle(join(FIXTURE_ARTICLES, 'caps-and-underlines.txt'));
    const deck = outlineArticle(article);
    const slide = deck.slides.find((candidate) => candidate.title === 'Demand is not the main problem');
    const texts = slide?.points?.map((point) => point.text) ?? [];
    expect(texts).not.toContain('Demand is not the main problem');
    expect(texts).toContain('Many sleeper trains now sell out weeks ahead, especially in summer and around holidays');
    // The notes mark the title's sentence and the new point's as said.
    expect(slide?.sources).toEqual(
      expect.arrayContaining(['Demand is not the main problem.', 'Many sleeper trains now sell out weeks ahead, especially in summer and around holidays.']),
    );
    expect(measureCoverage(article, deck).missing).toEqual([]);
  });

  it('never drops the lead line of an explicit figure slide, which is all the text the slide has', () => {
    // Found by the Markdown fuzz test: the title said the lead, the lead went, and with it the sentence.
    const { article } = parseMarkdown(
      '<!-- slide: figure -->\n\nCosts reached $5.6 million while output grew 40% (and the Harbour Board Authority approved it).\n\n',
      'harbour-costs.md',
    );
    const deck = outlineArticle(article);
    expect(measureCoverage(article, deck).missing).toEqual([]);
  });

  it('never takes a point off an explicit slide, whose points are all the text it has', () => {
    // Found by the Markdown fuzz test: the title "Tide" carried the point "Tide." away, and with it the sentence.
    const { article } = parseMarkdown('<!-- slide: points -->\n\n- Tide.\n- tide\n\n\\\n\n', 'harbour-notes.md');
    const deck = outlineArticle(article);
    expect(deck.slides.find((slide) => slide.layout === 'points')?.points?.map((point) => point.text)).toContain('Tide.');
    expect(measureCoverage(article, deck).missing).toEqual([]);
  });
});
