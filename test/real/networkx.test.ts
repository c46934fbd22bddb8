import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '@leximap/core';
import { exportFiles, readCorpus } from '@leximap/io';

const transcripts = resolve(import.meta.dirname, '../../../shared/data/corpora/pdpilot-interviews/transcripts_txt');
/** Debian's python3 with python3-networkx (.ci/run installs it). */
const PYTHON = '/usr/bin/python3';

const READ = `
import json, sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
x = nx.read_gexf(sys.argv[2])
def summary(h):
    return {"nodes": h.number_of_nodes(), "edges": h.number_of_edges(), "labels": sorted(d["label"] for _, d in h.nodes(data=True)),
            "cooccurrence": sum(d["cooccurrence"] for _, _, d in h.edges(data=True))}
print(json.dumps({"graphml": summary(g), "gexf": summary(x), "kinds": sorted({d["kind"] for _, d in g.nodes(data=True)})}))
`;

describe('networkx reads the GraphML and GEXF of the PDPilot concept graph (../shared/data)', () => {
  it('read_graphml and read_gexf give every concept, every edge and their co-occurrence', async () => {
    const result = await analyze(await readCorpus([transcripts]));
    const dir = await mkdtemp(join(tmpdir(), 'leximap-networkx-'));
    const files = exportFiles(result, ['graphml', 'gexf']);
    await writeFile(join(dir, 'concepts.graphml'), files['concepts.graphml']!);
    await writeFile(join(dir, 'concepts.gexf'), files['concepts.gexf']!);
    const out = JSON.parse(execFileSync(PYTHON, ['-c', READ, join(dir, 'concepts.graphml'), join(dir, 'concepts.gexf')], { encoding: 'utf8' })) as Record<string, { nodes: number; edges: number; labels: string[]; cooccurrence: number }> & { kinds: string[] };
    const labels = result.concepts.map((c) => c.label).sort();
    const total = result.cooccurrence.count.reduce((a, b) => a + b, 0);
    for (const format of ['graphml', 'gexf']) {
      expect(out[format]).toStrictEqual({ nodes: result.concepts.length, edges: result.cooccurrence.a.length, labels, cooccurrence: total });
    }
    expect(out.kinds).toContain('tag');
  });
});
