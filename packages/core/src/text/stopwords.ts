/**
 * Stop words on top of the model's own flag: the fillers, hedges and light verbs of transcribed
 * speech, which carry no concept but would otherwise top every interview's counts.
 */
/** The hesitations, backchannels and yes/no words of speech: a hyphenated run of nothing else ("mm-hmm") is no term either. */
export const INTERJECTIONS: readonly string[] = 'um uh er erm hmm hm mm mhm mmm ah oh ooh uh-huh huh yeah yes yep yup nope okay ok kay alright'.split(' ');

export const TRANSCRIPT_FILLERS: readonly string[] = [
  ...INTERJECTIONS,
  ...`
gonna wanna gotta kinda sorta dunno like just really actually basically literally obviously
kind sort type thing things stuff lot lots bit way ways something anything everything nothing
someone anyone everyone somebody anybody everybody somewhere whatever whoever
know mean think guess say tell get got go goes going went gone come came make made take took
want put see look let try use give thank talk ask seem feel keep start need happen
maybe probably pretty quite sure right well also still even much many good great nice big little
able different certain whole same other own real new old
sense point case question part end fact reason aspect one super term example
year month week day
`
    .split(/\s+/)
    .filter((w) => w.length > 0),
];

/** The effective stop set: fillers + user additions (user keep-words are applied by the TextModel). */
export function stopSet(add: readonly string[]): Set<string> {
  const set = new Set(TRANSCRIPT_FILLERS);
  for (const w of add) set.add(w.toLowerCase());
  return set;
}
