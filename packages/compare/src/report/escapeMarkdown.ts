/**
 * Text from code names and transcripts, made inert for a Markdown table cell: `&` and `<`
 * become entities (so no tag and no entity survives, in any renderer; a lone `>` starts
 * nothing inside a line and stays, so that `Parent > Child` reads as it should), every CommonMark punctuation that
 * can start a link, an emphasis, an image, code or a heading is backslash-escaped (so
 * `[x](javascript:…)` stays text), `|` cannot end the cell, and line breaks become spaces.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/[\\`*_{}[\]()#+!|~]/g, (c) => `\\${c}`)
    .replace(/^([-=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/(?<![A-Za-z])(javascript|vbscript|data):/gi, '$1&#58;');
}
