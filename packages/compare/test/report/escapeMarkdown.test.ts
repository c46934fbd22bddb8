import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../src/report/escapeMarkdown.ts';

describe('escapeMarkdown', () => {
  it('escapeMarkdown(…) leaves no HTML tag, link, image or cell break', () => {
    expect(escapeMarkdown('<script>alert(1)</script>')).toBe('&lt;script>alert\\(1\\)&lt;/script>');
    expect(escapeMarkdown('[click](javascript:alert(1))')).toBe('\\[click\\]\\(javascript&#58;alert\\(1\\)\\)');
    expect(escapeMarkdown('![x](http://e.com/x.png)')).toBe('\\!\\[x\\]\\(http://e.com/x.png\\)');
    expect(escapeMarkdown('a | b\nc')).toBe('a \\| b c');
    expect(escapeMarkdown('&lt;b&gt;')).toBe('&amp;lt;b&amp;gt;');
  });
  it('escapeMarkdown(…) keeps a code path readable', () => {
    expect(escapeMarkdown('Parent > Child')).toBe('Parent > Child');
    expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading');
    expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list');
  });
});
