import { blockText, listItemTexts } from '../article/block-text.js';
import type { Article, Block, ListItem, Section } from '../article/types.js';
import { escapeHtmlText } from '../escape-html.js';
import { BUDGET, budgetFor, type LayoutBudget } from './budget.js';
import {
  carriesFacts,
  contentWords,
  isSubstantive,
  keyPointsOf,
  leansOnReference,
  overlapShare,
  pickPoints,
  POINT_WORD_LIMIT,
  rankSentences,
  shortenSentence,
  trimPoint,
  wordFrequencies,
  type KeyPoint,
  type RankedSentences,
} from './condense.js';
import { findEnumeration, type Enumeration } from './enumeration.js';
import { explicitSlide, isExplicitLayout, toPoint, type Draft } from './explicit.js';
import { figureText, findFigures } from './figures.js';
import { clipLongWords } from './long-words.js';
import { findQuotation, unwrapQuotation } from './quotations.js';
import { anchorOf, timelineOfItems, timelineOfSentences, timelinePages } from './timeline.js';
import { detectLanguage, directionOf } from './language.js';
import { paginateList, paginateCode, paginateTable, paginateQuote, paginateHtml } from './paginate.js';
import { countWords, hasAtMostWords, splitSentences } from './sentences.js';
import { withTextMemo } from './text-memo.js';
import { scaleTimings, slideSeconds } from './timing.js';
import { labelsFor, type Labels } from '../settings/labels.js';
import type { SlideSize } from '../slide-size.js';
import { resolveSettings, type ResolvedSettings } from '../settings/resolve.js';
import type { DeckSettingValues } from '../settings/table.js';
import { slugify, titleFromFileName } from './title.js';
import { groupByTopic } from './group.js';
import { splitPoint } from './split-point.js';
import { sectionTakeaway } from './takeaways.js';
import { refutedViews, refutes } from './views.js';
import { cutAtWord, isWholeTitle, opensPoint, repeatsPoint, saysPoint, titleCandidates, TITLE_WORD_LIMIT } from './headline.js';
import { findSeries } from './series.js';
import type { Deck, DeckSection, Point, Slide } from './types.js';

export interface OutlineOptions extends DeckSettingValues {
  /** The deck's settings, resolved (src/settings); without them, the options above over the front matter. */
  settings?: ResolvedSettings;
}

/** Slides an introduction may take before the agenda; a longer one becomes a section of its own. */
const INTRODUCTION_SLIDES = 3;
/** Points an introduction before titled sections shows at most (three slides of three). */
const INTRODUCTION_POINTS = 9;
/** Seconds planned for a slide of each kind when no duration is set. */
const PLANNED_SECONDS: Partial<Record<string, number>> = { title: 15, agenda: 20, section: 5, closing: 30 };
const CONTENT_SLIDE_SECONDS = 60;
/** Words two points drawn from one paragraph may take, so that a slide stays near 30 visible words. */
const SECOND_POINT_WORDS = 30;
/** Words a generated title may take of a points slide's budget. */
const TITLE_ALLOWANCE = 6;
/** A quote longer than this shows its strongest sentence. */
const QUOTE_WORDS = 30;
/** Words of takeaways on one closing slide. */
const TAKEAWAY_WORDS = 64;

/** What the outline of one article remembers between its steps. */
export interface OutlineState {
  /** Slides whose title the author wrote (a slide heading, an explicit slide's `###`). */
  authored: Set<Draft>;
  /** The sentence each shown point or lead line was drawn from, by its text, for takeaways. */
  sourceOf: Map<string, string>;
  /** Points that reject a view shown beside them ("It's not quite that simple"): the author's claim, so the title. */
  refutations: Set<string>;
  /** How much one slide of the deck's size may show. */
  budget: LayoutBudget;
  /**
   * Sentences a slide made from paragraphs could show instead of a point its title comes to say, best first, by the
   * slide's notes (the one array a draft keeps from grouping to titling). Found only for a slide whose title asks.
   */
  spares: WeakMap<string[], () => KeyPoint[]>;
}

/** Article → Deck: every decision about the talk. Pure. */
export function outlineArticle(article: Article, options: OutlineOptions = {}): Deck {
  const plan = planOutline(article, options);
  return finishOutline(
    plan,
    plan.titledSections.map((section) => outlineTitledSection(section, plan.context)),
  );
}

/**
 * What outlining a titled section needs to know of the whole article, as plain data: another thread outlines sections
 * from it too (src/outline/shared-outline.ts).
 */
export interface SectionContext {
  lang: string;
  size: SlideSize;
  /** The talk's set duration, its words and the speaking pace: how many points a paragraph shows. */
  duration?: number;
  words: number;
  wpm: number;
}

/**
 * One titled section outlined on its own: its slides and takeaway, and what it adds to the outline's state, which
 * `finishOutline` takes in article order. Plain data but for `spares`, which `portableOutline` works out
 * (src/outline/shared-outline.ts).
 */
export interface SectionOutline {
  content: Draft[];
  conclusion?: string;
  /** Indexes in `content` of the slides whose title the author wrote. */
  authored: number[];
  /** The sentence each shown point or lead line was drawn from, by its text, as the section last set them. */
  sources: Array<[string, string]>;
  refutations: string[];
  /** The spare points of `content[index]`, best first: found when titling asks for them, or already found. */
  spares: Array<[number, KeyPoint[] | (() => KeyPoint[])]>;
  /** Point texts the takeaway looked for that this section drew from no sentence: an earlier section may have. */
  unsourced: string[];
  /** Titles from the content of each of `content`'s slides that titling will name (`contentTitles`), by index. */
  titles: Array<[number, string[]]>;
}

/** Everything decided before the titled sections are outlined: the title, the introduction, the agenda. */
export interface OutlinePlan {
  article: Article;
  settings: ResolvedSettings;
  context: SectionContext;
  title: string;
  byline?: string;
  labels: Labels;
  budget: LayoutBudget;
  explicit: Set<string>;
  titledSections: Section[];
  drafts: Draft[];
  sections: DeckSection[];
  state: OutlineState;
}

/** The title slide, the introduction and the agenda, and what outlining each titled section needs. Pure. */
export function planOutline(article: Article, options: OutlineOptions = {}): OutlinePlan {
  const meta = article.meta;
  const allText = article.sections.flatMap((section) => [section.title ?? '', ...section.blocks.map(blockText)]).join(' ');
  const { settings: resolved, ...overrides } = options;
  const settings = resolved ?? resolveSettings({ cli: { values: overrides }, frontMatter: { values: meta } });
  const lang = settings.lang ?? detectLanguage(allText);
  const labels = labelsFor(lang, settings.labels);
  const { wpm } = settings;
  const { size } = settings;
  const budget = budgetFor(size);
  // A headline and a byline at the top of the article belong on the title slide, not among the points.
  const opening = openingLines(article, meta.title === undefined);
  const title = meta.title ?? opening.headline ?? titleFromFileName(article.file, allText, labels.untitled);
  const titledSections = article.sections.filter((section) => section.title !== undefined);

  const drafts: Draft[] = [];
  const sections: DeckSection[] = [];
  const firstLine = article.sections[0]?.line ?? 1;
  drafts.push({
    layout: 'title',
    title,
    subtitle: meta.subtitle,
    points: [meta.author ?? opening.byline, meta.date].filter((value): value is string => Boolean(value)).map((text) => ({ text })),
    notes: meta.author && opening.byline ? [opening.byline] : [],
    lines: [1, firstLine],
  });

  const { duration } = settings;
  const context: SectionContext = { lang, size, duration, words: countWords(allText, lang), wpm };
  const density = densityFor(duration, context.words, wpm);
  const state = emptyState(budget);
  const introduction = article.sections.filter((section) => section.title === undefined);
  // An enumeration in the introduction ("three lenses: (1) … (2) … (3) …") becomes the agenda.
  const enumerated = titledSections.length >= 2 ? findAgendaEnumeration(introduction, budget) : undefined;
  const introDrafts: Draft[] = [];
  for (const section of introduction) {
    const blocks = section.blocks.filter((block) => block !== enumerated?.block && !opening.blocks.has(block));
    // A long introduction before the sections is condensed to its key points; the notes keep all of it.
    const condenseTo = titledSections.length >= 1 ? INTRODUCTION_POINTS : undefined;
    for (const draft of withTextMemo(() => outlineSection({ ...section, blocks }, labels.introduction, lang, density, state, condenseTo)))
      introDrafts.push(draft);
  }

  const explicit = new Set(article.sections.flatMap((section) => section.blocks).flatMap((block) => (block.kind === 'directive' ? [block.value] : [])));
  const hasAgenda = titledSections.length >= 2 && !explicit.has('agenda');
  // More than three slides before the agenda (a press release's quotes and figures) is a part of the talk of its own:
  // it becomes a titled section after the agenda, as the article's own sections are.
  const introductionSection = hasAgenda && !enumerated && introDrafts.length > INTRODUCTION_SLIDES;
  if (!introductionSection) drafts.push(...introDrafts);
  if (hasAgenda) {
    const line = enumerated?.block.line ?? titledSections[0]?.line ?? 1;
    const titles = titledSections.map((section) => section.title ?? '');
    const items = (enumerated?.enumeration.items ?? (introductionSection ? [labels.introduction, ...titles] : titles)).map((text) => ({ text }));
    // A long agenda (a book's chapters) runs over several slides, as any list does.
    pagesOf(items, budget).forEach((page, index) => {
      drafts.push({
        layout: 'agenda',
        title: labels.agenda,
        subtitle: index === 0 ? enumerated?.enumeration.lead : undefined,
        points: page,
        ordered: true,
        notes: enumerated && index === 0 ? [enumerated.block.text] : [],
        lines: [line, line],
      });
    });
  }

  if (introductionSection) {
    const line = introDrafts[0]?.lines[0] ?? firstLine;
    sections.push({ title: labels.introduction, slideIndex: drafts.length });
    drafts.push({ layout: 'section', title: labels.introduction, section: labels.introduction, notes: [], lines: [line, line] });
    drafts.push(...introDrafts);
  }
  return { article, settings, context, title, byline: opening.byline, labels, budget, explicit, titledSections, drafts, sections, state };
}

function emptyState(budget: LayoutBudget): OutlineState {
  return { authored: new Set(), sourceOf: new Map(), refutations: new Set(), budget, spares: new WeakMap() };
}

/**
 * A titled section → its slides and takeaway, outlined with a state of its own, so that sections can be outlined in
 * any order or on another thread and give the same deck (`finishOutline` takes what each adds in article order). Pure.
 */
export function outlineTitledSection(section: Section, context: SectionContext): SectionOutline {
  const { lang } = context;
  const state = emptyState(budgetFor(context.size));
  const density = densityFor(context.duration, context.words, context.wpm);
  const sectionTitle = section.title ?? '';
  // Sentences and content words are remembered while this section is outlined (text-memo.ts).
  return withTextMemo(() => {
    const content = outlineSection(section, sectionTitle, lang, density, state);
    // A first slide whose one point restates the section's title ("The third lens is X" under "X") is said, not
    // shown: its paragraphs open the next slide's notes.
    const [opener, next] = content;
    if (
      opener?.layout === 'points' &&
      opener.title === undefined &&
      opener.points?.length === 1 &&
      next &&
      restates(opener.points[0]!.text, sectionTitle, lang)
    ) {
      next.notes.unshift(...opener.notes);
      next.lines[0] = opener.lines[0];
      content.shift();
    }
    const unsourced: string[] = [];
    const conclusion = sectionConclusion(
      section,
      content,
      (text) => {
        const sentence = state.sourceOf.get(text);
        if (sentence === undefined) unsourced.push(text);
        return sentence;
      },
      lang,
    );
    const authored: number[] = [];
    const titles: SectionOutline['titles'] = [];
    const spares: SectionOutline['spares'] = [];
    content.forEach((draft, index) => {
      if (state.authored.has(draft)) authored.push(index);
      else if (CONTENT_LAYOUTS.has(draft.layout)) titles.push([index, contentTitles(draft, lang)]);
      const found = state.spares.get(draft.notes);
      if (found) spares.push([index, found]);
    });
    return {
      content,
      ...(conclusion !== undefined ? { conclusion } : {}),
      authored,
      titles,
      sources: [...state.sourceOf],
      refutations: [...state.refutations],
      spares,
      unsourced,
    };
  });
}

/**
 * The titled sections' outlines, in article order, after the plan → the deck: takeaways, titles, timing. Pure, but the
 * plan's drafts, sections and state become the deck's: a plan is finished once.
 */
export function finishOutline(plan: OutlinePlan, outlines: SectionOutline[]): Deck {
  const { article, settings, state, drafts, sections, labels, budget, title } = plan;
  const { meta } = article;
  const { lang, wpm, size, duration } = plan.context;
  const takeaways: Array<{ section: string; point: string }> = [];
  const titles = new Map<Draft, string[]>();
  plan.titledSections.forEach((section, index) => {
    const outline = outlines[index]!;
    const sectionTitle = section.title ?? '';
    const deckSection: DeckSection = { title: sectionTitle, slideIndex: drafts.length };
    sections.push(deckSection);
    drafts.push({ layout: 'section', title: sectionTitle, section: sectionTitle, notes: [], lines: [section.line, section.line] });
    const content = outline.content;
    for (const draft of content) drafts.push(draft);
    for (const [text, sentence] of outline.sources) state.sourceOf.set(text, sentence);
    for (const text of outline.refutations) state.refutations.add(text);
    for (const index of outline.authored) state.authored.add(content[index]!);
    for (const [index, found] of outline.titles) titles.set(content[index]!, found);
    for (const [index, spares] of outline.spares) state.spares.set(content[index]!.notes, typeof spares === 'function' ? spares : () => spares);
    // The takeaway looked for its points' sentences in this section alone; one an earlier section drew is looked at
    // again with the whole outline's.
    const conclusion = outline.unsourced.some((text) => state.sourceOf.has(text))
      ? sectionConclusion(section, content, (text) => state.sourceOf.get(text), lang)
      : outline.conclusion;
    if (conclusion) {
      takeaways.push({ section: sectionTitle, point: conclusion });
      deckSection.takeaway = conclusion;
    }
  });

  // Not Math.max(...): spreading an unbounded array into arguments overflows the stack.
  const lastLine = drafts.reduce((max, draft) => Math.max(max, draft.lines[1]), -Infinity);
  if (!plan.explicit.has('closing')) {
    const closingTitle = takeaways.length > 0 ? labels.keyTakeaways : labels.thankYou;
    // One conclusion per section: the closing holds up to six on a slide.
    const pages = pagesOf(
      takeaways.map((takeaway) => ({ text: takeaway.point })),
      budget,
      Math.floor((TAKEAWAY_WORDS * budget.listWords) / BUDGET.listWords),
    );
    pages.forEach((page) => {
      drafts.push({
        layout: 'closing',
        title: closingTitle,
        ...(page.length > 0 ? { points: page } : {}),
        notes: [],
        lines: [lastLine, lastLine],
      });
    });
  }

  assignTitles(drafts, state, lang, titles);
  const slides = finishSlides(drafts, wpm, lang);
  // Without a set duration, the talk planned is what a presenter gives (about a minute a content slide), not the time
  // it takes to read the whole article aloud.
  const planned = duration ?? plannedSeconds(slides);
  const scaled = scaleTimings(
    slides.map((slide) => slide.timing),
    planned,
  );
  slides.forEach((slide, index) => (slide.timing = scaled[index] ?? slide.timing));
  return {
    file: article.file,
    meta: {
      title,
      subtitle: meta.subtitle,
      author: meta.author ?? plan.byline,
      date: meta.date,
      lang,
      dir: directionOf(lang),
      theme: settings.theme,
      transition: settings.transition,
      fragments: settings.fragments,
      size,
      ...(settings.logo !== undefined ? { logo: settings.logo } : {}),
      ...(settings.brand !== undefined ? { brand: settings.brand } : {}),
      wpm,
      duration,
      totalTime: slides.reduce((sum, slide) => sum + slide.timing, 0),
      labels,
      reveal: settings.reveal,
    },
    sections,
    slides,
  };
}

/** One section's blocks → content slides, honouring explicit slide titles, breaks and notes. */
function outlineSection(section: Section, sectionTitle: string, lang: string, density: Density, state: OutlineState, condenseTo?: number): Draft[] {
  const context = wordFrequencies(section.blocks.map(blockText), lang);
  const drafts: Draft[] = [];
  let open: Draft | undefined;
  // Paragraphs in a row are grouped into slides by topic once the run ends.
  const run: Array<Block & { kind: 'paragraph' }> = [];
  const flushRun = (): void => {
    if (run.length === 0) return;
    const first = run[0]!;
    const slides = groupParagraphs(run.splice(0), context, lang, density, state, condenseTo);
    for (const slide of slides) drafts.push({ ...base(first.line), ...slide });
  };
  const close = (): void => {
    flushRun();
    if (open) drafts.push(open);
    open = undefined;
  };
  const explicitDrafts = new Set<Draft>();
  // A slide heading shows as the title of the slides after it; one with no slide of its own yet is kept pending.
  let pendingHeading: { text: string; line: number } | undefined;
  // The first slide after a slide heading shows the author's title; the slides after it get titles from their content.
  const base = (line: number): Omit<Draft, 'layout'> => {
    const heading = pendingHeading;
    pendingHeading = undefined;
    return { title: heading ? heading.text : undefined, section: sectionTitle, notes: [], lines: [line, line] };
  };
  // A heading followed by another heading, or by the end of its section, still gets its slide: nothing is lost.
  const keepPendingHeading = (): void => {
    const heading = pendingHeading;
    if (heading) drafts.push({ ...base(heading.line), layout: 'points', points: [], notes: [heading.text] });
  };

  for (let index = 0; index < section.blocks.length; index++) {
    const block = section.blocks[index]!;
    switch (block.kind) {
      case 'directive': {
        // Unknown layouts were warned about by the reader; their blocks are outlined as usual.
        if (!isExplicitLayout(block.value)) continue;
        close();
        // The slide runs to the next directive or break, or to a second slide heading.
        let end = index + 1;
        let headings = 0;
        for (; end < section.blocks.length; end++) {
          const next = section.blocks[end]!;
          if (next.kind === 'directive' || next.kind === 'break') break;
          if (next.kind === 'slide-heading' && ++headings > 1) break;
        }
        const content = section.blocks.slice(index + 1, end);
        // An explicit slide with its own heading does not show the pending one.
        if (content.some((next) => next.kind === 'slide-heading')) keepPendingHeading();
        const slide = explicitSlide(block.value, content, base(block.line));
        explicitDrafts.add(slide);
        if (slide.title !== undefined) state.authored.add(slide);
        drafts.push(slide);
        index = end - 1;
        continue;
      }
      case 'slide-heading':
        close();
        keepPendingHeading();
        pendingHeading = { text: block.text, line: block.line };
        continue;
      case 'break':
        close();
        continue;
      case 'notes': {
        flushRun();
        const target = open ?? drafts[drafts.length - 1];
        if (target) {
          target.notes.push(block.text);
          target.lines[1] = Math.max(target.lines[1], block.line);
        } else {
          open = { ...base(block.line), layout: 'points', points: [], notes: [block.text] };
        }
        continue;
      }
      case 'paragraph': {
        const special = contentSlide(block.text, lang, state.budget);
        if (special) {
          close();
          recordSources(special, state);
          drafts.push({ ...base(block.line), ...special, notes: [block.text] });
          continue;
        }
        run.push(block);
        continue;
      }
      default:
        close();
        for (const draft of blockSlides(block, lang, state.budget)) drafts.push({ ...base(block.line), ...draft });
    }
  }
  close();
  keepPendingHeading();
  // A slide the author wrote out stays even when empty; an outlined one with nothing to show is dropped.
  const shown = (draft: Draft): boolean => explicitDrafts.has(draft) || draft.layout !== 'points' || (draft.points?.length ?? 0) > 0 || draft.notes.length > 0;
  const kept = foldLeadIns(drafts.filter(shown), explicitDrafts);
  // A title a slide has by now is the author's (a slide heading or an explicit slide's own).
  for (const draft of kept) if (draft.title !== undefined) state.authored.add(draft);
  return kept;
}

/** Slides that show one block as it is, and may take the sentence that introduces it as a lead line above. */
const LEAD_LAYOUTS: ReadonlySet<string> = new Set(['figure', 'timeline', 'code', 'table', 'list', 'quote']);

/**
 * A lone point just before a figure, timeline, code, table, list or quote introduces it ("The snippet below computes the push"):
 * it becomes that slide's lead line instead of a slide of its own.
 */
function foldLeadIns(drafts: Draft[], explicit: Set<Draft>): Draft[] {
  const folded: Draft[] = [];
  for (let index = 0; index < drafts.length; index++) {
    const draft = drafts[index]!;
    const next = drafts[index + 1];
    const lone = draft.layout === 'points' && draft.title === undefined && !explicit.has(draft) && draft.points?.length === 1 && !draft.points[0]!.children;
    if (lone && next && LEAD_LAYOUTS.has(next.layout) && !explicit.has(next) && next.title === undefined && next.subtitle === undefined) {
      next.subtitle = draft.points![0]!.text;
      next.notes = [...draft.notes, ...next.notes];
      next.sources = [...(draft.sources ?? []), ...(next.sources ?? [])];
      next.lines = [draft.lines[0], next.lines[1]];
      continue;
    }
    folded.push(draft);
  }
  return folded;
}

/** Whether a point says little beyond a title: most of its content words are the title's. */
function restates(point: string, title: string, lang: string): boolean {
  const titleWords = new Set(contentWords(title, lang));
  const words = contentWords(point, lang);
  return words.length > 0 && titleWords.size > 0 && words.filter((word) => titleWords.has(word)).length / words.length >= 0.6;
}

/** Splits generated lists (agenda, takeaways) by the list budget; an empty list is still one slide. */
function pagesOf(points: Point[], budget: LayoutBudget, maxWords: number = budget.listWords): Point[][] {
  const pages: Point[][] = [];
  let page: Point[] = [];
  let words = 0;
  for (const point of points) {
    const size = countWords(point.text);
    if (page.length > 0 && (page.length >= budget.listItems || words + size > maxWords)) {
      pages.push(page);
      page = [];
      words = 0;
    }
    page.push(point);
    words += size;
  }
  pages.push(page);
  return pages;
}

/** How much of each paragraph to show: short talks condense harder, long ones keep more. */
interface Density {
  pointsFor(sentences: number): number;
}

function densityFor(duration: number | undefined, words: number, wpm: number): Density {
  const natural = (words / wpm) * 60;
  if (duration !== undefined && duration < natural * 0.75) return { pointsFor: () => 1 };
  if (duration !== undefined && duration > natural * 1.25) return { pointsFor: (sentences) => (sentences >= 2 ? 2 : 1) };
  return { pointsFor: (sentences) => (sentences >= 3 ? 2 : 1) };
}

function findAgendaEnumeration(sections: Section[], budget: LayoutBudget): { block: Block & { kind: 'paragraph' }; enumeration: Enumeration } | undefined {
  for (const section of sections) {
    for (const block of section.blocks) {
      if (block.kind !== 'paragraph') continue;
      const enumeration = findEnumeration(block.text);
      if (enumeration && enumeration.items.length <= budget.listItems) return { block, enumeration };
    }
  }
  return undefined;
}

/** A paragraph whose content asks for its own layout: a direct quotation, or figures worth showing large. */
function contentSlide(
  paragraph: string,
  lang: string,
  budget: LayoutBudget,
): Pick<Draft, 'layout' | 'subtitle' | 'quote' | 'figures' | 'events' | 'points' | 'sources'> | undefined {
  const sides = comparisonOf(paragraph, lang, budget);
  if (sides) {
    // The claim the two sides answer leads the slide: the paragraph's best other sentence.
    const others = splitSentences(paragraph, lang).filter((sentence) => !sides.some((side) => side.sentence === sentence));
    const lead = others.length > 0 ? keyPointsOf(others.join(' '), wordFrequencies([paragraph], lang), lang, 1)[0] : undefined;
    return {
      layout: 'comparison',
      ...(lead ? { subtitle: lead.text } : {}),
      points: sides.map((side) => ({ text: side.text })),
      sources: [...(lead ? [lead.sentence] : []), ...sides.map((side) => side.sentence)],
    };
  }
  const timeline = timelineOfSentences(paragraph, lang, budget);
  if (timeline) {
    // The sentence that sets the scene before the dated run leads the slide; the notes keep the whole paragraph.
    const lead = timeline.before.length > 0 ? keyPointsOf(timeline.before.join(' '), wordFrequencies([paragraph], lang), lang, 1)[0] : undefined;
    return {
      layout: 'timeline',
      ...(lead ? { subtitle: lead.text } : {}),
      events: timeline.events,
      sources: [...(lead ? [lead.sentence] : []), ...timeline.sentences],
    };
  }
  const quotation = findQuotation(paragraph);
  // Only direct speech with a speaker is a quote slide; a long quote shows its strongest sentence, the notes the rest.
  if (quotation?.attribution) {
    let text = quotation.text;
    if (countWords(text, lang) > QUOTE_WORDS) {
      const sentences = splitSentences(text, lang);
      const context = wordFrequencies([paragraph], lang);
      text = keyPointsOf(text, context, lang, 1, sentences)[0]?.sentence ?? text;
    }
    if (countWords(text, lang) <= budget.quoteWords) return { layout: 'quote', quote: { text: clipLongWords(text), attribution: quotation.attribution } };
  }
  const figures = findFigures(paragraph);
  const money = figures.filter((figure) => /[$€£¥]/.test(figure.value)).length;
  if (money >= 1 && figures.length >= 2) {
    // Asides that name things ("without the chips the US CHIPS Act blocks") stay visible under the figures.
    const asides = [...paragraph.matchAll(/\(([^()]{12,160})\)/g)]
      .map((match) => (match[1] ?? '').replace(/^(?:and|but|or)\s+/i, '').trim())
      .filter((aside) => /\s\p{Lu}{2,}|\s\p{Lu}\p{Ll}+\s\p{Lu}/u.test(` ${aside}`) && !/\d/.test(aside));
    const aside = asides[0];
    return { layout: 'figure', figures, ...(aside ? { points: [{ text: aside.charAt(0).toUpperCase() + aside.slice(1) }] } : {}) };
  }
  return undefined;
}

/**
 * "On the one hand, X. … On the other hand, Y.": the two sides, each shortened to a whole clause, for a two-column
 * slide. Undefined when the paragraph does not contrast two sides or a side cannot be shortened.
 */
function comparisonOf(paragraph: string, lang: string, budget: LayoutBudget): Array<{ text: string; sentence: string }> | undefined {
  if (!/\bon the one hand\b/i.test(paragraph) || !/\bon the other hand\b/i.test(paragraph)) return undefined;
  const sentences = splitSentences(paragraph, lang);
  const one = sentences.find((sentence) => /\bon the one hand\b/i.test(sentence));
  const other = sentences.find((sentence) => /\bon the other hand\b/i.test(sentence));
  if (!one || !other || one === other) return undefined;
  const sides = [one, other].map((sentence) => ({ text: shortenSentence(sentence, lang), sentence }));
  if (sides.some((side) => side.text === undefined || countWords(side.text, lang) > budget.comparisonWords)) return undefined;
  return sides.map((side) => ({ text: side.text!, sentence: side.sentence }));
}

/** Slides for a block shown as it is: lists, quotes, code, tables, images and HTML, split when long. */
function blockSlides(block: Block, lang: string, budget: LayoutBudget): Array<Partial<Draft> & Pick<Draft, 'layout' | 'notes'>> {
  switch (block.kind) {
    case 'list': {
      // A list whose items are each a dated event, in order, is a timeline, six events or fewer a slide.
      const events = block.items.some((item) => item.children)
        ? undefined
        : timelineOfItems(
            block.items.map((item) => item.text),
            lang,
            budget.timelineWords,
          );
      const pages = events && timelinePages(events, budget, lang);
      if (pages) {
        return pages.map((page, index) => {
          const first = pages.slice(0, index).reduce((sum, earlier) => sum + earlier.length, 0);
          return { layout: 'timeline' as const, events: page, notes: block.items.slice(first, first + page.length).flatMap((item) => listItemTexts(item)) };
        });
      }
      return paginateList({ ...block, items: block.items.map(leadInOnly) }, lang, budget).map((items) => ({
        layout: 'list' as const,
        points: items.map(toPoint),
        ...(block.ordered ? { ordered: true } : {}),
        // The notes keep every item whole, lead-in items included.
        notes: items.flatMap((item) => listItemTexts(originalOf.get(item) ?? item)),
      }));
    }
    case 'quote':
      return paginateQuote(block.text, lang, budget).map((text, index, all) => ({
        layout: 'quote' as const,
        quote: { text: clipLongWords(unwrapQuotation(text)), attribution: index === all.length - 1 ? block.attribution : undefined },
        notes: [text + (block.attribution && index === all.length - 1 ? ` — ${block.attribution}` : '')],
      }));
    case 'code':
      return paginateCode(block.code, budget).map((code) => ({
        layout: 'code' as const,
        code: { code, lang: block.lang },
        notes: [`Code${block.lang ? ` (${block.lang})` : ''}, ${code.split('\n').length} lines.`],
      }));
    case 'table':
      return paginateTable(block.rows, budget).map((rows) => ({
        layout: 'table' as const,
        table: { header: block.header, rows, align: block.align },
        notes: [block.header.join(', ') + '.', ...rows.map((row) => row.join(', ') + '.')],
      }));
    case 'image':
      return [{ layout: 'image' as const, image: { src: block.src, alt: block.alt, title: block.title }, notes: block.alt ? [block.alt] : [] }];
    case 'html':
      // Nobody clicks a slide open during a talk: a <details> block shows what it holds.
      return paginateHtml(openDetails(block.html), block.text, budget).map((part) => ({
        layout: 'html' as const,
        html: part.html,
        notes: part.text ? [part.text] : [],
      }));
    default:
      return [];
  }
}

/** Written as the sanitiser writes it, so an imported deck reads back the same HTML. */
function openDetails(html: string): string {
  return html.replace(/<details(?=[\s>])(?![^>]*\sopen\b)/gi, '<details open=""');
}

const originalOf = new WeakMap<ListItem, ListItem>();

/**
 * "Lower bills for tenants: The authority will pass on part of the savings …" → the lead-in, in bold, as the point; the
 * whole item stays in the notes.
 */
function leadInOnly(item: ListItem): ListItem {
  const match = /^([^:.!?]{3,70}):\s+(\S.*)$/s.exec(item.text);
  if (!match || item.children) return item;
  const [, lead = '', rest = ''] = match;
  if (lead.split(/\s+/).length > 8 || rest.split(/\s+/).length < 12) return item;
  // "1962: The board replaced …" is a dated event, not a lead-in: a date alone says nothing as a point.
  const date = anchorOf(lead);
  if (date && date.start === 0 && date.end === lead.length) return item;
  // Escaped as the sanitiser writes inline HTML, so an imported deck reads back the same markup.
  const shortened: ListItem = { text: lead, html: `<strong>${escapeHtmlText(lead)}</strong>` };
  originalOf.set(shortened, item);
  return shortened;
}

/**
 * The article's own headline (a plain-text first line, title-cased, with no full stop) when it has no title yet, and a
 * byline ("By …", "Name, Chief Economist, Institute") just under it: both go to the title slide.
 */
function openingLines(article: Article, needsTitle: boolean): { headline?: string; byline?: string; blocks: Set<Block> } {
  const blocks = new Set<Block>();
  const introduction = article.sections[0]?.title === undefined ? article.sections[0] : undefined;
  const first = introduction?.blocks[0];
  const oneLine = (block: Block | undefined): block is Block & { kind: 'paragraph' } =>
    block?.kind === 'paragraph' && !block.text.includes('\n') && !/[.!?:;”"]$/.test(block.text.trim());
  let headline: string | undefined;
  let index = 0;
  if (needsTitle && oneLine(first)) {
    const words = first.text.trim().split(/\s+/);
    const capitalised = words.filter((word) => /^[\p{Lu}\d]/u.test(word)).length;
    if (words.length >= 4 && words.length <= 25 && capitalised >= words.length * 0.6) {
      headline = first.text.trim();
      blocks.add(first);
      index = 1;
    }
  }
  const next = introduction?.blocks[index];
  let byline: string | undefined;
  if (oneLine(next)) {
    const text = next.text.trim();
    const words = text.split(/\s+/).length;
    if (words <= 14 && (/^By\s+\p{Lu}/u.test(text) || /^\p{Lu}[\p{L}.’'-]*(?:\s\p{Lu}[\p{L}.’'-]*){1,3},\s+\p{Lu}[^,]*(?:,\s+\p{Lu}[^,]*)*$/u.test(text))) {
      byline = text;
      blocks.add(next);
    }
  }
  return { headline, byline, blocks };
}

/**
 * A run of paragraphs → points slides grouped by topic. Each paragraph gives its key points; with `condenseTo`, only
 * that many of the best paragraphs show points and the others ride along in the notes.
 */
function groupParagraphs(
  paragraphs: Array<Block & { kind: 'paragraph' }>,
  context: Map<string, number>,
  lang: string,
  density: Density,
  state: OutlineState,
  condenseTo?: number,
): Array<Pick<Draft, 'layout' | 'points' | 'notes' | 'lines' | 'sources'>> {
  const keyed = paragraphs.map((block) => {
    const sentences = splitSentences(block.text, lang);
    const ranked = rankSentences(block.text, context, lang, sentences);
    let points = pickPoints(ranked, lang, density.pointsFor(sentences.length));
    // A bridging paragraph ("It's not quite that simple.") is said, not shown: it rides in the notes.
    if (paragraphs.length > 1 && points.length > 0 && points.every((point) => !isSubstantive(point.text, lang))) {
      // …unless another of its sentences says something: that one is the point, whole if it must be.
      const said = ranked.ranked
        .map((entry) => ({ text: entry.shortened ?? trimPoint(entry.sentence, lang), sentence: entry.sentence, index: entry.index, score: entry.score }))
        .find((point) => isSubstantive(point.text, lang) && countWords(point.text, lang) <= BUDGET.words - TITLE_ALLOWANCE);
      points = said ? [said] : [];
    }
    // A paragraph that only hands over to the next part of the talk ("It's most significant through the second lens")
    // is said, not shown.
    if (paragraphs.length > 1 && isHandover(sentences, lang)) points = [];
    // Two points that would fill a slide on their own give way to the better one.
    if (points.length > 1 && points.reduce((sum, point) => sum + countWords(point.text, lang), 0) > state.budget.words - TITLE_ALLOWANCE) {
      points = [points.reduce((a, b) => (b.score > a.score ? b : a))];
    }
    points = withRefutations(points, sentences, lang, state);
    // The second point the paragraph could show if it ends up alone on a slide.
    const more = points.length === 1 && sentences.length > 1 ? pickPoints(ranked, lang, 3).slice(0, 2) : [];
    const extra = more.length === 2 ? more.reduce((sum, point) => sum + countWords(point.text, lang), 0) - countWords(points[0]!.text, lang) : 0;
    return {
      block,
      sentences,
      ranked,
      points,
      more: more.length === 2 && extra > 0 && extra + countWords(points[0]!.text, lang) <= SECOND_POINT_WORDS ? more : undefined,
      extra,
    };
  });
  if (condenseTo !== undefined && keyed.reduce((sum, entry) => sum + entry.points.length, 0) > condenseTo) {
    const ranked = keyed
      .map((entry, index) => ({ index, score: entry.points.reduce((max, point) => Math.max(max, point.score), -10) + (index === 0 ? 1 : 0) }))
      .sort((a, b) => b.score - a.score || a.index - b.index);
    let kept = 0;
    const keep = new Set<number>();
    for (const entry of ranked) {
      const size = keyed[entry.index]!.points.length;
      if (kept + size > condenseTo) continue;
      keep.add(entry.index);
      kept += size;
    }
    keyed.forEach((entry, index) => {
      if (!keep.has(index)) entry.points = [];
    });
  }
  const units = keyed.map((entry) => ({
    points: entry.points.length,
    words: entry.points.reduce((sum, point) => sum + countWords(point.text, lang), 0),
    text: entry.block.text,
    extraWords: entry.more && entry.points.length === 1 ? entry.extra : 0,
    ...(entry.points.length > 1 ? { singleWords: countWords(bestOf(entry.points).text, lang) } : {}),
  }));
  const { starts, reduced } = groupByTopic(units, lang, state.budget);
  const slides: Array<Pick<Draft, 'layout' | 'points' | 'notes' | 'lines' | 'sources'>> = [];
  starts.forEach((start, slideIndex) => {
    const end = starts[slideIndex + 1] ?? keyed.length;
    const group = keyed.slice(start, end);
    // Paragraphs sharing a slide show their best point each; the others stay in the notes.
    if (reduced[slideIndex]) for (const entry of group) if (entry.points.length > 1) entry.points = [bestOf(entry.points)];
    // A slide left with one point takes a second from its paragraphs when they have one worth showing.
    if (group.reduce((sum, entry) => sum + entry.points.length, 0) === 1 && keyed.length > 0) {
      const entry = group.find((candidate) => candidate.points.length === 1 && candidate.more);
      if (entry?.more) entry.points = entry.more;
      else fillSecondPoint(group, lang);
    }
    const points: Point[] = [];
    const sources: string[] = [];
    for (const entry of group) {
      for (const key of entry.points) {
        const point: Point = { text: key.text };
        points.push(point);
        sources.push(key.sentence);
        state.sourceOf.set(point.text, key.sentence);
      }
    }
    const notes = group.map((entry) => entry.block.text);
    if (points.length >= 2) state.spares.set(notes, () => sparePoints(group, new Set(sources), lang));
    // Paragraphs before the first that shows a point ride with the first slide.
    slides.push({
      layout: 'points',
      points,
      notes,
      lines: [group[0]!.block.line, group[group.length - 1]!.block.line],
      ...(sources.length > 0 ? { sources } : {}),
    });
  });
  // A slide with no points (its paragraphs were condensed away) gives its notes to the slide before it.
  for (let index = slides.length - 1; index > 0; index--) {
    const slide = slides[index]!;
    if ((slide.points?.length ?? 0) > 0) continue;
    const previous = slides[index - 1]!;
    previous.notes.push(...slide.notes);
    previous.lines[1] = slide.lines[1];
    slides.splice(index, 1);
  }
  if (slides.length > 1 && (slides[0]!.points?.length ?? 0) === 0) {
    const [first, second] = slides;
    second!.notes.unshift(...first!.notes);
    second!.lines[0] = first!.lines[0];
    slides.shift();
  }
  return slides;
}

/**
 * The sentences of a slide's paragraphs it does not show that could stand as a point of their own: shortened to a
 * point's length, saying something, leaning on nothing said before them. Best ranked first.
 */
function sparePoints(group: Array<{ ranked: RankedSentences }>, shown: Set<string>, lang: string): KeyPoint[] {
  const spares: KeyPoint[] = [];
  for (const entry of group) {
    for (const candidate of entry.ranked.ranked.slice(0, FILL_CANDIDATES)) {
      // A sentence with no shortened form is too long to stand as a point: its whole clause is not tried again here.
      const text = candidate.shortened;
      if (text === undefined || shown.has(candidate.sentence)) continue;
      if (!isSubstantive(text, lang) || !hasAtMostWords(text, POINT_WORD_LIMIT, lang) || leansOnReference(text)) continue;
      spares.push({ text, sentence: candidate.sentence, index: candidate.index, score: candidate.score });
    }
  }
  return spares.sort((a, b) => b.score - a.score);
}

/** A pointer to a later part of the talk: "the second lens", "the next question", "let us turn to". */
const FORWARD_POINTER =
  /\b(?:(?:next|second|third|fourth|fifth|final|last|following)\s+(?:lens|lenses|part|section|chapter|question|point|step|topic|issue|theme|angle|perspective)|let(?:’|')?s\s+turn|let us turn|brings us to|moving on)\b/i;

/**
 * Whether a paragraph only hands over to a later part of the talk: each sentence leans on what was said before or
 * points ahead, at least one points ahead, and none states a figure. English rhetoric; other languages show it.
 */
function isHandover(sentences: string[], lang: string): boolean {
  if (!/^en\b/i.test(lang) || sentences.length > 3 || sentences.some((sentence) => /(?<!\p{L})\d/u.test(sentence))) return false;
  const leans = (sentence: string): boolean => leansOnReference(sentence.replace(/^(?:but|and|so|yet|still|now|well),?\s+/i, ''));
  return sentences.some((sentence) => FORWARD_POINTER.test(sentence)) && sentences.every((sentence) => FORWARD_POINTER.test(sentence) || leans(sentence));
}

/** The point of highest score; the earlier one on a tie. */
function bestOf(points: KeyPoint[]): KeyPoint {
  return points.reduce((a, b) => (b.score > a.score ? b : a));
}

/**
 * A point stating a view the paragraph goes on to reject ("At first glance, X. But it's not that simple.") shows with
 * the sentence that rejects it, so the view never stands on a slide as the author's claim.
 */
function withRefutations(points: KeyPoint[], sentences: string[], lang: string, state: OutlineState): KeyPoint[] {
  const refuted = refutedViews(sentences);
  if (refuted.size === 0) return points;
  const shown = new Set(points.map((point) => point.index));
  const added: KeyPoint[] = [];
  for (const point of points) {
    if (!refuted.has(point.index) || sentences[point.index] !== point.sentence) continue;
    const at = [point.index + 1, point.index + 2].find((index) => refutes(sentences[index] ?? ''));
    if (at === undefined) continue;
    const refutation = points.find((other) => other.index === at) ?? {
      text: trimPoint(sentences[at]!, lang),
      sentence: sentences[at]!,
      index: at,
      score: point.score,
    };
    state.refutations.add(refutation.text);
    if (shown.has(at)) continue;
    shown.add(at);
    added.push(refutation);
  }
  return [...points, ...added].sort((a, b) => a.index - b.index);
}

/** Words the points of a slide filled out to two may take together: with a short title, about 30 visible words. */
const FILLED_SLIDE_WORDS = 28;
/** Sentences of each paragraph a slide left with one point looks at for its pair, best ranked first. */
const FILL_CANDIDATES = 24;

/**
 * A slide left with one point shows two from its paragraphs: the best pair of sentences, shortened, that stand on their
 * own, say different things and keep the slide near 30 visible words. The point already chosen stays when it can.
 */
function fillSecondPoint(group: Array<{ ranked: RankedSentences; points: KeyPoint[] }>, lang: string): void {
  const holder = group.find((entry) => entry.points.length === 1);
  const first = holder?.points[0];
  if (!holder || !first) return;
  const candidates: Array<{ leans: boolean; entry: (typeof group)[number]; point: KeyPoint; words: number }> = [];
  for (const entry of group) {
    // The best-ranked sentences of each paragraph, and the chosen one: pairs are tried two by two, so a paragraph of
    // thousands of sentences must not make that quadratic in its length.
    const considered = entry.ranked.ranked.filter((candidate, rank) => rank < FILL_CANDIDATES || candidate.sentence === first.sentence);
    for (const candidate of considered) {
      // A sentence that cannot be shortened to a point may still pair with a short one, whole, when the two fit.
      const text = candidate.sentence === first.sentence ? first.text : (candidate.shortened ?? trimPoint(candidate.sentence, lang));
      if (!isSubstantive(text, lang)) continue;
      candidates.push({
        leans: leansOnReference(text) && candidate.sentence !== first.sentence,
        entry,
        point: { text, sentence: candidate.sentence, index: candidate.index, score: candidate.sentence === first.sentence ? first.score + 1 : candidate.score },
        words: countWords(text, lang),
      });
    }
  }
  let best: { pair: [(typeof candidates)[number], (typeof candidates)[number]]; score: number } | undefined;
  for (let a = 0; a < candidates.length; a++) {
    for (let b = a + 1; b < candidates.length; b++) {
      const left = candidates[a]!;
      const right = candidates[b]!;
      // The point already chosen stays, with a little more room; a pair without it only when it names no facts.
      const keepsFirst = left.point.sentence === first.sentence || right.point.sentence === first.sentence;
      if (!keepsFirst && carriesFacts(first.sentence)) continue;
      if (
        left.words + right.words > (keepsFirst ? FILLED_SLIDE_WORDS + 4 : FILLED_SLIDE_WORDS) ||
        overlapShare(left.point.sentence, right.point.sentence, lang) >= 0.5
      )
        continue;
      // A point that opens on "this" or "that" may follow, on the slide, a point of its own paragraph said before it.
      const [earlier, later] = left.entry === right.entry ? [left, right].sort((x, y) => x.point.index - y.point.index) : [left, right];
      if (earlier!.leans || (later!.leans && earlier!.entry !== later!.entry)) continue;
      const score = left.point.score + right.point.score;
      if (!best || score > best.score) best = { pair: [left, right], score };
    }
  }
  if (!best) {
    // No pair of sentences fits: a long point that joins two parts ("A: B", "A, a B") shows them as two.
    const halves = countWords(first.text, lang) > POINT_WORD_LIMIT ? splitPoint(first.text, lang) : undefined;
    if (halves) holder.points = halves.map((text) => ({ ...first, text }));
    return;
  }
  for (const entry of group) entry.points = [];
  for (const chosen of best.pair) chosen.entry.points.push(chosen.point);
  for (const entry of group) entry.points.sort((a, b) => a.index - b.index);
}

/**
 * The section's takeaway (src/outline/takeaways.ts): its most central claim over all its paragraphs, in the words a
 * slide showed it in when one did.
 */
function sectionConclusion(section: Section, content: Draft[], sourceOf: (text: string) => string | undefined, lang: string): string | undefined {
  const shown = new Map<string, string>();
  const walk = (points: Point[] | undefined): void => {
    for (const point of points ?? []) {
      const sentence = sourceOf(point.text);
      if (sentence !== undefined && !shown.has(sentence)) shown.set(sentence, point.text);
      walk(point.children);
    }
  };
  for (const draft of content) {
    if (draft.subtitle !== undefined) walk([{ text: draft.subtitle }]);
    walk(draft.points);
  }
  const paragraphs: string[] = [];
  const leadIns = new Set<number>();
  section.blocks.forEach((block, index) => {
    if (block.kind !== 'paragraph') return;
    const next = section.blocks[index + 1];
    if (next && LEAD_BLOCKS.has(next.kind)) leadIns.add(paragraphs.length);
    paragraphs.push(block.text);
  });
  return sectionTakeaway({ title: section.title ?? '', paragraphs, shown, leadIns }, lang)?.text;
}

/** Blocks a paragraph may introduce ("The snippet below…", "One engineer put it this way:"). */
const LEAD_BLOCKS: ReadonlySet<string> = new Set(['list', 'quote', 'code', 'table', 'image', 'html']);

/** Remembers which sentence each line of a slide made from one paragraph came from: its lead first, then its points. */
function recordSources(slide: Pick<Draft, 'subtitle' | 'points' | 'sources'>, state: OutlineState): void {
  const texts = [...(slide.subtitle !== undefined ? [slide.subtitle] : []), ...(slide.points ?? []).map((point) => point.text)];
  if (slide.sources?.length !== texts.length) return;
  texts.forEach((text, index) => state.sourceOf.set(text, slide.sources![index]!));
}

/** Titles for slides the author did not title: from their content, distinct from every other title in the deck. */
function assignTitles(drafts: Draft[], state: OutlineState, lang: string, found: Map<Draft, string[]> = new Map()): void {
  const used = new Set<string>();
  const numbered = new Map<string, number>();
  const key = (title: string): string => title.trim().toLowerCase();
  for (const draft of drafts) {
    if (draft.title !== undefined && (state.authored.has(draft) || !CONTENT_LAYOUTS.has(draft.layout))) used.add(key(draft.title));
    if (draft.section) used.add(key(draft.section));
  }
  for (const draft of drafts) {
    if (!CONTENT_LAYOUTS.has(draft.layout) || state.authored.has(draft)) continue;
    // A slide that shows a view beside its refutation is titled by the refutation: the view is not the slide's claim.
    const refutation = refutationTitle(draft, state, lang);
    const candidates = [...(refutation ? [refutation] : []), ...(found.get(draft) ?? contentTitles(draft, lang))];
    const chosen = candidates.find((candidate) => !used.has(key(candidate)));
    const title = chosen ?? fallbackTitle(draft, candidates, used, numbered, lang);
    draft.title = title;
    // A title that is one of the slide's points carries it as the headline: the body shows the rest, and the notes keep
    // its sentence marked as shown. Only a point the notes hold: an explicit slide's points are all the text it has.
    const inNotes = (text: string): boolean => {
      const sentence = state.sourceOf.get(text);
      return sentence !== undefined && draft.notes.some((note) => note.includes(sentence));
    };
    const carried =
      draft.layout === 'points' && (draft.points?.length ?? 0) >= MIN_POINTS_BESIDE_CARRIED + 1
        ? draft.points!.findIndex((point) => !point.children?.length && saysPoint(title, point.text) && inNotes(point.text))
        : -1;
    if (carried >= 0) draft.points = draft.points!.filter((_, index) => index !== carried);
    else if (!listSeries(draft, title, inNotes, lang)) replaceTitledPoint(draft, title, inNotes, state, lang);
    // A timeline titled from its lead line need not show the line too: the notes keep it, marked as said. Nor need a
    // figure slide, when its title opens the line and the line states no figure the title leaves out: the figures below
    // show the rest of its claim. Only a line the notes hold: an explicit slide's lead is all the text it has.
    const lead = draft.subtitle;
    const leadInNotes = lead !== undefined && inNotes(lead);
    if (leadInNotes && draft.layout === 'timeline' && restates(title, lead, lang)) delete draft.subtitle;
    if (leadInNotes && draft.layout === 'figure' && saysLead(title, lead, lang)) delete draft.subtitle;
    used.add(key(title));
  }
}

/**
 * A slide whose point names a series ("We recommend a fund, fees, and a move to honest prices") shows it as a list under
 * its lead, when the slide's only other point is the one its title already says ("No single tool is enough"): the
 * audience reads three short items instead of the title twice and one long line. The notes keep both sentences.
 */
function listSeries(draft: Draft, title: string, inNotes: (text: string) => boolean, lang: string): boolean {
  const points = draft.points ?? [];
  if (draft.layout !== 'points' || points.length === 0 || points.length > 2 || points.some((point) => point.children?.length)) return false;
  const found = points.map((point) => findSeries(point.text, lang));
  const at = found.findIndex((series) => series !== undefined);
  const series = found[at];
  if (!series || !inNotes(points[at]!.text)) return false;
  const others = points.filter((_, index) => index !== at);
  // The title says the other point, or (alone on its slide) the series point is not what the title opens with.
  const titled = others.length === 1 ? saysPoint(title, others[0]!.text) && inNotes(others[0]!.text) : !opensPoint(title, points[at]!.text, lang);
  if (!titled) return false;
  draft.layout = 'list';
  draft.subtitle = `${series.lead}:`;
  draft.points = series.items.map((text) => ({ text }));
  return true;
}

/** Visible words a slide may reach when a point its title says gives way to another of its sentences. */
const REPLACED_SLIDE_WORDS = 32;

/**
 * A slide whose title says one of its points word for word shows another sentence of its paragraphs in that point's
 * place, so the audience reads the claim once and learns something more: "R1 is derivative of larger models" over
 * "DeepSeek could not have developed R1 without …". The best spare that says something new and keeps the slide near
 * 30 visible words; none, and the slide stays as it was. The notes mark the new sentence as shown.
 */
function replaceTitledPoint(draft: Draft, title: string, inNotes: (text: string) => boolean, state: OutlineState, lang: string): void {
  const points = draft.points ?? [];
  if (draft.layout !== 'points' || points.length < MIN_POINTS_BESIDE_CARRIED || points.some((point) => point.children?.length)) return;
  const said = points.findIndex((point) => saysPoint(title, point.text) && inNotes(point.text));
  if (said < 0) return;
  const kept = points.filter((_, index) => index !== said);
  const keptWords = countWords(title, lang) + kept.reduce((sum, point) => sum + countWords(point.text, lang), 0);
  const keptSentences = kept.map((point) => state.sourceOf.get(point.text) ?? point.text);
  const spare = (state.spares.get(draft.notes)?.() ?? []).find(
    (candidate) =>
      keptWords + countWords(candidate.text, lang) <= REPLACED_SLIDE_WORDS &&
      !repeatsPoint(title, candidate.text, lang) &&
      !opensPoint(title, candidate.text, lang) &&
      keptSentences.every((sentence) => overlapShare(candidate.sentence, sentence, lang) < 0.5),
  );
  if (!spare) return;
  const notes = draft.notes.join('\n');
  const place = (sentence: string): number => notes.indexOf(sentence);
  const next: Point = { text: spare.text };
  state.sourceOf.set(next.text, spare.sentence);
  draft.points = [...kept, next].sort((a, b) => place(state.sourceOf.get(a.text) ?? '') - place(state.sourceOf.get(b.text) ?? ''));
  draft.sources = [...(draft.sources ?? []), spare.sentence];
}

/**
 * "It's not quite that simple" → "Not quite that simple": a slide's refutation as its headline, without the opener that
 * points back at the view (its referent, though on the slide, would leave the title open).
 */
function refutationTitle(draft: Draft, state: OutlineState, lang: string): string | undefined {
  const point = draft.points?.find((candidate) => state.refutations.has(candidate.text));
  if (!point) return undefined;
  const title = point.text
    .replace(/^(?:but|however|yet),?\s+/i, '')
    .replace(/^(?:it|that|this)(?:[’']s|\s+is|\s+was)\s+(?=not\b)/i, '')
    .replace(/[\s.!;:,]+$/, '');
  const headline = title.charAt(0).toUpperCase() + title.slice(1);
  return countWords(headline, lang) <= TITLE_WORD_LIMIT && isWholeTitle(headline, lang) ? headline : undefined;
}

/** Whether a title says a figure slide's lead line: restates or opens it, and leaves none of its numbers out. */
function saysLead(title: string, lead: string, lang: string): boolean {
  const numbers = lead.match(/\d[\d,.]*/g) ?? [];
  return (restates(title, lead, lang) || opensPoint(title, lead, lang)) && numbers.every((number) => title.includes(number));
}

/** Points a slide keeps beside the one its title carries. */
const MIN_POINTS_BESIDE_CARRIED = 2;

const CONTENT_LAYOUTS: ReadonlySet<string> = new Set(['points', 'comparison', 'quote', 'figure', 'timeline', 'list', 'code', 'table', 'image', 'html']);

/**
 * Figures are titled by what they show together: their paragraph's short sentence that states it without a figure
 * ("Smaller measures cost less but add up"), when it has one. It is not on the slide, so the title repeats nothing.
 */
function figureTopic(draft: Draft, lang: string): string | undefined {
  if (draft.layout !== 'figure') return undefined;
  return draft.notes
    .flatMap((note) => splitSentences(note, lang))
    .find((sentence) => !/\d/.test(sentence) && hasAtMostWords(sentence, TITLE_WORD_LIMIT, lang) && isSubstantive(sentence, lang));
}

/** The texts a slide's title is drawn from, its main text first. */
function titleTexts(draft: Draft): string[] {
  const texts: string[] = [];
  const walk = (points: Point[] | undefined): void => {
    for (const point of points ?? []) {
      texts.push(point.text);
      walk(point.children);
    }
  };
  // A comparison is titled by the claim its two sides answer; a figure, quote or list by the sentence that leads in.
  if ((draft.layout === 'comparison' || LEAD_LAYOUTS.has(draft.layout)) && draft.subtitle) texts.push(draft.subtitle);
  if (draft.quote) texts.push(draft.quote.text);
  for (const figure of draft.figures ?? []) if (figure.caption) texts.push(`${figure.caption}`);
  for (const event of draft.events ?? []) texts.push(event.text);
  walk(draft.points);
  if (draft.table) texts.push(draft.table.header.join(', '));
  if (draft.image) texts.push(draft.image.title ?? '', draft.image.alt);
  if (texts.filter(Boolean).length === 0) texts.push(...draft.notes);
  return texts.filter(Boolean);
}

/** A distinct title when every candidate is taken: a longer cut of the slide's text, else its layout's name and place. */
/**
 * Titles from a slide's own content, best first: its figure's topic, then its points and notes. What a slide shows does
 * not change between its section's outline and titling, so a section works them out for its slides
 * (`outlineTitledSection`), on whichever thread outlines it.
 */
function contentTitles(draft: Draft, lang: string): string[] {
  const topic = figureTopic(draft, lang);
  return [...(topic ? titleCandidates([topic], lang) : []), ...titleCandidates(titleTexts(draft), lang, draft.layout === 'quote')];
}

/**
 * A title no other slide has: the slide's opening words, else its best candidate numbered. `numbered` remembers, for
 * each candidate, the number its last slide took: titles are only ever added to `used`, so every number below it is
 * still taken (a book whose chapters repeat a title counted up from 2 again for each slide).
 */
function fallbackTitle(draft: Draft, candidates: string[], used: Set<string>, numbered: Map<string, number>, lang: string): string {
  const text = titleTexts(draft).join(' ');
  const words = countWords(text, lang);
  // Cut at word boundaries as the language has them (a Chinese text has no spaces to split at).
  for (let length = 3; length <= Math.min(TITLE_WORD_LIMIT, words); length++) {
    const title = cutAtWord(text, length, lang).replace(/[\s,;:.—–\-，。；：、]+$/u, '');
    if (title && !used.has(title.toLowerCase())) return title;
  }
  const base = candidates[0] ?? draft.section ?? draft.layout;
  for (let n = numbered.get(base.toLowerCase()) ?? 2; ; n++) {
    const title = `${base} ${n}`;
    if (!used.has(title.toLowerCase())) {
      numbered.set(base.toLowerCase(), n);
      return title;
    }
  }
}

/** About a minute for each content slide, a few seconds for the slides that frame the talk. */
function plannedSeconds(slides: Slide[]): number {
  return slides.reduce((sum, slide) => sum + (PLANNED_SECONDS[slide.layout] ?? CONTENT_SLIDE_SECONDS), 0);
}

/**
 * Prefix of every slide id. Slide ids come from the article's titles and share the page's id space with the ids the
 * templates and the runtime rely on (`lectern-config`, …): none of those starts with it, so no title can clobber them
 * (tests/render/id-namespace.test.ts checks every id in templates/ and src/present/).
 */
export const SLIDE_ID_PREFIX = 's-';

/** Assigns unique ids and timings. */
function finishSlides(drafts: Draft[], wpm: number, lang: string): Slide[] {
  const used = new Set<string>();
  // The next suffix to try per slug, so a title repeated a thousand times costs a thousand steps, not a million.
  const nextSuffix = new Map<string, number>();
  return drafts.map((draft, index) => {
    const base = SLIDE_ID_PREFIX + (index === 0 ? 'title' : slugify(draft.title ?? draft.layout));
    let id = base;
    let n = nextSuffix.get(base) ?? 2;
    while (used.has(id)) id = `${base}-${n++}`;
    nextSuffix.set(base, n);
    used.add(id);
    const slide: Slide = { id, ...draft, timing: 0 };
    slide.timing = slideSeconds(slide, visibleText(slide), wpm, lang);
    return slide;
  });
}

/** All text a slide shows, for timing and coverage. */
export function visibleText(slide: Slide): string {
  const parts: string[] = [slide.title ?? '', slide.subtitle ?? ''];
  const walk = (points: Point[] | undefined): void => {
    for (const point of points ?? []) {
      parts.push(point.text);
      walk(point.children);
    }
  };
  walk(slide.points);
  if (slide.quote) parts.push(slide.quote.text, slide.quote.attribution ?? '');
  // A figure reads as its value and caption together, as written in an explicit figure list ("$40 — a year of oil").
  for (const figure of slide.figures ?? []) parts.push(figure.caption ? `${figureText(figure)} — ${figure.caption}` : figureText(figure));
  // An event reads as its date and text together, as written in an explicit timeline ("2019 — The council …").
  for (const event of slide.events ?? []) parts.push(event.date ? `${event.date} — ${event.text}` : event.text);
  if (slide.code) parts.push(slide.code.code);
  if (slide.table) for (const cell of [slide.table.header, ...slide.table.rows].flat()) parts.push(cell);
  if (slide.image) parts.push(slide.image.alt);
  return parts.filter(Boolean).join(' ');
}

export { blockText };
