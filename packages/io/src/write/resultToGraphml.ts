/**
 * `concepts.graphml`: the concept graph in GraphML (graphml.graphdrawing.org, the format of
 * networkx, igraph, yEd and Cytoscape). Nodes are every concept, learned and tags, with label,
 * kind, category, count, relevance, x, y and theme (its name, empty for none); undirected edges
 * are the pairs that share a block, with their co-occurrence and prominence.
 */
import type { LeximapResult } from '@leximap/core';
import { resultGraph } from './resultGraph.ts';
import { roundNumber } from './roundNumber.ts';
import { xmlDocument, type XmlNode } from './xmlDocument.ts';

const NODE_KEYS = [
  ['label', 'string'],
  ['kind', 'string'],
  ['category', 'string'],
  ['count', 'int'],
  ['relevance', 'double'],
  ['x', 'double'],
  ['y', 'double'],
  ['theme', 'string'],
] as const;
const EDGE_KEYS = [
  ['cooccurrence', 'int'],
  ['prominence', 'double'],
] as const;

export function resultToGraphml(result: LeximapResult): string {
  const graph = resultGraph(result);
  const key = (domain: 'node' | 'edge') => ([name, type]: readonly [string, string]): XmlNode => ({ '@_id': `${domain[0]}_${name}`, '@_for': domain, '@_attr.name': name, '@_attr.type': type });
  const data = (domain: 'node' | 'edge', values: Record<string, string | number>): XmlNode[] =>
    Object.entries(values).map(([name, value]) => ({ '@_key': `${domain[0]}_${name}`, '#text': typeof value === 'number' ? roundNumber(value) : value }));
  const nodes = result.concepts.map((c, i): XmlNode => ({
    '@_id': `c${i}`,
    data: data('node', { label: c.label, kind: c.kind, category: c.category ?? '', count: c.count, relevance: c.relevance, x: c.x, y: c.y, theme: c.theme >= 0 ? (result.themes[c.theme]?.name ?? '') : '' }),
  }));
  const edges = graph.pairs.map(({ a, b, count }, k): XmlNode => ({ '@_id': `e${k}`, '@_source': `c${a}`, '@_target': `c${b}`, data: data('edge', { cooccurrence: count, prominence: graph.prominence(a, b) }) }));
  return xmlDocument({
    graphml: {
      '@_xmlns': 'http://graphml.graphdrawing.org/xmlns',
      '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      '@_xsi:schemaLocation': 'http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd',
      key: [...NODE_KEYS.map(key('node')), ...EDGE_KEYS.map(key('edge'))],
      graph: { '@_id': 'concepts', '@_edgedefault': 'undirected', node: nodes, edge: edges },
    },
  });
}
