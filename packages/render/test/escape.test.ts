import { describe, expect, it } from 'vitest';
import { escapeXml, jsonForScript } from '../src/escape.ts';

describe('escapeXml', () => {
  it('escapes the five markup characters', () => {
    expect(escapeXml(`"><img onerror=alert(1)> & 'x'`)).toBe('&quot;&gt;&lt;img onerror=alert(1)&gt; &amp; &#39;x&#39;');
  });

  it('drops control characters XML forbids and keeps tabs, newlines and other scripts', () => {
    expect(escapeXml('a\u0000b\u0007c\td\ne Lucía 東京')).toBe('abc\td\ne Lucía 東京');
  });
});

describe('jsonForScript', () => {
  it('keeps a </script> inside a string from closing the element and still parses back', () => {
    const value = { text: '</script><script>alert(1)</script><!-- & \u2028' };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/<|>|&/);
    expect(JSON.parse(json)).toEqual(value);
  });
});
