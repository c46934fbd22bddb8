/**
 * `concepts.gexf`: the concept graph in GEXF 1.2 (gexf.net, Gephi's format, read by networkx).
 * Nodes are every concept with its label, attributes kind, category, count, relevance and theme,
 * and its map place and size in the viz module (so Gephi opens the leximap layout); undirected
 * edges carry the co-occurrence as weight, and co-occurrence and prominence as attributes.
 */
import type { LeximapResult } from '@leximap/core';
import { resultGraph } from './resultGraph.ts';
import { roundNumber } from './roundNumber.ts';
import { xmlDocument, type XmlNode } from './xmlDocument.ts';

const NODE_ATTRIBUTES = [
  ['kind', 'string'],
  ['category', 'string'],
  ['count', 'integer'],
  ['relevance', 'double'],
  ['theme', 'string'],
] as const;
const EDGE_ATTRIBUTES = [
  ['cooccurrence', 'integer'],
  ['prominence', 'double'],
] as const;
/** Map units → Gephi's screen units, so that a map of diameter ~2 spreads over a few hundred pixels. */
const VIZ_SCALE = 200;

const attributes = (kind: 'node' | 'edge', list: readonly (readonly [string, string])[]): XmlNode => ({
  '@_class': kind,
  attribute: list.map(([title, type], i) => ({ '@_id': String(i), '@_title': title, '@_type': type })),
});

const values = (list: readonly (string | number)[]): XmlNode => ({
  attvalue: list.map((value, i) => ({ '@_for': String(i), '@_value': typeof value === 'number' ? roundNumber(value) : value })),
});

export function resultToGexf(result: LeximapResult): string {
  const graph = resultGraph(result);
  const nodes = result.concepts.map((c, i): XmlNode => ({
    '@_id': `c${i}`,
    '@_label': c.label,
    attvalues: values([c.kind, c.category ?? '', c.count, c.relevance, c.theme >= 0 ? (result.themes[c.theme]?.name ?? '') : '']),
    'viz:position': { '@_x': roundNumber(c.x * VIZ_SCALE), '@_y': roundNumber(c.y * VIZ_SCALE), '@_z': 0 },
    'viz:size': { '@_value': roundNumber(1 + 9 * c.relevance) },
  }));
  const edges = graph.pairs.map(({ a, b, count }, k): XmlNode => ({
    '@_id': `e${k}`,
    '@_source': `c${a}`,
    '@_target': `c${b}`,
    '@_weight': count,
    attvalues: values([count, graph.prominence(a, b)]),
  }));
  return xmlDocument({
    gexf: {
      '@_xmlns': 'http://www.gexf.net/1.2draft',
      '@_xmlns:viz': 'http://www.gexf.net/1.2draft/viz',
      '@_version': '1.2',
      meta: { creator: `leximap ${result.generator.version}`, description: 'Concept co-occurrence graph (learned concepts and tags)' },
      graph: {
        '@_mode': 'static',
        '@_defaultedgetype': 'undirected',
        attributes: [attributes('node', NODE_ATTRIBUTES), attributes('edge', EDGE_ATTRIBUTES)],
        nodes: { node: nodes },
        edges: { edge: edges },
      },
    },
  });
}
