import type { Driver } from 'neo4j-driver';
import type { Relation } from '@steppe/domain';
import {
  contentHash,
  encodeRelationBatch,
  entityMergeCypher,
  loadGraph,
  relationCreateCypher,
  relationCreateFromStringCypher,
  relationProps,
  relationValues,
  resetGraph,
} from '../src';
import { countAllGenerations, countGraph, dropGraph, testDriver, tinyGraph, uniqueGraph } from './support/neo4j';

describe('loadGraph against a real Neo4j', () => {
  let driver: Driver;
  const graphs: string[] = [];
  const newGraph = () => {
    const g = uniqueGraph('load');
    graphs.push(g);
    return g;
  };

  beforeAll(() => {
    driver = testDriver();
  });
  afterAll(async () => {
    for (const g of graphs) await dropGraph(driver, g);
    await driver.close();
  });

  it('loads every record and reports the counts', async () => {
    const graph = newGraph();
    const data = tinyGraph();
    const result = await loadGraph(driver, data, { graph });
    expect(result.skipped).toBe(false);
    expect(await countGraph(driver, graph)).toMatchObject({ entities: 4, relations: 3, sources: 1 });
  });

  it('leaves every count unchanged when re-run, and skips identical data', async () => {
    const graph = newGraph();
    await loadGraph(driver, tinyGraph(), { graph });
    const before = await countGraph(driver, graph);
    expect((await loadGraph(driver, tinyGraph(), { graph })).skipped).toBe(true);
    const forced = await loadGraph(driver, tinyGraph(), { graph, force: true });
    expect(forced.skipped).toBe(false);
    const after = await countGraph(driver, graph);
    expect({ ...after, active: undefined }).toEqual({ ...before, active: undefined });
    expect(after?.active).not.toBe(before?.active);
    // The previous generation is gone: only the active one remains.
    expect(await countAllGenerations(driver, graph)).toBe(before!.entities + before!.sources);
  });

  it('replaces the graph with exactly the new data (removed records disappear)', async () => {
    const graph = newGraph();
    await loadGraph(driver, tinyGraph(), { graph });
    const smaller = tinyGraph();
    smaller.relations = smaller.relations.slice(0, 1);
    smaller.entities = smaller.entities.filter((e) => e.id !== 'protests' && e.id !== 'almaty');
    await loadGraph(driver, smaller, { graph });
    expect(await countGraph(driver, graph)).toMatchObject({ entities: 2, relations: 1, sources: 1 });
  });

  it('keeps graphs apart: loading or resetting one never touches another', async () => {
    const a = newGraph();
    const b = newGraph();
    await loadGraph(driver, tinyGraph(), { graph: a });
    await loadGraph(driver, tinyGraph(), { graph: b });
    await resetGraph(driver, a);
    expect(await countGraph(driver, a)).toBeUndefined();
    expect(await countAllGenerations(driver, a)).toBe(0);
    expect(await countGraph(driver, b)).toMatchObject({ entities: 4, relations: 3 });
  });

  it('refuses relations whose endpoints are missing, and leaves the active graph as it was', async () => {
    const graph = newGraph();
    await loadGraph(driver, tinyGraph(), { graph });
    const before = await countGraph(driver, graph);
    const broken = tinyGraph();
    broken.relations.push({ ...broken.relations[0]!, id: 'dangling', to: 'nobody' });
    await expect(loadGraph(driver, broken, { graph })).rejects.toThrow(/endpoint that does not exist/);
    expect(await countGraph(driver, graph)).toEqual(before);
    // The abandoned partial generation is removed by the next load.
    await loadGraph(driver, tinyGraph(), { graph, force: true });
    expect(await countAllGenerations(driver, graph)).toBe(before!.entities + before!.sources);
  });

  it('stores each relation with exactly its storage properties and evidence (absent values not stored)', async () => {
    const graph = newGraph();
    const data = tinyGraph();
    await loadGraph(driver, data, { graph });
    const { records } = await driver.executeQuery(
      `MATCH (sg:SteppeGraph {name: $graph})
       MATCH (a:Entity {graph: sg.active})-[r]->(b:Entity {graph: sg.active})
       RETURN a.id AS from, b.id AS to, type(r) AS type, properties(r) AS props`,
      { graph },
    );
    expect(records).toHaveLength(data.relations.length);
    for (const relation of data.relations) {
      const stored = records.find((rec) => rec.get('props').id === relation.id);
      expect(stored?.get('from')).toBe(relation.from);
      expect(stored?.get('to')).toBe(relation.to);
      expect(stored?.get('type')).toBe(relation.type);
      expect(stored?.get('props')).toEqual(relationProps(relation));
      expect((stored?.get('props') as { evidenceQuotes: string[] }).evidenceQuotes).toEqual(relation.evidence.map((e) => e.quote));
    }
  });

  it('stores awkward text and numbers exactly, whether a batch travels as one string or as positional rows', async () => {
    const graph = newGraph();
    const data = tinyGraph();
    const [aid, occurred, coordinated] = data.relations as [Relation, Relation, Relation];
    const quotes = [
      'tab\there and\nnewline, CRLF\r\nend',
      'double "quotes", single \'quotes\' and a backslash \\ and \\u001e written out',
      'Тоқаев: «Қазақстан» — Smajyłow, 托卡耶夫, 🇰🇿 and trailing space ',
      '  leading spaces, a pipe | and a comma,',
    ];
    // REQUESTED_AID_FROM: one batch that can travel as one string (awkward but encodable values).
    const stringBatch: Relation[] = quotes.map((quote, i) => ({
      ...aid,
      id: `awkward-${i}`,
      confidence: [0.1 + 0.2, 1, 1e-7, 0][i]!,
      detail: i % 2 ? `detail "${quote}"` : undefined,
      evidence: [
        { sourceId: 'doc-1', quote },
        { sourceId: 'doc-1', quote: quote.toUpperCase(), stance: 'DENIED' as const },
      ],
    }));
    // COORDINATED: a quote holding a separator character sends its whole batch as rows.
    const separatorBatch: Relation[] = [
      coordinated,
      { ...coordinated, id: 'with-separator', evidence: [{ sourceId: 'doc-1', quote: 'record\u001eunit\u001fgroup\u001d' }] },
    ];
    // OCCURRED_IN: an empty detail (stored as an empty string, not left out) also goes as rows.
    const emptyBatch: Relation[] = [occurred, { ...occurred, id: 'empty-detail', detail: '' }];
    data.relations = [...stringBatch, ...separatorBatch, ...emptyBatch];
    const encodable = (batch: Relation[]) => encodeRelationBatch(batch.map((r) => ['4:x:1', '4:x:2', ...relationValues(r)])) !== undefined;
    expect([encodable(stringBatch), encodable(separatorBatch), encodable(emptyBatch)]).toEqual([true, false, false]);

    await loadGraph(driver, data, { graph });
    const { records } = await driver.executeQuery(
      `MATCH (sg:SteppeGraph {name: $graph})
       MATCH (a:Entity {graph: sg.active})-[r]->(b:Entity {graph: sg.active})
       RETURN a.id AS from, b.id AS to, type(r) AS type, properties(r) AS props,
              [k IN keys(r) | [k, valueType(r[k])]] AS types`,
      { graph },
    );
    expect(records).toHaveLength(data.relations.length);
    const cypherType = (value: unknown) =>
      Array.isArray(value)
        ? 'LIST<STRING NOT NULL> NOT NULL'
        : typeof value === 'number'
          ? 'FLOAT NOT NULL'
          : typeof value === 'boolean'
            ? 'BOOLEAN NOT NULL'
            : 'STRING NOT NULL';
    for (const relation of data.relations) {
      const stored = records.find((rec) => rec.get('props').id === relation.id);
      const expected = relationProps(relation);
      expect([stored?.get('from'), stored?.get('to'), stored?.get('type')]).toEqual([relation.from, relation.to, relation.type]);
      expect(stored?.get('props')).toEqual(expected);
      // Same value types on both paths (toEqual alone would not tell an integer from a float).
      expect(Object.fromEntries(stored?.get('types') as [string, string][])).toEqual(
        Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, cypherType(v)])),
      );
    }
  });

  it('loads batches built in several slices: every relation exactly, the content hash of the whole data', async () => {
    const graph = newGraph();
    const data = tinyGraph();
    const [aid, occurred] = data.relations as [Relation, Relation];
    // 2,500 relations of one type in batches of 2,400 (slices of 1,000), and a batch of 1,500
    // of another type with a separator character in its second slice (sent as rows).
    data.relations = [
      ...Array.from({ length: 2_500 }, (_, i) => ({ ...aid, id: `aid-${i}`, confidence: i / 2_500 })),
      ...Array.from({ length: 1_500 }, (_, i) => ({
        ...occurred,
        id: `occurred-${i}`,
        evidence: [{ sourceId: 'doc-1', quote: i === 1_200 ? 'split\u001fhere' : `quote ${i}` }],
      })),
    ];
    await loadGraph(driver, data, { graph, batchSize: 2_400 });
    const { records } = await driver.executeQuery(
      `MATCH (sg:SteppeGraph {name: $graph})
       MATCH (a:Entity {graph: sg.active})-[r]->(:Entity {graph: sg.active})
       RETURN sg.contentHash AS hash, properties(r) AS props`,
      { graph },
    );
    expect(records).toHaveLength(data.relations.length);
    expect(records[0]?.get('hash')).toBe(contentHash(data));
    const stored = new Map(records.map((rec) => [rec.get('props').id as string, rec.get('props')]));
    for (const relation of data.relations) expect(stored.get(relation.id)).toEqual(relationProps(relation));
  });

  it('never links a node that is not in the generation being written, even given its element id', async () => {
    const graph = newGraph();
    await loadGraph(driver, tinyGraph(), { graph });
    const { records } = await driver.executeQuery(
      'MATCH (sg:SteppeGraph {name: $graph}) MATCH (n:Entity {graph: sg.active}) RETURN elementId(n) AS node LIMIT 2',
      { graph },
    );
    const [a, b] = records.map((r) => r.get('node') as string);
    const relation = tinyGraph().relations[0]!;
    const row = [a, b, ...relationValues(relation)];
    const before = await countGraph(driver, graph);
    const { records: written } = await driver.executeQuery(relationCreateCypher(relation.type), {
      batch: { rows: [row] },
      generation: `${graph}@another-generation`,
    });
    expect(written[0]?.get('written')).toBe(0);
    const { records: fromString } = await driver.executeQuery(relationCreateFromStringCypher(relation.type), {
      batch: { text: encodeRelationBatch([row]) },
      generation: `${graph}@another-generation`,
    });
    expect(fromString[0]?.get('written')).toBe(0);
    expect(await countGraph(driver, graph)).toEqual(before);
  });

  it('plans its batch statements with seeks only, so that skipping replans cannot leave a scan in place', async () => {
    type Plan = { operatorType: string; children: Plan[] };
    const operators = (plan: Plan): string[] => [plan.operatorType.replace(/@.*/, ''), ...plan.children.flatMap(operators)];
    const explain = async (cypher: string) => {
      const { summary } = await driver.executeQuery(`EXPLAIN ${cypher}`, { batch: { rows: [], text: '' }, generation: 'none' });
      return operators(summary.plan as unknown as Plan);
    };
    const entity = entityMergeCypher('Person');
    const relations = [relationCreateCypher('RESIGNED'), relationCreateFromStringCypher('RESIGNED')];
    for (const cypher of [entity, ...relations]) {
      expect(cypher).toMatch(/^CYPHER replan=skip UNWIND (split\()?\$batch\./);
      expect((await explain(cypher)).filter((op) => /Scan/.test(op))).toEqual([]);
    }
    expect(await explain(entity)).toContain('NodeUniqueIndexSeek(Locking)');
    for (const cypher of relations) expect((await explain(cypher)).filter((op) => op === 'NodeByElementIdSeek')).toHaveLength(2);
  });

  it('rejects graph names that could collide or inject', async () => {
    await expect(loadGraph(driver, tinyGraph(), { graph: 'Bad Name' })).rejects.toThrow(/Invalid graph name/);
    await expect(loadGraph(driver, tinyGraph(), { graph: 'x@y' })).rejects.toThrow(/Invalid graph name/);
  });
});
