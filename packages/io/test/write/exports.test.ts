import { XMLParser } from 'fast-xml-parser';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { LeximapResult } from '@leximap/core';
import { EXPORT_FORMATS, exportFiles } from '../../src/write/exportFiles.ts';
import { resultGraph } from '../../src/write/resultGraph.ts';
import { resultToConceptMatrices } from '../../src/write/resultToConceptMatrices.ts';
import { resultToCooccurrenceCsv } from '../../src/write/resultToCooccurrenceCsv.ts';
import { resultToDocumentMatrix } from '../../src/write/resultToDocumentMatrix.ts';
import { resultToGexf } from '../../src/write/resultToGexf.ts';
import { resultToGraphml } from '../../src/write/resultToGraphml.ts';
import { resultToMarkersCsv } from '../../src/write/resultToMarkersCsv.ts';
import { resultToTagMatrix } from '../../src/write/resultToTagMatrix.ts';
import { resultToVosviewer } from '../../src/write/resultToVosviewer.ts';
import { tinyResult } from '../fixtures/tinyResult.ts';

/**
 * The tiny result with a tag link: blocks 1 and 2 take part (block 0 is excluded), mentor is
 * coded on 2 blocks, "a & <b>" on 1, the speaker tag Dan on 1; mentor meets "a & <b>" once and Dan once.
 */
function result(): LeximapResult {
  const r = tinyResult();
  r.concepts[1]!.label = 'a & <b> "q"';
  r.cooccurrence = { a: [0, 0], b: [1, 2], count: [1, 1] };
  return r;
}

const csv = (text: string): string[][] => parse(text, { bom: true }) as string[][];
const xml = (text: string): Record<string, unknown> => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, isArray: (name) => ['node', 'edge', 'key', 'data', 'attvalue', 'attribute', 'attributes'].includes(name) }).parse(text) as Record<string, unknown>;

describe('export writers', () => {
  it('resultGraph(…) gives likelihood P(j | i) and prominence over the blocks not excluded', () => {
    const g = resultGraph(result());
    expect([g.learned, g.activeBlocks]).toStrictEqual([2, 2]);
    expect([g.cooccurrence(1, 0), g.likelihood(0, 1), g.likelihood(1, 0), g.prominence(0, 1), g.prominence(0, 2)]).toStrictEqual([1, 0.5, 1, 1, 1]);
  });

  it('resultToMarkersCsv(…) writes each concept with x, y, weight, relevance and theme', () => {
    expect(csv(resultToMarkersCsv(result()))).toStrictEqual([
      ['concept', 'kind', 'category', 'x', 'y', 'weight', 'relevance', 'theme'],
      ['mentor', 'word', '', '0.123457', '-0.5', '2', '1', 'mentor'],
      ['a & <b> "q"', 'name', '', '-0.333333', '0.666667', '1', '0.5', 'mentor'],
      ['Dan', 'tag', 'speaker', '0', '0', '1', '0.5', ''],
    ]);
  });

  it('resultToCooccurrenceCsv(…) writes each pair with both places, the weight, both likelihoods and the prominence', () => {
    expect(csv(resultToCooccurrenceCsv(result())).slice(1)).toStrictEqual([
      ['mentor', '0.123457', '-0.5', 'a & <b> "q"', '-0.333333', '0.666667', '1', '0.5', '1', '1'],
      ['mentor', '0.123457', '-0.5', 'Dan', '0', '0', '1', '0.5', '1', '1'],
    ]);
  });

  it('resultToConceptMatrices(…) writes learned × learned likelihood (row given column) and prominence, the diagonal empty', () => {
    const { likelihood, prominence } = resultToConceptMatrices(result());
    expect(csv(likelihood)).toStrictEqual([
      ['concept', 'mentor', 'a & <b> "q"'],
      ['mentor', '', '0.5'],
      ['a & <b> "q"', '1', ''],
    ]);
    expect(csv(prominence)[1]).toStrictEqual(['mentor', '', '1']);
  });

  it('resultToDocumentMatrix(…) counts a concept per document over the blocks not excluded, with relative frequency, strength and prominence', () => {
    expect(csv(resultToDocumentMatrix(result()))).toStrictEqual([
      ['concept', 'document', 'count', 'relative_frequency', 'strength', 'prominence'],
      ['mentor', 'organisers/P04-lin.txt', '1', '1', '0.5', '1'],
    ]);
  });

  it('resultToTagMatrix(…) writes P(concept | tag), P(tag | concept) and prominence per concept and tag', () => {
    expect(csv(resultToTagMatrix(result()))).toStrictEqual([
      ['concept', 'category', 'tag', 'count', 'relative_frequency', 'strength', 'prominence'],
      ['mentor', 'speaker', 'Dan', '1', '1', '0.5', '1'],
    ]);
  });

  it('resultToGraphml(…) reads back with every concept and edge, labels escaped, typed keys', () => {
    const doc = xml(resultToGraphml(result())) as { graphml: { key: Record<string, string>[]; graph: { node: { '@_id': string; data: { '@_key': string; '#text'?: string }[] }[]; edge: Record<string, unknown>[] } } };
    const { graph, key } = doc.graphml;
    expect(key.map((k) => `${k['@_for']}:${k['@_attr.name']}:${k['@_attr.type']}`)).toContain('node:count:int');
    expect(graph.node).toHaveLength(3);
    expect(graph.edge).toHaveLength(2);
    const first = Object.fromEntries(graph.node[1]!.data.map((d) => [d['@_key'], d['#text'] ?? '']));
    expect(first).toMatchObject({ n_label: 'a & <b> "q"', n_kind: 'name', n_count: '1', n_x: '-0.333333', n_theme: 'mentor' });
    expect(graph.edge[1]).toMatchObject({ '@_source': 'c0', '@_target': 'c2' });
  });

  it('resultToGexf(…) reads back with every concept and edge, attributes and viz positions', () => {
    const doc = xml(resultToGexf(result())) as { gexf: { '@_version': string; graph: { nodes: { node: Record<string, unknown>[] }; edges: { edge: Record<string, unknown>[] } } } };
    expect(doc.gexf['@_version']).toBe('1.2');
    const { nodes, edges } = doc.gexf.graph;
    expect(nodes.node.map((n) => n['@_label'])).toStrictEqual(['mentor', 'a & <b> "q"', 'Dan']);
    expect(nodes.node[0]).toMatchObject({ 'viz:position': { '@_x': '24.6914', '@_y': '-100' } });
    expect(edges.edge.map((e) => [e['@_source'], e['@_target'], e['@_weight']])).toStrictEqual([['c0', 'c1', '1'], ['c0', 'c2', '1']]);
  });

  it('resultToVosviewer(…) writes the learned concepts as network.items and their links, and the map and network files', () => {
    const { map, network, json } = resultToVosviewer(result());
    const parsed = JSON.parse(json) as { network: { items: Record<string, unknown>[]; links: Record<string, number>[] } };
    expect(parsed.network.items).toStrictEqual([
      { id: 1, label: 'mentor', x: 0.123457, y: -0.5, cluster: 1, weights: { Links: 1, 'Total link strength': 1, Occurrences: 2 }, scores: { Relevance: 1 } },
      { id: 2, label: 'a & <b> "q"', x: -0.333333, y: 0.666667, cluster: 1, weights: { Links: 1, 'Total link strength': 1, Occurrences: 1 }, scores: { Relevance: 0.5 } },
    ]);
    expect(parsed.network.links).toStrictEqual([{ source_id: 1, target_id: 2, strength: 1 }]);
    expect(map.split('\n')[0]).toBe('id\tlabel\tx\ty\tcluster\tweight<Links>\tweight<Total link strength>\tweight<Occurrences>\tscore<Relevance>');
    expect(map.split('\n')[1]).toBe('1\tmentor\t0.123457\t-0.5\t1\t1\t1\t2\t1');
    expect(network).toBe('1\t2\t1\n');
  });

  it('exportFiles(…, every format) names each file once', () => {
    expect(Object.keys(exportFiles(result(), EXPORT_FORMATS))).toStrictEqual([
      'markers.csv', 'cooccurrence.csv', 'likelihood.csv', 'prominence.csv', 'concept-document.csv', 'concept-tag.csv', 'concepts.graphml', 'concepts.gexf', 'vosviewer-map.txt', 'vosviewer-network.txt', 'vosviewer.json',
    ]);
  });
});
