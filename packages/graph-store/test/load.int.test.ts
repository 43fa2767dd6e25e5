import type { Driver } from 'neo4j-driver';
import { loadGraph, relationCreateCypher, relationProps, relationValues, resetGraph } from '../src';
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
      rows: [row],
      generation: `${graph}@another-generation`,
    });
    expect(written[0]?.get('written')).toBe(0);
    expect(await countGraph(driver, graph)).toEqual(before);
  });

  it('rejects graph names that could collide or inject', async () => {
    await expect(loadGraph(driver, tinyGraph(), { graph: 'Bad Name' })).rejects.toThrow(/Invalid graph name/);
    await expect(loadGraph(driver, tinyGraph(), { graph: 'x@y' })).rejects.toThrow(/Invalid graph name/);
  });
});
