import type { Entity, Source } from '@steppe/domain';
import { collectText, writeCytoscapeJson, writeGraphml, type ExportInput, type ExportRelation } from '@steppe/exporters';
import { ImportError } from '@steppe/exporters/import';
import { relationsOf } from './state';
import { workspaceElements } from '../graph/elements';
import { csto as cstoSummary } from '../test/fixtures';
import { importBatch, importSummary, MAX_IMPORT_ENTITIES, readImportFile } from './import';
import { currentView, INITIAL_WORKSPACE, workspaceReducer, type WorkspaceAction, type WorkspaceState } from './reducer';
import { visibility } from './visibility';

/** Domain records, written by the real exporters, read back by the explorer. */
const tokayev: Entity = {
  id: 'kassym-jomart-tokayev',
  kind: 'Person',
  name: 'Kassym-Jomart Tokayev',
  aliases: ['Токаев'],
  description: 'President.',
  roles: ['President of Kazakhstan'],
};
const csto: Entity = {
  id: 'csto',
  kind: 'Organisation',
  name: 'Collective Security Treaty Organization',
  aliases: ['CSTO'],
  description: 'An alliance.',
  orgType: 'alliance',
};
const almaty: Entity = {
  id: 'almaty',
  kind: 'Place',
  name: 'Almaty',
  aliases: [],
  description: 'A city, “the southern capital”, with commas, and <markup>.',
  country: 'KZ',
};
const sources: Source[] = [
  { id: 'doc-001.md', title: 'Tokayev asks CSTO for help', outlet: 'Example Wire', publishedAt: '2022-01-05', languages: ['en'] },
  { id: 'doc-002.md', title: 'Troops requested', languages: ['en'], url: 'https://example.org/troops' },
];
const aid: ExportRelation = {
  id: 'tokayev-requested-aid-from-csto',
  type: 'REQUESTED_AID_FROM',
  from: tokayev.id,
  to: csto.id,
  date: '2022-01-05',
  stance: 'ASSERTED',
  confidence: 0.95,
  evidence: [
    { sourceId: 'doc-001.md', quote: 'Tokayev appealed to the CSTO heads of state, "to help".', stance: 'ASSERTED' },
    { sourceId: 'doc-002.md', quote: 'The president said he had turned to the CSTO.', stance: 'DENIED' },
  ],
};
const deployed: ExportRelation = {
  id: 'csto-deployed-to-almaty',
  type: 'DEPLOYED_TO',
  from: csto.id,
  to: almaty.id,
  startDate: '2022-01-06',
  endDate: '2022-01-19',
  stance: 'ASSERTED',
  confidence: 0.9,
  evidence: [{ sourceId: 'doc-001.md', quote: 'Peacekeepers guarded the airport.' }],
};

function input(): ExportInput {
  return {
    meta: {
      title: 'Tokayev and the CSTO',
      query: { ids: [tokayev.id, csto.id, almaty.id], depth: 0 },
      generatedAt: '2026-11-30T08:00:00.000Z',
      permalink: 'http://localhost:3000/?e=csto',
    },
    nodes: [tokayev, csto, almaty],
    edges: [aid, deployed],
    sources,
  };
}

const run = (state: WorkspaceState, ...actions: WorkspaceAction[]) => actions.reduce(workspaceReducer, state);

describe.each([
  ['JSON (.cyjs)', 'tokayev.cyjs', () => collectText(writeCytoscapeJson(input()))],
  ['GraphML', 'tokayev.graphml', () => collectText(writeGraphml(input()))],
])('importing a %s export', (_label, fileName, write) => {
  let text: string;
  beforeAll(async () => {
    text = await write();
  });

  it('gives the explorer’s records: entities with facts, relations with label, evidence and sources', () => {
    const batch = importBatch(fileName, readImportFile(fileName, text), INITIAL_WORKSPACE.data);
    expect(batch.ids).toEqual([tokayev.id, csto.id, almaty.id]);
    expect(batch.title).toBe('Tokayev and the CSTO');
    expect(batch.entities.find((e) => e.id === tokayev.id)).toEqual({
      id: tokayev.id,
      kind: 'Person',
      name: 'Kassym-Jomart Tokayev',
      aliases: ['Токаев'],
      description: 'President.',
      facts: { roles: ['President of Kazakhstan'] },
    });
    expect(batch.entities.find((e) => e.id === almaty.id)?.description).toBe(almaty.description);
    const relation = batch.relations.find((r) => r.id === aid.id)!;
    expect(relation).toMatchObject({
      type: 'REQUESTED_AID_FROM',
      label: 'requested aid from',
      date: '2022-01-05',
      stance: 'ASSERTED',
      sourceCount: 2,
      contested: true,
    });
    expect(relation.from.name).toBe('Kassym-Jomart Tokayev');
    expect(relation.evidence).toEqual([
      {
        quote: aid.evidence[0]!.quote,
        stance: 'ASSERTED',
        source: { id: 'doc-001.md', title: 'Tokayev asks CSTO for help', outlet: 'Example Wire', publishedAt: '2022-01-05', url: null },
      },
      {
        quote: aid.evidence[1]!.quote,
        stance: 'DENIED',
        source: { id: 'doc-002.md', title: 'Troops requested', outlet: null, publishedAt: null, url: 'https://example.org/troops' },
      },
    ]);
    expect(batch.relations.find((r) => r.id === deployed.id)).toMatchObject({
      startDate: '2022-01-06',
      endDate: '2022-01-19',
      sourceCount: 1,
      contested: false,
    });
  });

  it('puts them on the canvas as one undoable step, with their evidence for the details panel', () => {
    const batch = importBatch(fileName, readImportFile(fileName, text), INITIAL_WORKSPACE.data);
    const state = run(INITIAL_WORKSPACE, {
      type: 'import/add',
      entities: batch.entities,
      relations: batch.relations,
      ids: batch.ids,
      fileOnly: [almaty.id],
      known: [tokayev.id, csto.id],
    });
    const view = currentView(state);
    expect(view.nodes).toEqual(batch.ids);
    expect(state.history.past).toHaveLength(1);
    expect(state.fileOnly).toEqual([almaty.id]);
    const elements = workspaceElements(state.data, view, visibility(state.data, view));
    expect(elements.filter((e) => e.group === 'nodes').map((e) => e.data.id)).toEqual(batch.ids);
    expect(
      elements
        .filter((e) => e.group === 'edges')
        .map((e) => e.data.id)
        .sort(),
    ).toEqual([`relation:${deployed.id}`, `relation:${aid.id}`].sort());
    expect(
      relationsOf(state.data, csto.id)
        .map((r) => r.evidence.length)
        .sort(),
    ).toEqual([1, 2]);
    expect(relationsOf(state.data, tokayev.id)[0]!.evidence.map((e) => e.source.title)).toEqual([
      'Tokayev asks CSTO for help',
      'Troops requested',
    ]);

    const undone = run(state, { type: 'history/undo' });
    expect(currentView(undone).nodes).toEqual([]);
    // Undo changes what is shown, not what is known: redo brings the same picture back.
    expect(undone.data.entities[almaty.id]).toBeDefined();
    expect(currentView(run(undone, { type: 'history/redo' })).nodes).toEqual(batch.ids);
  });
});

describe('importing next to what the explorer holds', () => {
  it('keeps the fetched records, adds what is missing, and points relations at the held entity', async () => {
    const text = await collectText(writeCytoscapeJson(input()));
    const held = run(INITIAL_WORKSPACE, { type: 'data/merge', entities: [cstoSummary] }, { type: 'canvas/add', ids: [cstoSummary.id] });
    const batch = importBatch('x.cyjs', readImportFile('x.cyjs', text), held.data);
    expect(batch.entities.map((e) => e.id)).toEqual([tokayev.id, almaty.id]);
    expect(batch.relations.find((r) => r.id === aid.id)!.to).toBe(held.data.entities.csto);
    const state = run(held, {
      type: 'import/add',
      entities: batch.entities,
      relations: batch.relations,
      ids: batch.ids,
      fileOnly: [],
      known: batch.ids,
    });
    expect(state.data.entities.csto).toBe(held.data.entities.csto);
    expect(currentView(state).nodes).toEqual([cstoSummary.id, tokayev.id, almaty.id]);
  });

  it('forgets that an entity was file-only once the API says it holds it', () => {
    const a = run(INITIAL_WORKSPACE, { type: 'import/add', entities: [], relations: [], ids: [], fileOnly: ['x', 'y'], known: [] });
    expect(run(a, { type: 'import/add', entities: [], relations: [], ids: [], fileOnly: [], known: ['x'] }).fileOnly).toEqual(['y']);
  });
});

describe('a bad file', () => {
  it('is refused with a message naming the file and what is wrong (the hook dispatches nothing then)', async () => {
    const good = JSON.parse(await collectText(writeCytoscapeJson(input()))) as { elements: { edges: { data: Record<string, unknown> }[] } };
    good.elements.edges[1]!.data.target = 'nowhere';
    expect(() => readImportFile('broken.cyjs', JSON.stringify(good))).toThrow(
      new ImportError(
        '“broken.cyjs” could not be imported. Relation "csto-deployed-to-almaty" ends at "nowhere", which is not in the file.',
      ),
    );
    expect(() => readImportFile('notes.txt', 'hello')).toThrow(/“notes\.txt” could not be imported\. Neither JSON nor XML/);
    expect(() => readImportFile('half.graphml', '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph>')).toThrow(
      /“half\.graphml” could not be imported\. Not well-formed XML/,
    );
    expect(() => readImportFile('empty.cyjs', '{"elements":{"nodes":[],"edges":[]}}')).toThrow(/holds no entities/);
  });

  it('refuses more entities than one view holds', () => {
    const nodes = Array.from({ length: MAX_IMPORT_ENTITIES + 1 }, (_, i) => ({ data: { id: `e${i}`, kind: 'Place', name: `Place ${i}` } }));
    expect(() => readImportFile('big.cyjs', JSON.stringify({ elements: { nodes, edges: [] } }))).toThrow(
      /501 entities; the explorer shows at most 500/,
    );
  });
});

describe('importSummary', () => {
  it('says what came in and what the API does not hold', () => {
    const batch = { fileName: 'x.cyjs', ids: ['a', 'b', 'c'], relationCount: 1 };
    expect(importSummary(batch, 0, true)).toBe('Imported 3 entities and 1 relation from “x.cyjs”.');
    expect(importSummary(batch, 2, true)).toMatch(
      /^Imported 3 entities and 1 relation from “x\.cyjs”\. 2 of them are not in the API’s graph/,
    );
    expect(importSummary(batch, 0, false)).toMatch(/The API could not be asked/);
  });
});
