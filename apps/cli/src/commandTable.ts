/**
 * Every command of `leximap` and every option it takes, with its default: the one table the
 * parser (program.ts, on commander) and the help are generated from. Adding an option is one
 * entry here; the command reads it as `values['long-name']` (a `--no-x` switch as
 * `values['no-x'] === true`). Nothing here imports the engine: the command's module is loaded
 * only when it runs.
 */

/** The parsed options of one command, keyed by the long name as typed (`block-sentences`, `no-names`). */
export type Values = Record<string, string | boolean | string[] | undefined>;

/** A command's body: its options and its arguments (the variadic one spread), exit code out. */
export type Runner = (values: Values, positionals: string[]) => Promise<number>;

export interface OptionSpec {
  /** The flags as commander reads them: `-o, --out <dir>`, `--no-names`. */
  flags: string;
  /** One line (or a few) for the help. */
  help: string;
  /** A value the command receives when the option is not given. */
  default?: string;
  /** What happens when the option is not given, for the help only: the engine's or command's own default. */
  defaultText?: string;
  /** The option may be given several times; the command receives a list. */
  repeatable?: true;
  /** A heading of its own in the help. */
  group?: string;
}

export interface CommandSpec {
  name: string;
  /** The arguments as commander reads them: `<paths...>`, `[dir]`. */
  args: string;
  /** One line in `leximap --help`. */
  summary: string;
  /** The paragraph of `leximap COMMAND --help`. */
  description: string;
  options: readonly OptionSpec[];
  load: () => Promise<Runner>;
}

const COMPARING = 'Comparison with manual codes';

/** The options of `compare` that `analyze --codes` takes as well. */
export const COMPARE_OPTIONS: readonly OptionSpec[] = [
  { flags: '--overlap <mode>', help: 'any: a block carries a code when a segment overlaps it by ≥ 1 character; half: when it covers ≥ 50% of it', defaultText: 'any', group: COMPARING },
  { flags: '--alpha <x>', help: 'largest Benjamini–Hochberg q-value of a match', defaultText: '0.05', group: COMPARING },
  { flags: '--min-lift <x>', help: 'smallest lift of a match', defaultText: '2', group: COMPARING },
  { flags: '--min-share <x>', help: "smallest share of the smaller side's blocks a match shares", defaultText: '0.2', group: COMPARING },
  { flags: '--rounds <n>', help: 'permutation rounds of the chance levels (0 = none)', defaultText: '200', group: COMPARING },
];

/**
 * The options that become AnalysisOptions (options.ts); `defaultText` is the engine's default
 * (packages/core/src/defaults.ts), which a test holds them to.
 */
export const ANALYSIS_OPTIONS: readonly OptionSpec[] = [
  { flags: '--seed <n>', help: 'seed of the random layout starts', defaultText: '1' },
  { flags: '--concepts <n>', help: 'number of learned concepts, or auto', defaultText: 'auto' },
  { flags: '--block-sentences <n>', help: 'sentences per block', defaultText: '2' },
  { flags: '--theme-size <x>', help: 'theme size 0–1: larger, fewer themes', defaultText: '0.33' },
  { flags: '--themes <k>', help: 'a fixed number of themes, or auto (from the theme size)', defaultText: 'auto' },
  { flags: '--stability <n>', help: 're-learn on N resamples leaving out 10 % of the documents and report what holds; auto: 10 up to 20,000 blocks; 0 = off', defaultText: 'auto' },
  { flags: '--learning-threshold <x>', help: 'minimum evidence weight', defaultText: '1.5' },
  { flags: '--coding-threshold <x>', help: 'score that codes a block (up to 40 % less next to a block that holds the seed)', defaultText: '4' },
  { flags: '--min-blocks <n>', help: 'minimum blocks of a candidate term, or auto', defaultText: 'auto: max(3, blocks/2000)' },
  { flags: '--exclude-speaker <name>', help: "keep a speaker's turns out of learning (repeatable, or a,b)", repeatable: true },
  { flags: '--layout <mode>', help: 'map distances from similarity: gaussian √(−ln S) or linear 1 − S', defaultText: 'gaussian' },
  { flags: '--layout-starts <n>', help: 'layouts run from different random starts, the one of least stress kept (1–64)', defaultText: '4' },
  { flags: '--stopwords <file>', help: 'extra stop words (one per line; -word keeps a word)' },
  { flags: '--merge <file>', help: 'merge terms (learning = learn, learner)' },
  { flags: '--seeds <file>', help: 'add (label: term, term), delete (-term) or freeze (=label) concepts; a seed keeps a term the caps left out (the summary and result.json list the most frequent such terms and why)' },
  { flags: '--no-merge-variants', help: 'keep inflected forms apart' },
  { flags: '--no-names', help: 'no name detection' },
  { flags: '--lang <code>', help: "language: auto detects each document's; xx (ISO 639-1: en, da, es, he …) reads all as one", defaultText: 'auto' },
  { flags: '--sentiment', help: "score each block's sentiment (VADER; English) per concept, theme and tag" },
];

const quiet: OptionSpec = { flags: '--quiet', help: 'print nothing' };

export const COMMAND_TABLE: readonly CommandSpec[] = [
  {
    name: 'analyze',
    args: '<paths...>',
    summary: 'learn concepts and themes, write result.json and the map',
    description:
      'Reads .txt, .md, .docx, .odt, .pdf, .vtt, .srt, .csv, .xlsx and .qdpx files and folders (folders and file names become tags), learns concepts, codes every block, lays out the map and writes result.json, concepts.csv, themes.csv, map.svg and map.html into the output folder.',
    options: [
      { flags: '-o, --out <dir>', help: 'output folder', default: 'leximap-out' },
      { flags: '--title <text>', help: 'the corpus name, title of its maps', defaultText: 'the input folder and file names' },
      ...ANALYSIS_OPTIONS,
      { flags: '--text-column <name>', help: 'CSV/XLSX column with the text' },
      { flags: '--codes <file>', help: 'manual codes (.qdpx, .qdc, MAXQDA .xlsx/.csv): tag concepts on the map, and the comparison files of leximap compare', group: COMPARING },
      ...COMPARE_OPTIONS,
      { flags: '--workers <n>', help: 'worker threads (1 = in-process)', defaultText: 'the number of cores, 1 under 8 MB of files' },
      { flags: '--skip-bad-files', help: 'skip unreadable files and list them in the result' },
      { flags: '--follow-symlinks', help: 'follow symbolic links that lead out of the given folders' },
      { flags: '--no-cache', help: 'read and tokenise again instead of reusing the text stage of an earlier run on the same files and text options (cache: $LEXIMAP_CACHE_DIR, else $XDG_CACHE_HOME/leximap, else ~/.cache/leximap)' },
      { flags: '--timings', help: 'record seconds per stage in result.json (breaks byte-identity)' },
      { flags: '--json', help: 'print the result summary as JSON on stdout' },
      { flags: '--quiet', help: 'no progress, no summary' },
      { flags: '--progress', help: 'show progress even when stderr is not a terminal' },
    ],
    load: async () => (await import('./commands/analyze.ts')).runAnalyze,
  },
  {
    name: 'compare',
    args: '<result>',
    summary: 'hold the concepts against manual codes',
    description:
      'Holds the concepts of RESULT (a result.json) against manual codes and writes compare.json, compare.csv, summary.md, glossary.md, leximap-concepts.qdpx and result.json (with the comparison, for the viewer) into the output folder.',
    options: [
      { flags: '--codes <file>', help: 'manual codes: .qdpx, .qdc, MAXQDA coded segments .xlsx/.csv, or a document,code,segment .csv (code paths Parent\\Child or Parent > Child)' },
      { flags: '-o, --out <dir>', help: 'output folder', defaultText: 'the folder of RESULT' },
      { flags: '--qdpx <out>', help: 'also write the concepts-as-codes project to OUT' },
      ...COMPARE_OPTIONS.map(({ group: _, ...option }) => option),
      { flags: '--skip-missing-documents', help: 'report segments of documents the result lacks instead of failing' },
      { flags: '--json', help: 'print compare.json on stdout instead of the summary' },
      quiet,
    ],
    load: async () => (await import('./commands/compare.ts')).runCompare,
  },
  {
    name: 'render',
    args: '<result>',
    summary: 'draw the map for a report (svg, png or html)',
    description:
      'Draws the concept map of RESULT (a result.json): a static SVG or PNG for a report, or one self-contained HTML file with the interactive viewer that opens offline.',
    options: [
      { flags: '-f, --format <format>', help: 'svg, png or html', defaultText: 'from the -o extension, else svg' },
      { flags: '-o, --out <file>', help: 'output file', defaultText: 'map.FORMAT beside RESULT' },
      { flags: '--title <text>', help: 'title drawn above the map', defaultText: 'the result\'s corpus name, else "Concept map"' },
      { flags: '--label-all', help: 'name every concept, even where labels overlap (else only those that fit)' },
      { flags: '--width <n>', help: 'width in pixels', defaultText: 'SVG 1200, PNG 2400' },
      { flags: '--height <n>', help: 'SVG height', defaultText: '0.7 × width' },
      { flags: '--dpi <n>', help: 'PNG resolution written into the file', defaultText: '192' },
      { flags: '--layout-width <n>', help: 'PNG: width the map is drawn at before scaling; smaller = larger text', defaultText: '1200' },
      { flags: '--visible <p>', help: 'share of concepts drawn, 0–100', defaultText: '100' },
      { flags: '--theme-size <x>', help: 'theme size σ, 0–1', defaultText: "the result's" },
      { flags: '--rotation <deg>', help: 'rotate the map, −360 to 360', defaultText: '0' },
      { flags: '--tags <list>', help: 'tag categories drawn, comma-separated (speaker,file,folder,code)' },
      quiet,
    ],
    load: async () => (await import('./commands/render.ts')).runRender,
  },
  {
    name: 'export',
    args: '<result>',
    summary: 'markers, matrices, GraphML, GEXF and VOSviewer files',
    description: `Writes the concept graph of RESULT (a result.json) in the formats other tools read:

  markers       markers.csv: each concept's x, y, weight (blocks), relevance and theme (Leximancer's markers)
  cooccurrence  cooccurrence.csv: each pair of concepts that share blocks, with x, y, weight, likelihoods, prominence
  matrices      likelihood.csv and prominence.csv: learned concept × learned concept
  documents     concept-document.csv: count, relative frequency, strength and prominence per concept and document
  tags          concept-tag.csv: the same per concept and tag (speakers, folders, files, codes)
  graphml       concepts.graphml: for networkx, igraph, yEd, Cytoscape
  gexf          concepts.gexf: for Gephi (with the map's layout)
  vosviewer     vosviewer-map.txt, vosviewer-network.txt and vosviewer.json`,
    options: [
      { flags: '-f, --format <list>', help: 'formats, comma-separated, or all', default: 'all' },
      { flags: '-o, --out <dir>', help: 'output folder', defaultText: 'export/ beside RESULT' },
      quiet,
    ],
    load: async () => (await import('./commands/export.ts')).runExport,
  },
  {
    name: 'pathway',
    args: '<result> <from> <to>',
    summary: 'the route between two concepts, with its quotes',
    description:
      'Prints the route between concepts FROM and TO of RESULT (a result.json): the chain of concepts that links them through shared blocks, cheapest by map distance, with each step\'s quotes.',
    options: [
      { flags: '--quotes <n>', help: 'quotes per step', default: '2' },
      { flags: '--json', help: 'print the route as JSON' },
    ],
    load: async () => (await import('./commands/pathway.ts')).runPathway,
  },
  {
    name: 'serve',
    args: '[dir]',
    summary: 'open the viewer on the results in DIR (127.0.0.1 only)',
    description:
      'Serves the viewer on http://127.0.0.1:PORT with the result.json files found in DIR (default: the current folder) and opens it in the browser. Only files inside DIR are served. The viewer\'s edit tab re-runs a result with the edits (the same inputs and options) into a new folder NAME-rerun-N beside it. Stop with Ctrl+C.',
    options: [
      { flags: '--port <n>', help: 'port to listen on (0 = any free port)', default: '5178' },
      { flags: '--no-open', help: 'do not open a browser' },
      { flags: '--quiet', help: 'print nothing but errors' },
    ],
    load: async () => (await import('./commands/serve.ts')).runServe,
  },
];

/** A text option's value; undefined when it was not given. */
export function text(values: Values, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** Whether a switch was given. */
export function flag(values: Values, name: string): boolean {
  return values[name] === true;
}
