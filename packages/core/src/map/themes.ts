/**
 * Themes: concepts grouped around the most connected ones (Smith & Humphreys 2006, "theme size").
 * Concepts are taken by decreasing connectedness; the most connected unassigned concept becomes a
 * theme's parent and takes every unassigned concept within σ × the map diameter of it. Themes are
 * named after their parent and ranked by connectivity (the sum of their members' connectedness).
 * Fast enough to run on every move of the viewer's theme-size slider.
 */
import { themeColour } from './colours.ts';
import type { ResultTheme } from '../result/schema.ts';

export interface ThemeConcept {
  label: string;
  x: number;
  y: number;
  connectedness: number;
}

/**
 * Groups `concepts[i]` for every i in `include` (default: all) into themes of size `themeSize`.
 * Members and parents are indices into `concepts`.
 */
export function computeThemes(concepts: readonly ThemeConcept[], themeSize: number, include?: readonly number[]): ResultTheme[] {
  const ids = include ? [...include] : concepts.map((_, i) => i);
  if (ids.length === 0) return [];
  let diameter = 0;
  for (let i = 0; i < ids.length; i++) {
    const a = concepts[ids[i]!]!;
    for (let j = i + 1; j < ids.length; j++) {
      const b = concepts[ids[j]!]!;
      diameter = Math.max(diameter, Math.hypot(a.x - b.x, a.y - b.y));
    }
  }
  const reach = themeSize * diameter;
  ids.sort((i, j) => concepts[j]!.connectedness - concepts[i]!.connectedness || i - j);
  const assigned = new Set<number>();
  const groups: { parent: number; members: number[]; connectivity: number }[] = [];
  for (const parent of ids) {
    if (assigned.has(parent)) continue;
    const p = concepts[parent]!;
    const members: number[] = [];
    let connectivity = 0;
    for (const id of ids) {
      if (assigned.has(id)) continue;
      const c = concepts[id]!;
      if (id === parent || Math.hypot(c.x - p.x, c.y - p.y) <= reach) {
        members.push(id);
        connectivity += c.connectedness;
        assigned.add(id);
      }
    }
    groups.push({ parent, members, connectivity });
  }
  groups.sort((a, b) => b.connectivity - a.connectivity || a.parent - b.parent);
  const top = groups[0]!.connectivity || 1;
  return groups.map((g, rank) => {
    let cx = 0;
    let cy = 0;
    for (const m of g.members) {
      cx += concepts[m]!.x;
      cy += concepts[m]!.y;
    }
    cx /= g.members.length;
    cy /= g.members.length;
    let radius = 0;
    for (const m of g.members) radius = Math.max(radius, Math.hypot(concepts[m]!.x - cx, concepts[m]!.y - cy));
    return {
      id: rank,
      name: concepts[g.parent]!.label,
      parent: g.parent,
      members: g.members.sort((a, b) => a - b),
      connectivity: g.connectivity,
      relevance: g.connectivity / top,
      rank,
      colour: themeColour(rank, groups.length),
      x: cx,
      y: cy,
      radius,
    };
  });
}
