/**
 * `leximap export RESULT [--format LIST] [-o DIR]`: the tables and graphs other tools read, from a
 * result.json, written atomically into DIR (default: `export/` in the folder of RESULT).
 */
import { LeximapError } from '@leximap/core';
import { EXPORT_FORMATS, exportFiles, writeOutputs, type ExportFormat } from '@leximap/io';
import { flag, text, type Values } from '../commandTable.ts';
import { openResult } from '../openResult.ts';

export async function runExport(values: Values, positionals: string[]): Promise<number> {
  const given = text(values, 'format')!;
  const asked = given.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  const formats = asked.includes('all') ? EXPORT_FORMATS : (asked as ExportFormat[]);
  const unknown = formats.find((f) => !EXPORT_FORMATS.includes(f));
  if (unknown !== undefined || formats.length === 0) throw new LeximapError('E_USAGE', `--format: got "${given}", expected all or a comma-separated list of ${EXPORT_FORMATS.join(', ')}`);
  // A folder of its own, so that the many export files do not crowd the analysis's.
  const { result, out } = await openResult(positionals[0]!, text(values, 'out'), 'export');
  const files = exportFiles(result, formats);
  await writeOutputs(out, files);
  if (!flag(values, 'quiet')) process.stdout.write(`Wrote ${Object.keys(files).join(', ')} to ${out}\n`);
  return 0;
}
