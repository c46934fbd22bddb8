/**
 * What each part of the compiled command loads before it does anything: the static imports of
 * apps/cli/dist (test/build-cli.ts built it), read from esbuild's metafile. Heavy packages are
 * imported where they are needed (wink-nlp when English is read, the Snowball stemmers and the
 * other languages' stop lists when another language is, VADER for --sentiment, eld for detection,
 * each file format's parser on its first file), so that a pool's worker starts in about 0.12 s and
 * `render` or `export` never load the tokeniser. A static import added by mistake shows here.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Output {
  imports: { path: string; kind: string; external?: boolean }[];
}

const dist = resolve(import.meta.dirname, '../apps/cli/dist');
const outputs = (JSON.parse(readFileSync(resolve(dist, 'metafile-esm.json'), 'utf8')) as { outputs: Record<string, Output> }).outputs;

/** The npm packages (not Node's own modules) a built file loads through static imports, its own and its chunks'. */
function staticPackages(file: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const i of outputs[name]?.imports ?? []) {
      if (i.kind !== 'import-statement') continue;
      if (i.external) {
        if (!i.path.startsWith('node:')) packages.add(i.path);
      } else visit(i.path);
    }
  };
  visit(`dist/${file}`);
  return packages;
}

/** The built chunk of a command (`analyze-…js`, `export-…js`). */
function commandChunk(command: string): string {
  const name = Object.keys(outputs).find((o) => new RegExp(`^dist/${command}-[A-Z0-9]+\\.js$`).test(o));
  if (!name) throw new Error(`no chunk for the ${command} command in the build`);
  return name.slice('dist/'.length);
}

const ON_DEMAND = ['wink-nlp', 'wink-eng-lite-web-model', 'snowball-stemmers', 'stopword', 'vader-sentiment', 'eld/extrasmall', 'pdfjs-dist/legacy/build/pdf.mjs', 'mammoth', 'exceljs', 'rtf-stream-parser', 'webvtt-parser', 'srt-parser-2'];

describe('the compiled command loads on demand', () => {
  it('a pool worker statically imports no tokeniser, stemmer, stop list, sentiment lexicon, language detector, writer or format parser', () => {
    const worker = staticPackages('worker.js');
    for (const name of [...ON_DEMAND, 'fast-xml-parser', 'csv-stringify/sync', 'fflate', '@resvg/resvg-js', 'commander']) expect(worker, name).not.toContain(name);
  });

  it('analyze, render and export load the tokeniser and the format parsers only when they read text', () => {
    for (const command of ['analyze', 'render', 'export']) {
      const loaded = staticPackages(commandChunk(command));
      for (const name of ON_DEMAND) expect(loaded, `${command}: ${name}`).not.toContain(name);
    }
  });

  it('leximap --help loads the command line library and nothing of the engine', () => {
    expect([...staticPackages('leximap.js')].sort()).toEqual(['commander']);
  });
});
