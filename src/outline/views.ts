/**
 * Views the author reports rather than holds: what others argue ("Some have argued…", "Critics say…", "It is often
 * said…") and how things look ("At first glance…", "On the surface…"). Such a sentence is never the author's
 * conclusion, and when the next sentence rejects it ("But…", "That's not quite right", "In fact…") it is a refuted view.
 * English only: other languages have no markers here, so nothing is flagged in them. Pure.
 */

/** Others, unnamed, holding a view: "some have argued", "critics say", "many believe". */
const OTHERS_HOLD =
  /\b(?:some|many|others|critics|sceptics|skeptics|opponents|proponents|supporters|observers|commentators|pundits|analysts|people|economists|experts)\s+(?:have\s+|had\s+|would\s+|might\s+|may\s+|will\s+|often\s+|still\s+)?(?:argue[ds]?|argued|say|said|claim(?:ed|s)?|believe[ds]?|think|thought|assume[ds]?|suggest(?:ed|s)?|contend(?:ed|s)?|insist(?:ed|s)?|maintain(?:ed|s)?|fear(?:ed|s)?|worry|worried|hold)\b/i;
/** A view nobody owns: "it is often said", "the conventional wisdom", "one might think". */
const IMPERSONAL_VIEW =
  /\b(?:it\s+(?:is|was|has\s+been)\s+(?:often\s+|widely\s+|commonly\s+|sometimes\s+|generally\s+|frequently\s+|long\s+)?(?:said|argued|claimed|believed|assumed|thought|suggested|held)|conventional\s+wisdom|the\s+(?:common|popular|usual|received)\s+(?:view|story|wisdom|assumption)|(?:one|you|we)\s+(?:might|may|could|would)\s+(?:think|expect|assume|argue|conclude|be\s+forgiven\s+for\s+thinking))\b/i;
/** How something looks before the author looks closer: "at first glance", "on the surface", "seemingly". */
const APPEARANCE =
  /\b(?:at\s+first\s+(?:glance|sight|blush)|on\s+(?:the\s+surface|its\s+face|paper)|seemingly|superficially|to\s+all\s+appearances|(?:may|might|could)\s+(?:seem|look|appear))\b/i;

/** The sentence that rejects the view before it. */
const REFUTATION =
  /^(?:but|however|yet|still|in\s+fact|actually|in\s+reality|in\s+truth|not\s+so|wrong|on\s+closer\s+(?:inspection|look)|a\s+closer\s+look|the\s+(?:truth|reality)\s+is|nothing\s+could\s+be\s+further|(?:this|that|it)(?:’s|'s|\s+is|\s+was)\s+(?:simply\s+|just\s+)?(?:not|wrong|false|a\s+myth|mistaken|untrue|incorrect)|(?:this|that|it)\s+(?:does|did)\s*(?:not|n’t|n't)\s+(?:hold|follow|stand\s+up))\b/i;

/** Whether a sentence reports a view the author does not state as their own (others', or an appearance). */
export function statesView(sentence: string): boolean {
  return OTHERS_HOLD.test(sentence) || IMPERSONAL_VIEW.test(sentence) || APPEARANCE.test(sentence);
}

/** Whether a sentence opens by rejecting what was said before it. */
export function refutes(sentence: string): boolean {
  return REFUTATION.test(sentence.trim().replace(/^[“"‘']/, ''));
}

/**
 * Indexes of the sentences that state a view the author goes on to reject: a view (`statesView`) followed, in the
 * next sentence or the one after, by a refutation. `after` is what follows the sentences (the next paragraph's
 * opening), so a view at a paragraph's end may be refuted at the next one's start.
 */
export function refutedViews(sentences: readonly string[], after: readonly string[] = []): Set<number> {
  const following = [...sentences, ...after];
  const refuted = new Set<number>();
  sentences.forEach((sentence, index) => {
    if (!statesView(sentence)) return;
    const next = following.slice(index + 1, index + 3);
    // The second sentence after counts only when the first does not move on to a view of its own.
    if (next[0] !== undefined && refutes(next[0])) refuted.add(index);
    else if (next[1] !== undefined && !statesView(next[0] ?? '') && refutes(next[1])) refuted.add(index);
  });
  return refuted;
}
