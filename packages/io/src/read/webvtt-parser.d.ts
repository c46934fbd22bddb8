/** Types of the parts of `webvtt-parser` (W3C's WebVTT parser, CC0) that `readVtt` uses. */
declare module 'webvtt-parser' {
  /** A node of a cue's text: plain text, or a tag (`v` voice, `i`, `b`, `c`, `lang` …) with its annotation in `value`. */
  export interface CueNode {
    type: 'text' | 'object' | 'timestamp';
    name?: string;
    value?: string;
    children?: CueNode[];
  }
  export interface Cue {
    id: string;
    startTime: number;
    endTime: number;
    text: string;
    tree: { children: CueNode[] };
  }
  export interface ParseResult {
    cues: Cue[];
    errors: { message: string; line: number }[];
  }
  export class WebVTTParser {
    constructor(entities?: Record<string, string>);
    parse(input: string, mode?: 'metadata' | 'chapters'): ParseResult;
  }
  const webvtt: { WebVTTParser: typeof WebVTTParser };
  export default webvtt;
}
