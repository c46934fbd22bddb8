/**
 * `leximap export RESULT [--format LIST] [-o DIR]`: the tables and graphs other tools read, from a
 * result.json, written atomically into DIR (default: `export/` in the folder of RESULT).
 */
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { LeximapError } from '@leximap/core';
import { EXPORT_FORMATS, exportFiles, readResult, writeOutputs, type ExportFormat } from '@leximap/io';

export const EXPORT_HELP = `Usage: leximap export RESULT [--format LIST] [-o DIR]

Writes the concept graph of RESULT (a result.json) in the formats other tools read:

  markers       markers.csv: each concept's x, y, weight (blocks), relevance and theme (Leximancer's markers)
  cooccurrence  cooccurrence.csv: each pair of concepts that share blocks, with x, y, weight, likelihoods, prominence
  matrices      likelihood.csv and prominence.csv: learned concept × learned concept
  documents     concept-document.csv: count, relative frequency, strength and prominence per concept and document
  tags          concept-tag.csv: the same per concept and tag (speakers, folders, files, codes)
  graphml       concepts.graphml: for networkx, igraph, yEd, Cytoscape
  gexf          concepts.gexf: for Gephi (with the map's layout)
  vosviewer     vosviewer-map.txt, vosviewer-network.txt and vosviewer.json

Options:
  -f, --format LIST          formats, comma-separated, or all (default all)
  -o, --out DIR              output folder (default: export/ beside RESULT)
  --quiet                    print nothing
`;

export async function runExport(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', short: 'f' },
      out: { type: 'string', short: 'o' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(EXPORT_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new LeximapError('E_USAGE', `export takes one result.json, got ${positionals.length}; see leximap export --help`);
  const asked = (values.format ?? 'all').split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  const formats = asked.includes('all') ? EXPORT_FORMATS : (asked as ExportFormat[]);
  const unknown = formats.find((f) => !EXPORT_FORMATS.includes(f));
  if (unknown !== undefined || formats.length === 0) throw new LeximapError('E_USAGE', `--format: got "${values.format}", expected all or a comma-separated list of ${EXPORT_FORMATS.join(', ')}`);
  const result = await readResult(positionals[0]!);
  // A folder of its own: writeOutputs swaps a whole leximap output folder, so writing beside result.json would replace it.
  const out = values.out ?? join(dirname(positionals[0]!), 'export');
  const files = exportFiles(result, formats);
  await writeOutputs(out, files);
  if (!values.quiet) process.stdout.write(`Wrote ${Object.keys(files).join(', ')} to ${out}\n`);
  return 0;
}
