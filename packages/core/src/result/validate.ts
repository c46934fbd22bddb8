/**
 * Validation of a result read from disk, against the contract in `schema.ts`. Hand-written checks
 * (no schema library): each failure names the path of the bad value, what it is and what was
 * expected. Unknown extra fields are allowed, so a result stays readable within its schema
 * version; a newer schema version is refused with a request to upgrade.
 *
 * The columns of a 100k-block result are checked with plain loops; paths are only built for
 * the message of the first failure.
 */
import { LeximapError } from '../errors.ts';
import { SCHEMA_VERSION } from './schema.ts';
import type { LeximapResult } from './schema.ts';

type Json = Record<string, unknown>;

class Checker {
  constructor(readonly file: string | undefined) {}

  fail(path: string, message: string): never {
    throw new LeximapError('E_BAD_RESULT', `${path}: ${message}`, this.file === undefined ? {} : { file: this.file });
  }

  object(value: unknown, path: string): Json {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(path, `got ${describe(value)}, expected an object`);
    return value as Json;
  }

  array(value: unknown, path: string): unknown[] {
    if (!Array.isArray(value)) this.fail(path, `got ${describe(value)}, expected an array`);
    return value;
  }

  string(value: unknown, path: string): string {
    if (typeof value !== 'string') this.fail(path, `got ${describe(value)}, expected a string`);
    return value;
  }

  boolean(value: unknown, path: string): boolean {
    if (typeof value !== 'boolean') this.fail(path, `got ${describe(value)}, expected true or false`);
    return value;
  }

  number(value: unknown, path: string): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(path, `got ${describe(value)}, expected a finite number`);
    return value;
  }

  /** An integer in `[min, max)`. */
  integer(value: unknown, path: string, min = -Infinity, max = Infinity): number {
    if (typeof value !== 'number' || !Number.isInteger(value)) this.fail(path, `got ${describe(value)}, expected an integer`);
    if (value < min || value >= max) this.fail(path, `got ${value}, expected an integer from ${min} to ${max - 1}`);
    return value;
  }

  oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
    if (!allowed.includes(value as T)) this.fail(path, `got ${describe(value)}, expected one of ${allowed.join(', ')}`);
    return value as T;
  }

  strings(value: unknown, path: string): string[] {
    const list = this.array(value, path);
    for (let i = 0; i < list.length; i++) this.string(list[i], `${path}[${i}]`);
    return list as string[];
  }

  numbers(value: unknown, path: string): number[] {
    const list = this.array(value, path);
    for (let i = 0; i < list.length; i++) this.number(list[i], `${path}[${i}]`);
    return list as number[];
  }

  /** An array of integers in `[min, max)`, checked without building a path per entry. */
  integers(value: unknown, path: string, min = -Infinity, max = Infinity, length?: { n: number; what: string }): number[] {
    const list = this.array(value, path);
    if (length !== undefined && list.length !== length.n) this.fail(path, `has ${list.length} entries, expected ${length.what} = ${length.n}`);
    for (let i = 0; i < list.length; i++) {
      const v = list[i];
      if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v >= max) this.integer(v, `${path}[${i}]`, min, max);
    }
    return list as number[];
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const PARAMETER_NUMBERS = [
  'seed', 'concepts', 'blockSentences', 'themeSize', 'learningThreshold', 'codingThreshold', 'minSupport', 'maxTerms',
  'maxIterations', 'convergence', 'mergeThreshold', 'seedSimilarity', 'minBlocks', 'maxBlockShare', 'nameShare',
  'layoutStarts', 'layoutIterations', 'quotesPerConcept', 'quotesPerPair', 'maxQuotedPairs',
] as const;
const PARAMETER_BOOLEANS = ['respectParagraphs', 'mergeVariants', 'names'] as const;
const PARAMETER_STRING_LISTS = ['stopwords', 'keepwords', 'excludeSpeakers', 'markup'] as const;
const KINDS = ['word', 'name', 'user', 'tag'] as const;
const LAYOUT_MODES = ['gaussian', 'linear'] as const;

/** An optional sentiment summary: mean in [−1, 1], shares in [0, 1], a count of blocks. */
function checkSentiment(c: Checker, value: unknown, path: string): void {
  if (value === undefined) return;
  const s = c.object(value, path);
  for (const [key, min] of [['mean', -1], ['positive', 0], ['negative', 0]] as const) {
    const x = c.number(s[key], `${path}.${key}`);
    if (x < min || x > 1) c.fail(`${path}.${key}`, `got ${x}, expected a number from ${min} to 1`);
  }
  c.integer(s.blocks, `${path}.blocks`, 1);
}

function checkParameters(c: Checker, value: unknown): void {
  const p = c.object(value, 'parameters');
  for (const key of PARAMETER_NUMBERS) c.number(p[key], `parameters.${key}`);
  for (const key of PARAMETER_BOOLEANS) c.boolean(p[key], `parameters.${key}`);
  for (const key of PARAMETER_STRING_LISTS) c.strings(p[key], `parameters.${key}`);
  c.oneOf(p.layoutMode, 'parameters.layoutMode', LAYOUT_MODES);
  c.string(p.lang, 'parameters.lang');
  if (p.conceptsRequested !== 'auto') c.number(p.conceptsRequested, 'parameters.conceptsRequested');
  if (p.sentiment !== undefined) c.boolean(p.sentiment, 'parameters.sentiment');
  if (p.langRequested !== undefined) c.string(p.langRequested, 'parameters.langRequested');
  if (p.languages !== undefined) for (const [lang, n] of Object.entries(c.object(p.languages, 'parameters.languages'))) c.integer(n, `parameters.languages.${lang}`, 1);
  const merges = c.object(p.merges, 'parameters.merges');
  for (const [term, folded] of Object.entries(merges)) c.strings(folded, `parameters.merges.${term}`);
  const seeds = c.object(p.seeds, 'parameters.seeds');
  const add = c.array(seeds.add, 'parameters.seeds.add');
  add.forEach((entry, i) => {
    const e = c.object(entry, `parameters.seeds.add[${i}]`);
    c.string(e.label, `parameters.seeds.add[${i}].label`);
    c.strings(e.terms, `parameters.seeds.add[${i}].terms`);
  });
  c.strings(seeds.remove, 'parameters.seeds.remove');
  c.strings(seeds.freeze, 'parameters.seeds.freeze');
}

function checkComparison(c: Checker, value: unknown, concepts: number, blocks: number): void {
  const r = c.object(value, 'comparison');
  c.string(r.source, 'comparison.source');
  const codes = c.array(r.codes, 'comparison.codes');
  codes.forEach((entry, i) => {
    const path = `comparison.codes[${i}]`;
    const code = c.object(entry, path);
    c.string(code.name, `${path}.name`);
    c.strings(code.path, `${path}.path`);
    if (code.colour !== undefined) c.string(code.colour, `${path}.colour`);
    c.integer(code.segments, `${path}.segments`, 0);
    c.integer(code.blocks, `${path}.blocks`, 0);
    c.integer(code.blocksHalf, `${path}.blocksHalf`, 0);
    c.integer(code.concept, `${path}.concept`, -1, concepts);
    if (code.blockList !== undefined) c.integers(code.blockList, `${path}.blockList`, 0, blocks);
  });
  c.array(r.cells, 'comparison.cells').forEach((entry, i) => {
    const path = `comparison.cells[${i}]`;
    const cell = c.object(entry, path);
    c.integer(cell.concept, `${path}.concept`, 0, concepts);
    c.integer(cell.code, `${path}.code`, 0, codes.length);
    c.integer(cell.both, `${path}.both`, 0);
    for (const key of ['jaccard', 'lift', 'kappa'] as const) c.number(cell[key], `${path}.${key}`);
    for (const key of ['codeBlocks', 'conceptBlocks'] as const) if (cell[key] !== undefined) c.integer(cell[key], `${path}.${key}`, 0);
    for (const key of ['codeShare', 'conceptShare', 'p', 'q', 'rotated'] as const) if (cell[key] !== undefined) c.number(cell[key], `${path}.${key}`);
    if (cell.matched !== undefined) c.boolean(cell.matched, `${path}.matched`);
    if (cell.named !== undefined) c.string(cell.named, `${path}.named`);
    if (cell.quotes !== undefined) c.integers(cell.quotes, `${path}.quotes`, 0, blocks);
  });
  for (const list of ['bestMatch', 'assignment'] as const) {
    c.array(r[list], `comparison.${list}`).forEach((entry, i) => {
      const path = `comparison.${list}[${i}]`;
      const match = c.object(entry, path);
      c.integer(match.code, `${path}.code`, 0, codes.length);
      c.integer(match.concept, `${path}.concept`, 0, concepts);
      c.number(match.jaccard, `${path}.jaccard`);
      c.number(match.kappa, `${path}.kappa`);
    });
  }
  c.number(r.coverage, 'comparison.coverage');
  c.number(r.documentKappa, 'comparison.documentKappa');
  c.array(r.themeCells, 'comparison.themeCells').forEach((entry, i) => {
    const path = `comparison.themeCells[${i}]`;
    const cell = c.object(entry, path);
    c.integer(cell.theme, `${path}.theme`, 0);
    c.string(cell.code, `${path}.code`);
    c.integer(cell.both, `${path}.both`, 0);
    c.number(cell.jaccard, `${path}.jaccard`);
    c.number(cell.kappa, `${path}.kappa`);
    for (const key of ['codeBlocks', 'themeBlocks'] as const) if (cell[key] !== undefined) c.integer(cell[key], `${path}.${key}`, 0);
    for (const key of ['codeShare', 'themeShare', 'lift', 'p', 'q', 'rotated'] as const) if (cell[key] !== undefined) c.number(cell[key], `${path}.${key}`);
    if (cell.matched !== undefined) c.boolean(cell.matched, `${path}.matched`);
  });
  c.array(r.unmatchedCodes, 'comparison.unmatchedCodes').forEach((entry, i) => {
    const path = `comparison.unmatchedCodes[${i}]`;
    const item = c.object(entry, path);
    c.integer(item.code, `${path}.code`, 0, codes.length);
    c.integers(item.quotes, `${path}.quotes`, 0, blocks);
    if (item.closest !== undefined) c.integer(item.closest, `${path}.closest`, 0, concepts);
  });
  c.array(r.uncoveredConcepts, 'comparison.uncoveredConcepts').forEach((entry, i) => {
    const path = `comparison.uncoveredConcepts[${i}]`;
    const item = c.object(entry, path);
    c.integer(item.concept, `${path}.concept`, 0, concepts);
    c.integers(item.quotes, `${path}.quotes`, 0, blocks);
    if (item.closest !== undefined) c.integer(item.closest, `${path}.closest`, 0, codes.length);
  });
  c.number(r.located, 'comparison.located');
  c.strings(r.notes, 'comparison.notes');
  if (r.evidence !== undefined) {
    const e = c.object(r.evidence, 'comparison.evidence');
    c.oneOf(e.test, 'comparison.evidence.test', ['fisher-one-sided'] as const);
    c.oneOf(e.correction, 'comparison.evidence.correction', ['benjamini-hochberg'] as const);
    for (const key of ['alpha', 'minLift', 'minShare'] as const) c.number(e[key], `comparison.evidence.${key}`);
    c.oneOf(e.overlap, 'comparison.evidence.overlap', ['any', 'half'] as const);
    c.integer(e.tests, 'comparison.evidence.tests', 0);
    c.integer(e.themeTests, 'comparison.evidence.themeTests', 0);
  }
  if (r.figures !== undefined) {
    c.array(r.figures, 'comparison.figures').forEach((entry, i) => {
      const path = `comparison.figures[${i}]`;
      const f = c.object(entry, path);
      c.oneOf(f.id, `${path}.id`, ['coverage', 'kappa', 'jaccard', 'f1', 'documentKappa', 'matches'] as const);
      for (const key of ['value', 'chance', 'chanceHigh'] as const) c.number(f[key], `${path}.${key}`);
    });
  }
  if (r.chance !== undefined) {
    const ch = c.object(r.chance, 'comparison.chance');
    c.integer(ch.rounds, 'comparison.chance.rounds', 0);
    c.number(ch.seed, 'comparison.chance.seed');
    c.oneOf(ch.permutation, 'comparison.chance.permutation', ['within-documents', 'rotated-within-documents'] as const);
  }
  if (r.excerpts !== undefined) {
    c.array(r.excerpts, 'comparison.excerpts').forEach((entry, i) => {
      const e = c.object(entry, `comparison.excerpts[${i}]`);
      c.integer(e.block, `comparison.excerpts[${i}].block`, 0, blocks);
      c.string(e.text, `comparison.excerpts[${i}].text`);
    });
  }
}

/**
 * Checks that `json` (a parsed result.json) matches the result contract and returns it typed.
 * Throws `E_BAD_RESULT` naming the first bad value by its path (`blocks.start[12]`) and `file`.
 */
export function validateResult(json: unknown, file?: string): LeximapResult {
  const c = new Checker(file);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    c.fail('result', `got ${describe(json)}, expected a leximap result object`);
  }
  const r = json as Json;

  if (r.schemaVersion === undefined) c.fail('schemaVersion', 'missing: this is not a leximap result');
  const version = c.integer(r.schemaVersion, 'schemaVersion', 1);
  if (version > SCHEMA_VERSION) {
    c.fail('schemaVersion', `the result has schema version ${version}, newer than the ${SCHEMA_VERSION} this leximap reads; upgrade leximap to open it`);
  }

  const generator = c.object(r.generator, 'generator');
  if (generator.name !== 'leximap') c.fail('generator.name', `got ${describe(generator.name)}, expected "leximap"`);
  c.string(generator.version, 'generator.version');
  c.string(generator.nlpModel, 'generator.nlpModel');

  checkParameters(c, r.parameters);

  const corpus = c.object(r.corpus, 'corpus');
  for (const key of ['documents', 'paragraphs', 'sentences', 'blocks', 'tokens', 'terms', 'candidates'] as const) {
    c.integer(corpus[key], `corpus.${key}`, 0);
  }
  const nBlocks = corpus.blocks as number;

  const speakers = c.strings(r.speakers, 'speakers');

  const documents = c.array(r.documents, 'documents');
  if (documents.length !== corpus.documents) {
    c.fail('documents', `has ${documents.length} entries, expected corpus.documents = ${corpus.documents as number}`);
  }
  const lengths: number[] = [];
  let nextBlock = 0;
  documents.forEach((entry, i) => {
    const path = `documents[${i}]`;
    const d = c.object(entry, path);
    c.string(d.id, `${path}.id`);
    c.string(d.name, `${path}.name`);
    if (d.path !== undefined) c.string(d.path, `${path}.path`);
    c.strings(d.tags, `${path}.tags`);
    if (d.encoding !== undefined) c.string(d.encoding, `${path}.encoding`);
    c.strings(d.speakers, `${path}.speakers`);
    const start = c.integer(d.blockStart, `${path}.blockStart`, 0, nBlocks + 1);
    const end = c.integer(d.blockEnd, `${path}.blockEnd`, start, nBlocks + 1);
    if (start !== nextBlock) c.fail(`${path}.blockStart`, `got ${start}, expected ${nextBlock} (documents' blocks follow each other)`);
    nextBlock = end;
    lengths.push(c.integer(d.length, `${path}.length`, 0));
    if (d.lang !== undefined) c.string(d.lang, `${path}.lang`);
  });
  if (nextBlock !== nBlocks) {
    const path = documents.length === 0 ? 'documents' : `documents[${documents.length - 1}].blockEnd`;
    c.fail(path, `ends at block ${nextBlock}, expected corpus.blocks = ${nBlocks}`);
  }

  const concepts = c.array(r.concepts, 'concepts');
  const themes = c.array(r.themes, 'themes');
  const nConcepts = concepts.length;

  const blocks = c.object(r.blocks, 'blocks');
  const rows = { n: nBlocks, what: 'corpus.blocks' };
  const document = c.integers(blocks.document, 'blocks.document', 0, documents.length, rows);
  c.integers(blocks.paragraph, 'blocks.paragraph', 0, Infinity, rows);
  const start = c.integers(blocks.start, 'blocks.start', 0, Infinity, rows);
  const end = c.integers(blocks.end, 'blocks.end', 0, Infinity, rows);
  c.integers(blocks.speaker, 'blocks.speaker', -1, speakers.length, rows);
  c.integers(blocks.excluded, 'blocks.excluded', 0, 2, rows);
  let d = 0;
  for (let b = 0; b < nBlocks; b++) {
    while (d < documents.length && (documents[d] as Json).blockEnd as number <= b) d++;
    if (document[b] !== d) c.fail(`blocks.document[${b}]`, `got ${document[b]!}, expected ${d} (documents[${d}] holds block ${b})`);
    if (start[b]! > end[b]!) c.fail(`blocks.end[${b}]`, `got ${end[b]!}, expected at least blocks.start[${b}] = ${start[b]!}`);
    if (end[b]! > lengths[d]!) c.fail(`blocks.end[${b}]`, `got ${end[b]!}, beyond the end of documents[${d}] (length ${lengths[d]!})`);
  }
  const conceptStarts = c.integers(blocks.conceptStarts, 'blocks.conceptStarts', 0, Infinity, { n: nBlocks + 1, what: 'corpus.blocks + 1' });
  const coded = c.integers(blocks.concepts, 'blocks.concepts', 0, nConcepts);
  const scores = c.numbers(blocks.scores, 'blocks.scores');
  if (conceptStarts[0] !== 0) c.fail('blocks.conceptStarts[0]', `got ${conceptStarts[0]!}, expected 0`);
  for (let b = 0; b < nBlocks; b++) {
    if (conceptStarts[b + 1]! < conceptStarts[b]!) {
      c.fail(`blocks.conceptStarts[${b + 1}]`, `got ${conceptStarts[b + 1]!}, expected at least blocks.conceptStarts[${b}] = ${conceptStarts[b]!}`);
    }
  }
  if (conceptStarts[nBlocks] !== coded.length) {
    c.fail(`blocks.conceptStarts[${nBlocks}]`, `got ${conceptStarts[nBlocks]!}, expected the length of blocks.concepts = ${coded.length}`);
  }
  if (scores.length !== coded.length) c.fail('blocks.scores', `has ${scores.length} entries, expected the length of blocks.concepts = ${coded.length}`);
  if (blocks.sentiment !== undefined) {
    const sentiment = c.array(blocks.sentiment, 'blocks.sentiment');
    if (sentiment.length !== nBlocks) c.fail('blocks.sentiment', `has ${sentiment.length} entries, expected corpus.blocks = ${nBlocks}`);
    sentiment.forEach((s, b) => {
      if (s !== null && (typeof s !== 'number' || !(s >= -1 && s <= 1))) c.fail(`blocks.sentiment[${b}]`, `got ${describe(s)}, expected a number from -1 to 1 or null`);
    });
  }

  const ids = new Set<number>();
  concepts.forEach((entry, i) => {
    const path = `concepts[${i}]`;
    const k = c.object(entry, path);
    const id = c.integer(k.id, `${path}.id`, 0);
    if (ids.has(id)) c.fail(`${path}.id`, `${id} is used by an earlier concept`);
    ids.add(id);
    c.string(k.label, `${path}.label`);
    c.oneOf(k.kind, `${path}.kind`, KINDS);
    if (k.category !== undefined) c.string(k.category, `${path}.category`);
    c.integer(k.count, `${path}.count`, 0);
    c.number(k.relevance, `${path}.relevance`);
    c.number(k.connectedness, `${path}.connectedness`);
    c.number(k.x, `${path}.x`);
    c.number(k.y, `${path}.y`);
    c.integer(k.theme, `${path}.theme`, -1, themes.length);
    c.strings(k.seeds, `${path}.seeds`);
    c.array(k.thesaurus, `${path}.thesaurus`).forEach((t, j) => {
      const tp = `${path}.thesaurus[${j}]`;
      const term = c.object(t, tp);
      c.string(term.term, `${tp}.term`);
      c.number(term.weight, `${tp}.weight`);
      c.integer(term.support, `${tp}.support`, 0);
      c.boolean(term.seed, `${tp}.seed`);
    });
    c.integers(k.quotes, `${path}.quotes`, 0, nBlocks);
    if (k.stability !== undefined) c.number(k.stability, `${path}.stability`);
    if (k.themeStability !== undefined) c.number(k.themeStability, `${path}.themeStability`);
    if (k.blocks !== undefined) c.integers(k.blocks, `${path}.blocks`, 0, nBlocks);
    if (k.learning !== undefined) {
      const l = c.object(k.learning, `${path}.learning`);
      c.integer(l.iterations, `${path}.learning.iterations`, 0);
      c.boolean(l.converged, `${path}.learning.converged`);
      c.number(l.jaccard, `${path}.learning.jaccard`);
      c.strings(l.mergedFrom, `${path}.learning.mergedFrom`);
      if (l.evidenceBlocks !== undefined) c.integer(l.evidenceBlocks, `${path}.learning.evidenceBlocks`, 0);
      if (l.contextDiscount !== undefined) c.number(l.contextDiscount, `${path}.learning.contextDiscount`);
      if (l.contextBlocks !== undefined) c.integer(l.contextBlocks, `${path}.learning.contextBlocks`, 0);
      if (l.chainBlocks !== undefined) c.integer(l.chainBlocks, `${path}.learning.chainBlocks`, 0);
      if (l.chainReach !== undefined) c.integer(l.chainReach, `${path}.learning.chainReach`, 0);
    }
    checkSentiment(c, k.sentiment, `${path}.sentiment`);
  });

  themes.forEach((entry, i) => {
    const path = `themes[${i}]`;
    const t = c.object(entry, path);
    c.integer(t.id, `${path}.id`, 0);
    c.string(t.name, `${path}.name`);
    c.integer(t.parent, `${path}.parent`, 0, nConcepts);
    c.integers(t.members, `${path}.members`, 0, nConcepts);
    if (t.stability !== undefined) c.number(t.stability, `${path}.stability`);
    c.number(t.connectivity, `${path}.connectivity`);
    c.number(t.relevance, `${path}.relevance`);
    c.integer(t.rank, `${path}.rank`, 0);
    c.string(t.colour, `${path}.colour`);
    c.number(t.x, `${path}.x`);
    c.number(t.y, `${path}.y`);
    c.number(t.radius, `${path}.radius`);
    checkSentiment(c, t.sentiment, `${path}.sentiment`);
  });

  const co = c.object(r.cooccurrence, 'cooccurrence');
  const a = c.integers(co.a, 'cooccurrence.a', 0, nConcepts);
  const pairs = { n: a.length, what: 'the length of cooccurrence.a' };
  const b = c.integers(co.b, 'cooccurrence.b', 0, nConcepts, pairs);
  c.integers(co.count, 'cooccurrence.count', 0, Infinity, pairs);
  for (let i = 0; i < a.length; i++) {
    if (a[i]! >= b[i]!) c.fail(`cooccurrence.b[${i}]`, `got ${b[i]!}, expected more than cooccurrence.a[${i}] = ${a[i]!} (upper triangle)`);
  }

  if (r.themeGraph !== undefined) {
    const g = c.object(r.themeGraph, 'themeGraph');
    const learned = concepts.filter((k) => k !== null && typeof k === 'object' && (k as { kind?: unknown }).kind !== 'tag').length;
    const presence = c.integers(g.presence, 'themeGraph.presence', 0, Infinity, { n: learned, what: 'the number of learned concepts' });
    const ga = c.integers(g.a, 'themeGraph.a', 0, learned);
    const shared = { n: ga.length, what: 'the length of themeGraph.a' };
    const gb = c.integers(g.b, 'themeGraph.b', 0, learned, shared);
    const gc = c.integers(g.count, 'themeGraph.count', 1, Infinity, shared);
    for (let i = 0; i < ga.length; i++) {
      if (ga[i]! >= gb[i]!) c.fail(`themeGraph.b[${i}]`, `got ${gb[i]!}, expected more than themeGraph.a[${i}] = ${ga[i]!} (upper triangle)`);
      if (gc[i]! > Math.min(presence[ga[i]!]!, presence[gb[i]!]!)) c.fail(`themeGraph.count[${i}]`, `got ${gc[i]!}, more than the presence of concept ${ga[i]!} or ${gb[i]!}`);
    }
  }

  const quotes = c.object(r.quotes, 'quotes');
  c.array(quotes.pairs, 'quotes.pairs').forEach((entry, i) => {
    const path = `quotes.pairs[${i}]`;
    const p = c.object(entry, path);
    c.integer(p.a, `${path}.a`, 0, nConcepts);
    c.integer(p.b, `${path}.b`, 0, nConcepts);
    c.integers(p.blocks, `${path}.blocks`, 0, nBlocks);
  });
  c.array(quotes.excerpts, 'quotes.excerpts').forEach((entry, i) => {
    const path = `quotes.excerpts[${i}]`;
    const e = c.object(entry, path);
    c.integer(e.block, `${path}.block`, 0, nBlocks);
    c.string(e.text, `${path}.text`);
  });

  if (r.context !== undefined) {
    const x = c.object(r.context, 'context');
    c.integer(x.window, 'context.window', -1);
    const listed = c.integers(x.blocks, 'context.blocks', 0, nBlocks);
    c.strings(x.text, 'context.text');
    if ((x.text as string[]).length !== listed.length) c.fail('context.text', `has ${(x.text as string[]).length} entries, expected the length of context.blocks = ${listed.length}`);
    for (let i = 1; i < listed.length; i++) if (listed[i]! <= listed[i - 1]!) c.fail(`context.blocks[${i}]`, `got ${listed[i]!}, expected more than ${listed[i - 1]!} (ascending)`);
  }
  if (r.title !== undefined) c.string(r.title, 'title');
  if (r.inputs !== undefined) {
    const inputs = c.object(r.inputs, 'inputs');
    c.strings(inputs.paths, 'inputs.paths');
    for (const [flag, value] of Object.entries(c.object(inputs.options, 'inputs.options'))) {
      if (Array.isArray(value)) c.strings(value, `inputs.options.${flag}`);
      else if (value !== true) c.string(value, `inputs.options.${flag}`);
    }
  }

  const layout = c.object(r.layout, 'layout');
  c.oneOf(layout.mode, 'layout.mode', LAYOUT_MODES);
  c.number(layout.stress, 'layout.stress');
  const stresses = c.numbers(layout.stresses, 'layout.stresses');
  c.integer(layout.bestStart, 'layout.bestStart', 0, Math.max(1, stresses.length));

  if (r.warnings !== undefined) c.strings(r.warnings, 'warnings');
  if (r.leftOut !== undefined) {
    c.array(r.leftOut, 'leftOut').forEach((entry, i) => {
      const l = c.object(entry, `leftOut[${i}]`);
      c.string(l.term, `leftOut[${i}].term`);
      c.integer(l.blocks, `leftOut[${i}].blocks`, 0);
      c.string(l.reason, `leftOut[${i}].reason`);
    });
  }
  if (r.stability !== undefined) {
    const st = c.object(r.stability, 'stability');
    c.integer(st.runs, 'stability.runs', 1);
    c.integer(st.leaveOut, 'stability.leaveOut', 1);
    for (const key of ['themeAri', 'conceptJaccard'] as const) {
      const sp = c.object(st[key], `stability.${key}`);
      for (const f of ['mean', 'min', 'max'] as const) c.number(sp[f], `stability.${key}.${f}`);
    }
  }
  if (r.skipped !== undefined) {
    c.array(r.skipped, 'skipped').forEach((entry, i) => {
      const s = c.object(entry, `skipped[${i}]`);
      c.string(s.path, `skipped[${i}].path`);
      c.string(s.reason, `skipped[${i}].reason`);
    });
  }
  if (r.comparison !== undefined) checkComparison(c, r.comparison, nConcepts, nBlocks);
  if (r.timings !== undefined) {
    for (const [stage, seconds] of Object.entries(c.object(r.timings, 'timings'))) c.number(seconds, `timings.${stage}`);
  }
  return json as LeximapResult;
}
