import { describe, expect, it } from 'vitest';
import { namedIn } from '../src/namedIn.ts';

describe('namedIn', () => {
  it('namedIn(…) finds a label or term as whole words, any case, plurals either way', () => {
    expect(namedIn('SHAP', ['SHAP', 'value'])).toBe('SHAP');
    expect(namedIn('Uses scatter plots to identify interactions', ['plot'])).toBe('plot');
    expect(namedIn('computational_thinking', ['thinking'])).toBe('thinking');
    expect(namedIn('Liked two-way filters', ['filter'])).toBe('filter');
    expect(namedIn('Wiki Loves Monuments contest', ['Wiki Loves Monuments'])).toBe('Wiki Loves Monuments');
  });
  it('namedIn(…) ignores a term inside a longer word', () => {
    expect(namedIn('Explainability techniques', ['tech', 'plain'])).toBeUndefined();
    expect(namedIn('Clustering was useful', ['cluster'])).toBeUndefined();
  });
});
