/**
 * The glossary of the comparison, written beside every summary.md (as glossary.md, which the
 * summary links to) and kept in the repository as docs/glossary.md (a test holds the two equal).
 */
export const GLOSSARY = `# Glossary of \`leximap compare\`

What the figures and columns in summary.md, compare.csv and compare.json mean. Everything is
counted in **blocks**: the runs of sentences (two by default) the engine codes. A manual code
"has" a block when one of its segments overlaps the block by at least one character (\`--overlap
any\`, the default) or covers at least half of it (\`--overlap half\`). Blocks of excluded
speakers (\`--exclude-speaker\`) are left out of every count, since no concept is coded there.

## The table of a code and a concept

| term | meaning |
|---|---|
| code blocks (a) | blocks that carry the code |
| concept blocks (b) | blocks coded with the concept |
| both | blocks that carry both |
| N | blocks counted in the corpus |
| share of code (\`share_of_code\`) | both / a: how much of the code's text the concept covers |
| share of concept (\`share_of_concept\`) | both / b: how much of the concept's text lies inside the code |
| Jaccard | both / (a + b − both): 1 when the two are the same blocks, 0 when they share none |
| lift | both · N / (a · b): how many times more blocks they share than two unrelated sets of the same sizes would; 1 = chance |
| κ (Cohen's kappa) | agreement of the two yes/no codings of every block beyond what their sizes give by chance: 0 = chance, 1 = identical, below 0 = they avoid each other (Cohen 1960) |
| p | one-sided Fisher exact test: the probability that a set of a blocks drawn at random from N shares at least \`both\` blocks with the concept (hypergeometric upper tail, computed exactly) |
| rotated | the share of the chance rounds (blocks rotated within documents) that share at least as many blocks, counting the observed pair once: a permutation p-value against the runs |
| q | the p-value corrected for testing every code against every concept (Benjamini–Hochberg 1995): among the pairs with q ≤ 0.05, at most 5 % are expected to be flukes |
| name contains | the code's name contains the concept's label or one of its thesaurus terms; worth knowing, since such a pair agrees partly by construction of the words |

## What a match is

A concept **matches** a code when all four hold:

1. **q ≤ 0.05** (\`--alpha\`): their overlap is unlikely to be chance, after correcting for the
   number of pairs tested (codes with blocks × concepts with blocks).
2. **lift ≥ 2** (\`--min-lift\`): they share at least twice the blocks two unrelated sets of the same
   sizes would. With hundreds of blocks a slight tendency can be "significant"; a reader will
   only recognise two codings as the same idea when the overlap is well above chance. Two is the
   same bar the engine uses when it asks whether two terms co-occur above chance (seed ranking).
3. **shared ≥ 20 % of the smaller one's blocks** (\`--min-share\`; both / min(a, b), the overlap
   coefficient): a broad concept and a broad code can share many blocks at a lift above 2 while
   the overlap is a sliver of each; at one block in five of the smaller one, a reader who opens
   the shared quotes sees a real part of it.
4. **more shared blocks than in all but 5 % of the chance rounds** (the same \`--alpha\`, over
   the \`--rounds\` rounds of the chance levels, the concepts' blocks rotated within documents):
   Fisher's test counts blocks as independent, but a code's segments are runs of blocks and so are
   a concept's stretches of talk, and two codings in runs pass it more easily than independent
   blocks would. On PDPilot's segments 57 rotated codings "matched" by Fisher's test alone,
   against 144 real pairs; with this rule 17 do, against 135. A code and a concept that share a
   document but no particular places in it (a code over a whole interview) do not match: that
   is the document κ's business. \`--rounds 0\` drops this condition with the chance levels.

Several concepts may match one code, and one concept several codes. A code **without an
automatic counterpart** is a code with located segments that no concept matches; a concept
**no code covers** is a concept with blocks that matches no code. Both lists give the closest
candidate (the lowest q) so that a near miss can be told from no relation at all.

The **one-to-one assignment** (Hungarian algorithm, maximising total Jaccard) pairs each code
with at most one concept and each concept with at most one code. It is a summary for a reader
who wants a single counterpart per code, not the definition of a match: with more codes than
concepts it must leave codes out.

## The headline figures

| figure | meaning |
|---|---|
| matched pairs | code × concept pairs that pass the rule above |
| coverage | of all (code, block) codings, the share whose block carries a concept matched to that code |
| κ | mean block-level Cohen's κ over the matched pairs |
| Jaccard | mean Jaccard index over the matched pairs |
| best-match F1 | for each code, the best F1 (Dice, 2·both / (a + b)) any concept reaches with it, averaged over the codes; it needs no match and so shows what the best concept per code reaches |
| document κ | Cohen's κ of presence per document, pooled over the matched pairs (a code and its concept either occur in a document or not); MAXQDA's first criterion of intercoder agreement |
| segments located | share of the coded segments found in the analysed documents; below 90 % the figures are about part of the coding only |

## Chance levels

Every figure is printed beside its **chance level**: the same figure computed with the concepts'
blocks **rotated within each document** (each block takes the concepts of the block k places on,
round the end to the start, k drawn per document from a quarter to three quarters of its blocks,
the same for all concepts), so each concept keeps its size, its spread over the documents, its
co-occurrence with the other concepts and its runs of consecutive blocks, while where those runs
lie against the manual codes is broken. Codes are segments, stretches of talk, and concepts code
stretches too: a shuffle would break both, and two codings in runs meet more often than their
shuffled selves whatever they say. The chance
level is the mean over 200 rounds (\`--rounds\`), drawn from a generator seeded with the
analysis seed, so it is the same on every run; the 95th percentile of the rounds is given too.
Figures over matched pairs are recomputed for the same pairs. Rotating within documents leaves
every document's presence as it is, so the document κ is held against blocks shuffled across
the whole corpus instead.

A figure well above its chance level (and above the 95th percentile) says the concepts agree
with the codes more than concepts of the same sizes in the same documents would; a figure near
its chance level says the agreement comes from sizes and from which documents talk about what.

Because codes and concepts cluster in the same interviews, the matched pairs under chance are
not always zero even though each test is corrected: "matched pairs (chance 0.4)" is the number of
pairs the rule would match among concepts unrelated to the codes within the same documents.

## Themes and top-level codes

A theme (the union of its concepts' blocks) is held against each top-level code (the union of
the blocks of every code under it) with the same counts, shares, lift, p and q (corrected over
the theme × top-level code table), and matched by the same rule.

## References

- R. A. Fisher (1934). *Statistical Methods for Research Workers*, 5th ed., §21.02.
- Y. Benjamini and Y. Hochberg (1995). Controlling the false discovery rate. *J. R. Stat. Soc. B* 57, 289–300.
- J. Cohen (1960). A coefficient of agreement for nominal scales. *Educ. Psychol. Meas.* 20, 37–46.
- P. Jaccard (1912). The distribution of the flora in the alpine zone. *New Phytologist* 11, 37–50.
- H. W. Kuhn (1955). The Hungarian method for the assignment problem. *Naval Res. Logist. Q.* 2, 83–97.
`;
