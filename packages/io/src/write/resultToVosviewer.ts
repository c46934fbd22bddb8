/**
 * The learned concepts as a VOSviewer map (van Eck & Waltman, VOSviewer manual §"Map file",
 * "Network file", and its JSON file format): items are the learned concepts with id (1-based),
 * label, x, y, cluster (the theme's rank + 1; empty for none) and weights (`Occurrences` = blocks
 * coded, `Links`, `Total link strength`); links are the co-occurring pairs with their shared
 * blocks as strength. Tags are left out: VOSviewer maps one kind of item. Three files:
 * `vosviewer-map.txt` (tab-separated, with a header), `vosviewer-network.txt` (tab-separated
 * `id id strength`, no header) and `vosviewer.json` (`network.items`, `network.links`).
 */
import type { LeximapResult } from '@leximap/core';
import { resultGraph } from './resultGraph.ts';
import { roundNumber } from './roundNumber.ts';

export interface VosviewerFiles {
  map: string;
  network: string;
  json: string;
}

/** A label on one line of a tab-separated file. */
const cell = (text: string): string => text.replace(/[\t\r\n]+/g, ' ');

export function resultToVosviewer(result: LeximapResult): VosviewerFiles {
  const graph = resultGraph(result);
  const K = graph.learned;
  const links = graph.pairs.filter((p) => p.b < K);
  const degree = new Array<number>(K).fill(0);
  const strength = new Array<number>(K).fill(0);
  for (const { a, b, count } of links) {
    degree[a]!++;
    degree[b]!++;
    strength[a]! += count;
    strength[b]! += count;
  }
  const items = result.concepts.slice(0, K).map((c, i) => {
    const cluster = c.theme >= 0 ? result.themes[c.theme]?.rank : undefined;
    return {
      id: i + 1,
      label: c.label,
      x: roundNumber(c.x),
      y: roundNumber(c.y),
      ...(cluster === undefined ? {} : { cluster: cluster + 1 }),
      weights: { Links: degree[i]!, 'Total link strength': strength[i]!, Occurrences: c.count },
      scores: { Relevance: roundNumber(c.relevance) },
    };
  });
  const map = [
    ['id', 'label', 'x', 'y', 'cluster', 'weight<Links>', 'weight<Total link strength>', 'weight<Occurrences>', 'score<Relevance>'].join('\t'),
    ...items.map((it) => [it.id, cell(it.label), it.x, it.y, it.cluster ?? '', it.weights.Links, it.weights['Total link strength'], it.weights.Occurrences, it.scores.Relevance].join('\t')),
  ].join('\n');
  const network = links.map(({ a, b, count }) => `${a + 1}\t${b + 1}\t${count}`).join('\n');
  const json = {
    config: { terminology: { item: 'Concept', items: 'Concepts', link: 'Co-occurrence link', links: 'Co-occurrence links' } },
    network: { items, links: links.map(({ a, b, count }) => ({ source_id: a + 1, target_id: b + 1, strength: count })) },
  };
  return { map: `${map}\n`, network: network === '' ? '' : `${network}\n`, json: `${JSON.stringify(json, null, 2)}\n` };
}
