/**
 * Masks transcription markup (`{disfmarker}`, `[inaudible]`, timestamps …) with spaces of the same
 * length, so it is left out of analysis while every offset still points into the original text.
 */
export function compileMarkup(sources: readonly string[]): RegExp | undefined {
  if (sources.length === 0) return undefined;
  return new RegExp(sources.map((s) => `(?:${s})`).join('|'), 'gi');
}

export function maskMarkup(text: string, markup: RegExp | undefined): string {
  if (!markup) return text;
  markup.lastIndex = 0;
  return text.replace(markup, (match) => ' '.repeat(match.length));
}
