import { describe, expect, it } from 'vitest';
import {
  dropIntensifiers,
  dropTrailingPurpose,
  dropTrailingRelative,
  isBackground,
  isCaveat,
  isSubstantive,
  pickPoints,
  POINT_WORD_TARGET,
  rankSentences,
  shortenSentence,
  trimPoint,
  wordFrequencies,
} from '../../src/outline/condense.js';
import { compressClaim, opensPoint, repeatsPoint, subjectPhrase, titleCandidates, TITLE_WORD_TARGET } from '../../src/outline/headline.js';

const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

describe('a point drops a trailing clause that only describes what it names', () => {
  it('drops a restrictive relative clause after the object', () => {
    expect(dropTrailingRelative('Island ferry firms are catching up with their mainland rivals that have run the busiest routes for decades.')).toBe(
      'Island ferry firms are catching up with their mainland rivals',
    );
    // A name with a digit ("V2") is a name, not a figure.
    expect(dropTrailingRelative('The harbour engineers published a long paper that goes into detail on the methods they used for the V2 ferry.')).toBe(
      'The harbour engineers published a long paper',
    );
  });

  it('keeps "At first glance", which marks a view the author goes on to question', () => {
    expect(shortenSentence('At first glance, the island ferry firms are catching up with their mainland rivals that have run the routes.')).toBe(
      'At first glance, the island ferry firms are catching up with their mainland rivals',
    );
  });

  it('aims a point at about twelve words when such a clause is there, and leaves a point that fits alone', () => {
    const point = shortenSentence('In fact, the island ferry firms are catching up with their mainland rivals that have run the routes.');
    expect(point).toBe('The island ferry firms are catching up with their mainland rivals');
    expect(wordCount(point!)).toBeLessThanOrEqual(POINT_WORD_TARGET);
    expect(shortenSentence('The ferry reached the quay that the town built.')).toBe('The ferry reached the quay that the town built');
    expect(shortenSentence('We still need money to finish the pier and to build a new shelter that will keep the rain off.')).toBe(
      'We still need money to finish the pier and to build a new shelter',
    );
  });

  it('keeps a clause that holds a hedge, a negation, a figure or a name', () => {
    const kept = [
      'The island ferry firms are catching up with their mainland rivals that reportedly have run the routes for decades.',
      'The island ferry firms are catching up with their mainland rivals that have never run a night crossing at all.',
      'The island ferry firms are catching up with their mainland rivals that have carried 40,000 passengers every single summer.',
      'The old harbour clock was repaired last spring by a clockmaker who trained for years in Geneva and Basel.',
    ];
    for (const sentence of kept) expect(dropTrailingRelative(sentence), sentence).toBe(sentence);
    expect(isBackground('that have run the routes for decades', 'The firms caught up')).toBe(true);
    expect(isBackground('that may run the routes', 'The firms caught up')).toBe(false);
    expect(isBackground('who trained in Geneva', 'A clockmaker repaired it')).toBe(false);
    expect(isBackground('who trained in Geneva', 'A clockmaker from Geneva repaired it')).toBe(true);
  });

  it('never reads a "that" clause stating a claim, or a superlative, as a clause that can go', () => {
    const kept = [
      // "showed that …": the clause is what was shown.
      'The long harbour survey of the northern coast showed that ferry fares rose faster than wages.',
      // "an indication that …": the clause is the indication.
      'The new timetable gives a clear indication that ferries will run less often in the winter months.',
      // "the oldest … that …": the superlative is true only with its clause.
      'The pier is the oldest wooden structure on a coast that is flooded by the sea twice a day.',
      // "that fares must …": the noun after "that" is a subject.
      'The council adopted a plan that fares must stay below the price of the bus.',
      // "the firm that makes boats" is the subject: its verb follows the clause.
      'Since the storm in the north, the firm that makes boats sold its old yard.',
    ];
    for (const sentence of kept) expect(dropTrailingRelative(sentence), sentence).toBe(sentence);
  });
});

describe('a point drops a connective that only links it to what came before', () => {
  it('drops ", in turn," from a long point and keeps every other word', () => {
    expect(shortenSentence('That, in turn, will lower the island families’ willingness to pay higher winter fares.')).toBe(
      'That will lower the island families’ willingness to pay higher winter fares',
    );
    // A point that fits the target keeps it.
    expect(shortenSentence('Fares, in turn, rose.')).toBe('Fares, in turn, rose');
  });
});

describe('a caveat stays beside the claim it qualifies', () => {
  it('spots a caveat and lets it join its point', () => {
    expect(isCaveat('But it is not that simple.')).toBe(true);
    expect(isCaveat('But the ferry was late.')).toBe(false);
    expect(isCaveat('It is not that simple.')).toBe(false);
    const paragraph = 'At first glance, the island ferry firms look like they are catching up with their mainland rivals. But it isn’t that simple.';
    const points = pickPoints(rankSentences(paragraph, wordFrequencies([paragraph])), 'en', 3).map((point) => point.text);
    expect(points).toContain('It isn’t that simple');
  });

  it('counts a point that leans on what came before but names its subject as saying something', () => {
    expect(isSubstantive('That doesn’t mean the V2 launch failed!')).toBe(true);
    expect(isSubstantive('That’s true… sort of.')).toBe(false);
  });
});

describe('titles say the claim in fewer words than the point', () => {
  it('names the actor rather than what it is called', () => {
    expect(compressClaim('On May 2nd, a small shipyard called Nordvik launched a new electric ferry', 'en')).toBe('Nordvik launched a new electric ferry');
  });

  it('reads "does not signal that …" as the claim, not as a relative clause to drop', () => {
    expect(compressClaim('The ferry does not signal that island fares are ahead of mainland fares', 'en')).toBe(
      'The ferry does not signal island fares are ahead',
    );
  });

  it('drops a short trailing phrase toward seven words, keeping a verb the claim needs', () => {
    const title = compressClaim('The harbour clock was built in 1782 by a clockmaker from Basel', 'en')!;
    expect(title).toBe('The harbour clock was built in 1782');
    expect(wordCount(title)).toBeLessThanOrEqual(TITLE_WORD_TARGET);
    // "… of leavened bread comes" holds the verb: it does not go.
    expect(compressClaim('The earliest evidence of leavened bread comes from the old harbour town', 'en')).not.toBe('The earliest evidence');
  });

  it('never leaves a title open where it was cut: a phrasal verb keeps its particle, an infinitive its phrase, a subject its verb', () => {
    // "… is catching | up": "up" completes the verb, so the cut keeps it.
    expect(compressClaim('A first look suggests that the island is catching up with the mainland ports', 'en')).toBe(
      'A first look suggests island is catching up',
    );
    expect(compressClaim('The ferry did not have to break into the harbour or steal any charts', 'en')).not.toMatch(/to break$/);
    // "… argues that weak protection | of fishing grounds is central …": the cut phrase holds the claim's verb.
    expect(compressClaim('Lund argues that weak protection of fishing grounds is central to the island economy', 'en')).not.toBe('Lund argues weak protection');
    // A verb of a clause of its own may go with its phrase.
    expect(compressClaim('Many skippers are surprised by how forgiving an old wooden hull is', 'en')).toBe('Many skippers are surprised');
  });

  it('never titles a slide by an ordinal without its noun, nor by an infinitive read as a noun phrase', () => {
    const candidates = titleCandidates(['It helps to examine the harbour through three separate lenses', 'The first is the trade in fish'], 'en');
    expect(candidates[0]).toBe('Three separate lenses');
    expect(candidates.filter((candidate) => /^(?:the first|examine)\b/i.test(candidate)).every((candidate) => candidates.indexOf(candidate) > 0)).toBe(true);
  });

  it('knows when a title only repeats a point', () => {
    expect(repeatsPoint('The southern half of the bay was largely stable', 'The southern half of the bay was largely stable')).toBe(true);
    // A short point may stand as its own title.
    expect(repeatsPoint('The main obstacle is price', 'The main obstacle is price')).toBe(false);
    expect(
      opensPoint('The big harbour firms were willing to invest', 'The big harbour firms were willing to invest millions into new quays for larger ships'),
    ).toBe(true);
    expect(opensPoint('Harbour firms invest', 'The big harbour firms were willing to invest millions into new quays')).toBe(false);
  });

  it('titles a slide by its point’s subject instead of repeating the point', () => {
    expect(subjectPhrase('The southern half of the bay was largely stable')).toBe('Southern half of the bay');
    // A subject that holds a negation, a figure or a verb is part of the claim; two plain words say too little.
    expect(subjectPhrase('No single tool of the council is enough')).toBeUndefined();
    expect(subjectPhrase('The survey showed that fares can rise')).toBeUndefined();
    expect(subjectPhrase('Three years is a short record')).toBeUndefined();
    const first = titleCandidates(['The southern half of the bay was largely stable', 'Almost all the loss was in the north'], 'en')[0];
    expect(first).toBe('Southern half of the bay');
  });

  it('in another language, titles a slide by its point’s opening words rather than the whole point', () => {
    const point = 'Les marins du port vivaient avec leurs familles près du phare';
    const first = titleCandidates([point], 'fr')[0]!;
    expect(first).toBe('Les marins du port vivaient');
    expect(point.startsWith(first)).toBe(true);
  });
});

describe('a long point drops a trailing purpose clause that is background', () => {
  it('keeps what was done and leaves why to the notes', () => {
    expect(dropTrailingPurpose('The island ferry firms were willing to spend millions on new piers to win small gains over their rivals.')).toBe(
      'The island ferry firms were willing to spend millions on new piers',
    );
    expect(dropTrailingPurpose('It is no surprise that the council would break the harbour rules to build a cheaper pier of its own.')).toBe(
      'It is no surprise that the council would break the harbour rules',
    );
    // In a point over the target, shortening takes the same step.
    expect(shortenSentence('Up to this point, the island ferry firms were willing to spend millions on new piers to win small gains over their rivals.')).toBe(
      'The island ferry firms were willing to spend millions on new piers',
    );
  });

  it('keeps a "to" that belongs to the verb, the noun or a range, a denied purpose, and a purpose with a figure or a name', () => {
    const kept = [
      // "asked … to make": the object is asked to act.
      'The harbour board asked keepers on several islands to make a record of the same storm.',
      // "a move to honest prices", "a rival to wind": "to" opens a noun phrase.
      'We recommend a harbour fund, fees for small works, and a gradual move to honest ferry prices.',
      'For now, tidal power in the bay is a small, steady supplier rather than a rival to wind and solar.',
      // "from one tide to the next": a range.
      'That rope carried the weight of the whole boat from one tide to the next.',
      // Under "never", the purpose is what is denied.
      'Never pull a mooring line tight across the deck to reach the quay.',
      // A figure or a new name in the purpose carries facts.
      'The island ferry firms were willing to spend millions on new piers to win 40% of the crossings.',
      'The island ferry firms were willing to spend millions on new piers to compete with Northlink.',
      // "to be": what the object is said to be.
      'The keeper claims in his diary on the island to be an honest witness of the storm.',
    ];
    for (const sentence of kept) expect(dropTrailingPurpose(sentence), sentence).toBe(sentence);
  });
});

describe('a long point drops an intensifier that only stresses its claim', () => {
  it('drops "at all" and stressing adverbs, and keeps "at all costs" and hedges', () => {
    expect(dropIntensifiers('It comes as no surprise at all that the ferry was late')).toBe('It comes as no surprise that the ferry was late');
    expect(dropIntensifiers('The pier has no railings at all.')).toBe('The pier has no railings.');
    expect(dropIntensifiers('Smaller firms will naturally take passengers away from the big lines')).toBe(
      'Smaller firms will take passengers away from the big lines',
    );
    for (const kept of ['The pier must be kept open at all costs', 'It is not quite that simple', 'The ferry was only just late'])
      expect(dropIntensifiers(kept)).toBe(kept);
  });
});

describe('a long point keeps the condition its claim holds under', () => {
  it('keeps a leading "if" or "unless" clause, and drops a frame the reader looks through', () => {
    const conditional = shortenSentence('If the harbour wall fails in a winter storm, the lower town floods within an hour of high tide.');
    expect(conditional).toMatch(/^If the harbour wall fails/);
    const unless = shortenSentence('Unless the council raises the quay by half a metre, ferries will miss the spring tides every year.');
    expect(unless).toMatch(/^Unless the council raises the quay/);
    expect(shortenSentence('If we look at the harbour through the lens of trade, the new quay is a small and rather late addition to the town.')).toBe(
      'The new quay is a small and rather late addition to the town',
    );
  });
});

describe('an appositive goes only after a name', () => {
  it('drops the description after a name and keeps the claim', () => {
    expect(trimPoint('Mara Quist, the harbour board’s chair, said the quay would reopen once the storms had passed and the walls were mended.')).toBe(
      'Mara Quist said the quay would reopen once the storms had passed and the walls were mended',
    );
  });

  it('never reads an opening adverb as a name, nor a clause with a colon as its appositive', () => {
    // Read so, "Meanwhile, the old practice remains …: flour, water" lost its subject and verb.
    const sentence = 'Meanwhile, the old practice remains exactly what it was in the first bakeries: flour, water, salt and a little time.';
    expect(trimPoint(sentence)).toContain('the old practice remains');
  });
});
