import {
  edgesAmongSubquery,
  neighbourhoodLevelStatement,
  pathsStatement,
  relationFilter,
  sortedById,
  strongestFirst,
  subgraphStatement,
} from '../src/explore';
import {
  entityProjection,
  entityTuple,
  ENTITY_TUPLE_FIELDS,
  fromTuple,
  relationProjection,
  relationTuple,
  relationTupleFields,
} from '../src/patterns';
import { relationListQuery } from '../src/relation-list';

/** Every `$name` a statement refers to. */
const paramsOf = (cypher: string) => new Set([...cypher.matchAll(/\$([A-Za-z]\w*)/g)].map((m) => m[1]));

describe('projections', () => {
  it('project relations explicitly, with or without the evidence lists, never the generation key', () => {
    const full = relationProjection('r');
    expect(full).toMatch(/^r \{\.id, /);
    for (const field of [
      '.sourceCount',
      '.contested',
      '.evidenceSources',
      '.evidenceQuotes',
      '.evidenceStances',
      'type: type(r)',
      'from: startNode(r).id',
      'to: endNode(r).id',
    ]) {
      expect(full).toContain(field);
    }
    expect(full).not.toMatch(/\.\*|\.graph\b|sortStart/);
    const light = relationProjection('x', { evidence: false });
    expect(light).toContain('type: type(x)');
    expect(light).toContain('.sourceCount');
    expect(light).not.toContain('evidence');
    for (const field of ['.date', '.startDate', '.endDate', '.stance', '.confidence', '.detail']) expect(full).toContain(field);
    const summary = relationProjection('r', { evidence: false, details: false });
    expect(summary).toBe('r {.id, .sourceCount, .contested, type: type(r), from: startNode(r).id, to: endNode(r).id}');
  });

  it.each([{}, { evidence: false }, { details: false }, { evidence: false, details: false }])(
    'lists a relation %j in the order relationTupleFields names it, with the fields of the map projection',
    (shape) => {
      const listed = relationTuple('r', shape).slice(1, -1).split(', ');
      const names = relationTupleFields(shape);
      expect(listed).toHaveLength(names.length);
      // the stored fields in order, then type and endpoint ids, as the map projection names them
      const projected = relationProjection('r', shape)
        .slice(3, -1)
        .split(', ')
        .map((part) => (part.startsWith('.') ? [part.slice(1), `r${part}`] : part.split(': ')));
      expect(listed).toEqual(projected.map(([, expression]) => expression));
      expect(names).toEqual(projected.map(([name]) => name));
    },
  );

  it('names a tuple back into the map a record is built from', () => {
    expect(fromTuple(['id', 'type', 'from'], ['r1', 'ACCUSED', 'a'])).toEqual({ id: 'r1', type: 'ACCUSED', from: 'a' });
    const listed = entityTuple('n').slice(1, -1).split(', ');
    expect(listed).toEqual(ENTITY_TUPLE_FIELDS.map((f) => `n.${f}`));
    expect(entityProjection('n')).toBe(`n {${ENTITY_TUPLE_FIELDS.map((f) => `.${f}`).join(', ')}}`);
  });

  it('projects entities explicitly', () => {
    const p = entityProjection('m');
    expect(p).toMatch(/^m \{\.id, \.kind, \.name, /);
    expect(p).not.toMatch(/\.graph\b|sortStart/);
  });

  it.each(['r}) DETACH DELETE r //', 'R', '1r', ''])('refuses %j as a variable', (v) => {
    expect(() => relationProjection(v)).toThrow(/Invalid Cypher variable/);
    expect(() => entityProjection(v)).toThrow(/Invalid Cypher variable/);
  });
});

describe('edges among a node list', () => {
  it('tests membership in the member buckets and projects only the page it returns, as tuples', () => {
    const q = edgesAmongSubquery('nodes', { types: ['ACCUSED'], evidence: false, condition: '$withEdges', imports: ['total'] });
    expect(q).toMatch(/^CALL \(nodes, total\) \{/);
    expect(q).toContain('WITH nodes WHERE $withEdges');
    expect(q).toContain('collect(id(x)) AS memberIds');
    expect(q).toContain('[i IN range(0, 63) | [x IN memberIds WHERE x % 64 = i]] AS buckets');
    expect(q).toContain('MATCH (a)-[r:ACCUSED]->(b) WHERE id(a) IN buckets[id(a) % 64]');
    expect(q).toContain('MATCH (a)-[r:ACCUSED]->(b) WHERE id(b) IN buckets[id(b) % 64]');
    expect(q).toContain('MATCH (a)-[r:ACCUSED]-(b) WHERE id(b) IN buckets[id(b) % 64]');
    // collect the relationships; sort by id (reading every id) only a list cut at the edge limit; project as lists in relationTupleFields' order
    expect(q).toMatch(/WITH collect\(r\) AS found\s+CALL \(found\) \{\s+WITH found WHERE size\(found\) > \$edgeLimit/);
    expect(q).toMatch(/WITH r ORDER BY r\.id\s+RETURN collect\(r\)\[0\.\.\$edgeLimit\] AS kept/);
    expect(q).toContain('[r IN CASE WHEN size(found) > $edgeLimit THEN kept ELSE found END | [r.id, ');
    expect(q).not.toContain('evidence');
  });

  it('picks the cheapest expansion from degrees counted with the type filter', () => {
    const q = edgesAmongSubquery('nodes', { types: ['ACCUSED', 'DENIED'] });
    expect(q).toContain('COUNT { (x)-[:ACCUSED|DENIED]->() } AS outDegree');
    expect(q).toContain('COUNT { (x)<-[:ACCUSED|DENIED]-() } AS inDegree');
    expect(q).toContain('COUNT { (x)-[:ACCUSED|DENIED]-() } AS degree');
    // expanding all but the highest-degree node is ruled out when that node has a self-loop
    expect(q).toContain('top.outDegree + top.inDegree = top.degree');
    expect(q).toContain("UNWIND CASE plan WHEN 'BOTH' THEN members[1..] ELSE [] END AS a");
  });

  it('tests only the filters the request sets, with parameters', () => {
    expect(edgesAmongSubquery('nodes', {})).toContain('WITH r WHERE true');
    const q = edgesAmongSubquery('nodes', { filter: { minSources: true, from: true, to: true } });
    expect(q).toContain(
      'r.sourceCount >= $minSources AND (r.sortEnd IS NULL OR r.sortEnd >= $from OR (r.endDate IS NULL AND r.date IS NULL)) AND (r.sortStart IS NULL OR r.sortStart <= $to)',
    );
    expect(relationFilter({ to: true })).toBe('(r.sortStart IS NULL OR r.sortStart <= $to)');
    expect(() => relationFilter({}, 'r) DETACH DELETE r //')).toThrow(/Invalid Cypher variable/);
  });

  it('writes only vocabulary relation types', () => {
    expect(() => edgesAmongSubquery('nodes', { types: ['ACCUSED]->() DETACH DELETE a //'] })).toThrow(/Unknown relation type/);
  });
});

describe('relations in id order', () => {
  it('sorts slug ids as Cypher orders them', () => {
    const ids = ['r-10', 'r-9', 'r-1', 'a-2', 'a-10', '9-x', 'r-1-b', 'r'];
    expect(sortedById(ids.map((id) => ({ id }))).map((x) => x.id)).toEqual(['9-x', 'a-10', 'a-2', 'r', 'r-1', 'r-1-b', 'r-10', 'r-9']);
  });
});

describe('strongest first', () => {
  it('sorts by strength alone, then by id only the neighbours as strong as the last that fits', () => {
    const q = strongestFirst('$needed');
    expect(q).toMatch(/^WITH m, strength ORDER BY strength DESC\s+WITH collect\(m\) AS ms, collect\(strength\) AS ss/);
    expect(q).toContain('CASE WHEN size(ss) > $needed THEN ss[$needed - 1] END AS cut');
    expect(q).toContain('UNWIND range(0, size([s IN ss WHERE cut IS NULL OR s >= cut]) - 1) AS i');
    expect(q).toMatch(/ORDER BY strength DESC, m\.id\s+RETURN collect\(m\)\[0\.\.\$needed\] AS found/);
    // the count is of every neighbour, taken outside the subquery so that no neighbours still gives a row
    expect(q).toMatch(/\}\s+RETURN found, size\(ms\) AS candidates$/);
  });
});

describe('neighbourhood level statement', () => {
  it('looks the start entities up in the first level and expands them in the same statement', () => {
    const q = neighbourhoodLevelStatement({ first: true, direction: 'BOTH', types: undefined });
    expect(q).toContain('UNWIND $ids AS id');
    expect(q).toContain('MATCH (n)-[r]-(m:Entity)');
    // the first level skips its start entities
    expect(q).toContain('WHERE NOT m IN starts AND true');
    expect(q).not.toContain('$frontier');
    // only the neighbours that fit are ranked by id (strongestFirst), and only the page is projected
    expect(q).toContain(strongestFirst('(CASE WHEN $final THEN $room ELSE $room + $keysCap END)'));
    expect(q).toContain('WITH starts, knownNodes, found, candidates AS total');
    expect(q).toContain('$room AS room');
    expect(q).toContain('found[0..room] AS page');
    // the entities held back are expanded by the next level too, so that omittedNodes counts every depth
    expect(q).toContain('WHEN total > room THEN found[0..room + $keysCap]');
    expect(q).toContain('$withEdges AND ($final OR total > room OR total = 0)');
    expect(paramsOf(q)).toEqual(new Set(['graph', 'ids', 'room', 'keysCap', 'withEdges', 'final', 'edgeLimit']));
    const filtered = neighbourhoodLevelStatement({
      first: true,
      direction: 'BOTH',
      kinds: true,
      filter: { minSources: true, from: true, to: true },
    });
    expect(filtered).toContain('m.kind IN $kinds');
    expect(paramsOf(filtered)).toEqual(
      new Set(['graph', 'ids', 'kinds', 'minSources', 'from', 'to', 'room', 'keysCap', 'withEdges', 'final', 'edgeLimit']),
    );
  });

  it('continues from element ids of the previous levels, checked against the active generation', () => {
    const q = neighbourhoodLevelStatement({ first: false, direction: 'OUT', types: ['ACCUSED', 'RESIGNED'] });
    expect(q).toContain('elementId(f) IN $frontier AND f.graph = g');
    expect(q).toContain('elementId(k) IN $known AND k.graph = g');
    // later levels skip every entity met so far: the parameter itself, which Neo4j tests as a set
    expect(q).toContain('WHERE NOT elementId(m) IN $seen AND true');
    expect(q).toContain('MATCH (n)-[r:ACCUSED|RESIGNED]->(m:Entity)');
    expect(q).toContain('MATCH (a)-[r:ACCUSED|RESIGNED]->(b)');
    expect(paramsOf(q)).toEqual(new Set(['graph', 'known', 'seen', 'frontier', 'room', 'keysCap', 'withEdges', 'final', 'edgeLimit']));
  });

  it('samples at most $perNode relationships of each frontier entity when asked, and estimates the total', () => {
    const q = neighbourhoodLevelStatement({ first: false, direction: 'BOTH', sampled: true });
    expect(q).toContain('CALL (n) { MATCH (n)-[r]-(m:Entity) RETURN r, m LIMIT $perNode }');
    expect(q).toContain('toInteger(round(candidates * toFloat(cost) / scanned))');
    expect(paramsOf(q)).toEqual(
      new Set(['graph', 'known', 'seen', 'frontier', 'perNode', 'room', 'keysCap', 'withEdges', 'final', 'edgeLimit']),
    );
  });

  it('includes the evidence lists only when asked', () => {
    expect(neighbourhoodLevelStatement({ first: true, direction: 'BOTH' })).toContain('.evidenceQuotes');
    expect(neighbourhoodLevelStatement({ first: true, direction: 'BOTH', evidence: false })).not.toContain('evidence');
  });
});

describe('subgraph and paths statements', () => {
  it('reads a subgraph in one statement with parameters only', () => {
    const q = subgraphStatement({ evidence: true });
    expect(q).toContain('UNWIND $ids AS id');
    expect(q).toContain('.evidenceQuotes');
    expect(paramsOf(q)).toEqual(new Set(['graph', 'ids', 'edgeLimit']));
  });

  it('checks both endpoints and finds paths in one statement', () => {
    const q = pathsStatement({ maxHops: 4, mode: 'SHORTEST', evidence: false });
    expect(q).toContain('OPTIONAL MATCH (a:Entity {graph: g, id: $fromId})');
    expect(q).toContain('OPTIONAL MATCH (b:Entity {graph: g, id: $toId})');
    expect(q).toContain('shortestPath((a)-[*1..4]-(b))');
    expect(q).toContain('a IS NOT NULL AS fromFound');
    expect(q).not.toContain('evidence');
    expect(pathsStatement({ maxHops: 2, mode: 'ALL_SHORTEST', types: ['ACCUSED'] })).toContain('allShortestPaths((a)-[:ACCUSED*1..2]-(b))');
    expect(paramsOf(q)).toEqual(new Set(['graph', 'fromId', 'toId', 'limit']));
  });

  it.each([0, 7, 2.5])('refuses maxHops %p', (maxHops) => {
    expect(() => pathsStatement({ maxHops, mode: 'ALL' })).toThrow(/maxHops/);
  });
});

describe('relation list', () => {
  it('writes vocabulary types into the pattern and everything else as parameters', () => {
    const { cypher, params } = relationListQuery('steppe', {
      types: ['ACCUSED', 'DENIED'],
      contested: true,
      sourceId: "x' OR 1=1",
      offset: 20,
      limit: 10,
    });
    expect(cypher).toContain('[r:ACCUSED|DENIED]');
    expect(cypher).not.toContain("x' OR 1=1");
    for (const name of paramsOf(cypher)) expect(params).toHaveProperty(name as string);
    expect(params).toMatchObject({ graph: 'steppe', contested: true, sourceId: "x' OR 1=1" });
    expect(Number(params.offset)).toBe(20);
    expect(Number(params.limit)).toBe(10);
  });

  it('leaves filters out as nulls and matches every type when none is given', () => {
    const { cypher, params } = relationListQuery('steppe', { offset: 0, limit: 5 });
    expect(cypher).toContain('-[r]->');
    expect(params).toMatchObject({ contested: null, sourceId: null });
  });

  it('refuses a type outside the vocabulary', () => {
    expect(() => relationListQuery('steppe', { types: ['KNOWS'], offset: 0, limit: 5 })).toThrow(/Unknown relation type "KNOWS"/);
  });
});
