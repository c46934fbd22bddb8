/**
 * A `--merge` file: `learning = learn, learner, learners` per line folds the terms on the right
 * into the one on the left. A term folded into two different terms is an error.
 */
import { configLines, lineError, readConfigText } from './configLines.ts';

const TERM = /^[^=,:]+$/;
const EXPECTED = '"term = variant, variant"';

/** Parses the text of a merge file into term → the terms folded into it; `file` names it in errors. */
export function parseMerges(text: string, file?: string): Record<string, string[]> {
  const merges = new Map<string, string[]>();
  const into = new Map<string, string>();
  for (const line of configLines(text)) {
    const parts = line.text.split('=');
    if (parts.length !== 2) throw lineError(file, line, EXPECTED);
    const head = parts[0]!.trim();
    const variants = parts[1]!.split(',').map((v) => v.trim());
    if (!TERM.test(head) || variants.some((v) => !TERM.test(v))) throw lineError(file, line, EXPECTED);
    const list = merges.get(head) ?? [];
    for (const variant of variants) {
      const earlier = into.get(variant);
      if (earlier !== undefined && earlier !== head) {
        throw lineError(file, line, `each variant merged into one term only ("${variant}" is already merged into "${earlier}")`);
      }
      if (variant === head || earlier === head) continue;
      into.set(variant, head);
      list.push(variant);
    }
    merges.set(head, list);
  }
  return Object.fromEntries(merges);
}

/** Reads and parses a merge file. */
export async function readMerges(path: string): Promise<Record<string, string[]>> {
  return parseMerges(await readConfigText(path), path);
}
