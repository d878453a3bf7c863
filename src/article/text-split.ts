/** Divides a long text without headings into sections, cutting where neighbouring paragraphs share fewest words. */
import type { Block, Section } from './types.js';
import { blockText } from './block-text.js';

const STOP_WORDS = new Set(
  (
    'about above after again against all also although among and another any are aren around because been before being ' +
    'below between both but can cannot could did does doing done down during each either else even ever every few for ' +
    'from further had has have having her here hers herself him himself his how however into its itself just least less ' +
    'like made make makes many may might more most much must near neither never not now off once one only onto other ' +
    'others our ours out over own perhaps quite rather really said same see seem seems several shall she should since ' +
    'some still such than that the their theirs them themselves then there these they thing things this those though ' +
    'through thus too toward towards under until upon very was way ways well were what whatever when where whether ' +
    'which while who whom whose why will with within without would yet you your yours first second third new also ' +
    'almost already always anything enough far get gets got going good great just know last long look lot lots mean ' +
    'means need next often part put say says take takes tell thought two use used uses using want whole year years ' +
    'later earlier small smaller little large larger big bigger high higher low lower early late live lives different ' +
    'important certain possible real able kind sort back today something nothing everything someone people time times ' +
    'day days twice instead example fact case point number level end began become became becomes come comes came ' +
    'give gives gave given keep keeps kept find found show shows shown help helps tend tends left right three four five'
  ).split(' '),
);

interface Profile {
  /** Significant word (lower case) → count. */
  counts: Map<string, number>;
  /** Significant word (lower case) → a surface form to show, lower case unless always capitalised. */
  surface: Map<string, string>;
  words: number;
}

function profile(text: string): Profile {
  const counts = new Map<string, number>();
  const surface = new Map<string, string>();
  let words = 0;
  for (const m of text.matchAll(/\p{L}[\p{L}\p{M}'’-]*/gu)) {
    words++;
    const word = m[0].replace(/['’]s$/u, '').replace(/[-'’]+$/u, '');
    const key = word.toLowerCase();
    if (key.length < 3 || STOP_WORDS.has(key)) continue;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    const seen = surface.get(key);
    if (seen === undefined || word === key) surface.set(key, word);
  }
  return { counts, surface, words };
}

function merge(profiles: Profile[]): Profile {
  const counts = new Map<string, number>();
  const surface = new Map<string, string>();
  let words = 0;
  for (const p of profiles) {
    words += p.words;
    for (const [w, n] of p.counts) counts.set(w, (counts.get(w) ?? 0) + n);
    for (const [w, form] of p.surface) if (!surface.has(w) || form === w) surface.set(w, form);
  }
  return { counts, surface, words };
}

function overlap(a: Profile[], b: Profile[]): number {
  const left = new Set(a.flatMap((p) => [...p.counts.keys()]));
  const right = new Set(b.flatMap((p) => [...p.counts.keys()]));
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const w of left) if (right.has(w)) shared++;
  return shared / (left.size + right.size - shared);
}

/** How many sections a text of `blocks` paragraphs and `words` words should become (about 5–8 paragraphs each). */
function sectionCount(blocks: number, words: number): number {
  return Math.min(blocks, Math.max(Math.ceil(blocks / 7), Math.round(words / 700)));
}

const MIN_SECTION = 5;
const MAX_SECTION = 8;

function cutPoints(blocks: Block[], profiles: Profile[], count: number): number[] {
  const n = blocks.length;
  const cuts: number[] = [];
  let prev = 0;
  for (let j = 1; j < count; j++) {
    // Aim at an even share of what is left, so one unlucky cut does not leave a tiny or huge section behind it.
    const left = count - j + 1;
    const ideal = prev + Math.round((n - prev) / left);
    const slack = Math.max(1, Math.floor((n - prev) / left / 4));
    const lo = Math.max(prev + 1, ideal - slack, prev + Math.min(MIN_SECTION, Math.floor((n - prev) / left)));
    const hi = Math.max(lo, Math.min(n - (left - 1), ideal + slack, prev + MAX_SECTION));
    let best = Math.min(Math.max(ideal, lo), hi);
    let bestScore = Infinity;
    for (let c = lo; c <= hi; c++) {
      const isBreak = blocks[c - 1]?.kind === 'break' || blocks[c]?.kind === 'break';
      const score = isBreak ? -1 : overlap(profiles.slice(Math.max(0, c - 2), c), profiles.slice(c, c + 2));
      if (score < bestScore || (score === bestScore && Math.abs(c - ideal) < Math.abs(best - ideal))) {
        best = c;
        bestScore = score;
      }
    }
    cuts.push(best);
    prev = best;
  }
  return cuts;
}

/**
 * "Cost, turbines and tides": the section's most distinctive frequent words, favouring its opening paragraph (where
 * writers usually state the topic) and disfavouring -ly adverbs, which say little about a topic.
 */
function titles(parts: Profile[], openings: Profile[]): string[] {
  const df = new Map<string, number>();
  for (const p of parts) for (const w of p.counts.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  /** Title → highest number appended to it so far, so repeated titles cost no search. */
  const used = new Map<string, number>();
  return parts.map((p, index) => {
    const opening = openings[index]!.counts;
    const repeated = [...p.counts.entries()].filter(([, tf]) => tf >= 2);
    const ranked = (repeated.length >= 3 ? repeated : [...p.counts.entries()])
      .map(([w, tf]) => {
        const weight = (tf + Math.min(2, opening.get(w) ?? 0)) * Math.log(1 + parts.length / (df.get(w) ?? 1));
        return { w, score: w.endsWith('ly') && w.length > 5 ? weight * 0.3 : weight };
      })
      .sort((a, b) => b.score - a.score || a.w.localeCompare(b.w))
      .slice(0, 3)
      .map(({ w }) => p.surface.get(w) ?? w);
    let title = ranked.length === 0 ? `Part ${index + 1}` : ranked.length === 1 ? ranked[0]! : `${ranked.slice(0, -1).join(', ')} and ${ranked.at(-1)!}`;
    title = title.charAt(0).toUpperCase() + title.slice(1);
    let unique = title;
    for (let k = (used.get(title) ?? 1) + 1; used.has(unique); k++) {
      unique = `${title} (${k})`;
      used.set(title, k);
    }
    used.set(unique, used.get(unique) ?? 1);
    return unique;
  });
}

/** Long texts (≥ 12 paragraphs or ≥ 1,500 words) with no headings become titled sections; otherwise undefined. */
export function splitIntoSections(blocks: Block[]): Section[] | undefined {
  const profiles = blocks.map((b) => profile(blockText(b)));
  const paragraphs = blocks.filter((b) => b.kind !== 'break').length;
  const words = profiles.reduce((sum, p) => sum + p.words, 0);
  if (paragraphs < 12 && words < 1500) return undefined;
  const count = sectionCount(blocks.length, words);
  if (count < 2) return undefined;
  const bounds = [0, ...cutPoints(blocks, profiles, count), blocks.length];
  const parts: Profile[] = [];
  const groups: Block[][] = [];
  for (let j = 0; j + 1 < bounds.length; j++) {
    const group = blocks.slice(bounds[j], bounds[j + 1]);
    groups.push(group);
    parts.push(merge(profiles.slice(bounds[j], bounds[j + 1])));
  }
  const names = titles(
    parts,
    bounds.slice(0, -1).map((b) => profiles[b]!),
  );
  return groups.map((group, j) => ({ title: names[j], line: group[0]!.line, blocks: group }));
}
