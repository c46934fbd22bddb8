import { describe, expect, it } from 'vitest';
import { resultToConceptsCsv } from '../../src/write/resultToConceptsCsv.ts';
import { resultToThemesCsv } from '../../src/write/resultToThemesCsv.ts';
import { csvCell, toCsv } from '../../src/write/toCsv.ts';
import { tinyResult } from '../fixtures/tinyResult.ts';

describe('result CSV', () => {
  it('resultToConceptsCsv(…) writes one row per concept with its theme and top thesaurus terms', () => {
    expect(resultToConceptsCsv(tinyResult())).toBe(
      '\uFEFF' +
        [
          'rank,concept,kind,category,count,relevance_pct,connectedness,theme,x,y,thesaurus,stability_pct,theme_stability_pct,evidence_blocks,context_blocks,chain_blocks',
          '1,mentor,word,,2,100,1,mentor,0.123457,-0.5,mentor (5.50); mentee (2.35),,,1,1,2',
          "2,'=SUM(A1),name,,1,50,1,mentor,-0.333333,0.666667,,,,,,",
          '3,Dan,tag,speaker,1,50,0,,0,0,,,,,,',
        ].join('\r\n') +
        '\r\n',
    );
  });

  it('resultToThemesCsv(…) writes one row per theme with its parent and member labels', () => {
    expect(resultToThemesCsv(tinyResult(), { bom: false })).toBe(
      ['rank,theme,parent,connectivity,relevance_pct,colour,members,stability_pct', '1,mentor,mentor,2,100,#d62728,mentor; =SUM(A1),'].join('\r\n') + '\r\n',
    );
  });

  it('csvCell(…) quotes per RFC 4180 and defuses formulas in text but not in numbers', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+49 30')).toBe("'+49 30");
    expect(csvCell('-x')).toBe("'-x");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('=HYPERLINK("x", "y")')).toBe('"\'=HYPERLINK(""x"", ""y"")"');
    expect(csvCell(-0.5)).toBe('-0.5');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('toCsv(…) ends every row with CRLF and starts with a BOM unless told not to', () => {
    expect(toCsv([['a', 1], ['b', 2]])).toBe('\uFEFFa,1\r\nb,2\r\n');
    expect(toCsv([['a']], { bom: false })).toBe('a\r\n');
  });
});
