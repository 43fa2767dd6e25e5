/**
 * @jest-environment jsdom
 */
import type { GraphQLClient } from '../api/client';
import { SteppeApiError } from '../api/client';
import type { DocumentPassageData, SearchHit } from '../api/types';
import { click, press, render, settle, typeInto } from '../test/render';
import { csto, tokayev, unrest } from '../test/fixtures';
import { SearchBox } from './SearchBox';

function clientAnswering(answer: (query: string) => unknown) {
  const queries: string[] = [];
  const client: GraphQLClient = {
    url: 'http://api.test/graphql',
    async request<T>(_doc: string, variables: Record<string, unknown> = {}) {
      const q = String(variables.query);
      queries.push(q);
      return answer(q) as T;
    },
  };
  return { client, queries };
}

const searchResult = (...entities: Omit<SearchHit, 'score'>[]) => ({
  search: { totalCount: entities.length, edges: entities.map((node, i) => ({ score: 10 - i, node })), suggestions: [] },
});

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

async function setup(answer: (query: string) => unknown) {
  const { client, queries } = clientAnswering(answer);
  const chosen: SearchHit[] = [];
  const outcomes: unknown[] = [];
  const view = await render(<SearchBox client={client} onChoose={(h) => chosen.push(h)} onOutcome={(o) => outcomes.push(o)} />);
  const input = view.container.querySelector<HTMLInputElement>('input[role="combobox"]')!;
  return { view, input, queries, chosen, outcomes };
}

describe('SearchBox', () => {
  it('has an accessible label', async () => {
    const { view, input } = await setup(() => searchResult());
    const label = view.container.querySelector(`label[for="${input.id}"]`);
    expect(label?.textContent).toMatch(/Search people, organisations, places and events/);
    await view.unmount();
  });

  it('debounces typing: one request for the final text', async () => {
    const { view, input, queries } = await setup(() => searchResult(tokayev));
    await typeInto(input, 'To');
    await settle(100);
    await typeInto(input, 'Toka');
    await settle(100);
    await typeInto(input, 'Tokayev');
    expect(queries).toEqual([]);
    await settle(300);
    expect(queries).toEqual(['Tokayev']);
    await view.unmount();
  });

  it('shows results as a listbox grouped by kind with headings, and Enter chooses the first', async () => {
    const { view, input, chosen } = await setup(() => searchResult(unrest, tokayev, csto));
    await typeInto(input, 'Tokayev');
    await settle(300);
    const listbox = view.container.querySelector('[role="listbox"]')!;
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(input.getAttribute('aria-controls')).toBe(listbox.id);
    const groups = [...listbox.querySelectorAll('[role="group"]')];
    const headings = groups.map((g) => document.getElementById(g.getAttribute('aria-labelledby')!)!);
    expect(headings.map((h) => h.textContent?.trim())).toEqual(['People', 'Organisations', 'Events']);
    // Each heading and option carries the kind's icon (inline SVG, no emoji font needed).
    for (const h of headings) expect(h.querySelector('svg[data-kind]')).not.toBeNull();
    expect(listbox.querySelectorAll('[role="option"] svg[data-kind]')).toHaveLength(3);
    const options = [...listbox.querySelectorAll('[role="option"]')];
    expect(options.map((o) => o.getAttribute('data-entity-id'))).toEqual(['kassym-jomart-tokayev', 'csto', 'january-2022-unrest']);
    expect(view.container.querySelector('[role="status"]')?.textContent).toBe('3 matches.');

    await press(input, 'Enter');
    expect(chosen.map((h) => h.id)).toEqual(['kassym-jomart-tokayev']);
    expect(input.getAttribute('aria-expanded')).toBe('false');
    await view.unmount();
  });

  it('moves through options with the arrow keys and marks the active one', async () => {
    const { view, input, chosen } = await setup(() => searchResult(tokayev, csto));
    await typeInto(input, 'ts');
    await settle(300);
    await press(input, 'ArrowDown');
    await press(input, 'ArrowDown');
    const active = input.getAttribute('aria-activedescendant');
    expect(document.getElementById(active!)?.getAttribute('data-entity-id')).toBe('csto');
    expect(document.getElementById(active!)?.getAttribute('aria-selected')).toBe('true');
    await press(input, 'Enter');
    expect(chosen.map((h) => h.id)).toEqual(['csto']);
    await view.unmount();
  });

  it('chooses an option on click', async () => {
    const { view, input, chosen } = await setup(() => searchResult(tokayev, csto));
    await typeInto(input, 'csto');
    await settle(300);
    await click(view.container.querySelector<HTMLElement>('[data-entity-id="csto"]')!);
    expect(chosen.map((h) => h.id)).toEqual(['csto']);
    await view.unmount();
  });

  it('says so when nothing matches', async () => {
    const { view, input } = await setup(() => searchResult());
    await typeInto(input, 'Atlantis');
    await settle(300);
    expect(view.container.querySelector('[role="status"]')?.textContent).toBe('No entities match “Atlantis”.');
    expect(view.container.querySelectorAll('[role="option"]')).toHaveLength(0);
    await view.unmount();
  });

  it('offers the closest names when nothing matches ("Did you mean"), and choosing one adds it', async () => {
    const { view, input, chosen } = await setup(() => ({ search: { totalCount: 0, edges: [], suggestions: [tokayev] } }));
    await typeInto(input, 'Tokjv');
    await settle(300);
    expect(view.container.querySelector('[role="status"]')?.textContent).toBe(
      'No entities match “Tokjv”. Did you mean Kassym-Jomart Tokayev?',
    );
    expect(view.container.querySelector('[role="listbox"]')?.getAttribute('aria-label')).toBe('Did you mean');
    const options = view.container.querySelectorAll<HTMLElement>('[role="option"]');
    expect([...options].map((o) => o.dataset.entityId)).toEqual(['kassym-jomart-tokayev']);
    await click(options[0]!);
    expect(chosen.map((h) => h.id)).toEqual(['kassym-jomart-tokayev']);
    await view.unmount();
  });

  it('shows why a search failed and reports the failure', async () => {
    const outage = new SteppeApiError('unreachable', "Can't reach the Steppe API at http://api.test/graphql.", 'http://api.test/graphql');
    const { view, input, outcomes } = await setup(() => {
      throw outage;
    });
    await typeInto(input, 'Tokayev');
    await settle(300);
    expect(view.container.querySelector('[role="status"]')?.textContent).toBe(
      "Search failed: Can't reach the Steppe API at http://api.test/graphql.",
    );
    expect(outcomes).toEqual([outage]);
    await view.unmount();
  });

  it('Enter before the debounce fires searches at once and chooses the best hit', async () => {
    const { view, input, queries, chosen } = await setup(() => searchResult(tokayev, csto));
    await typeInto(input, 'Tokayev');
    await press(input, 'Enter');
    // No timer has run: the search went out on Enter, not after the debounce.
    await settle(0);
    expect(queries).toEqual(['Tokayev']);
    expect(chosen.map((h) => h.id)).toEqual(['kassym-jomart-tokayev']);
    // When the debounce fires later it does not search again.
    await settle(300);
    expect(queries).toEqual(['Tokayev']);
    expect(chosen).toHaveLength(1);
    await view.unmount();
  });

  it('Enter with results for older text searches the current text instead of choosing a stale hit', async () => {
    const { view, input, queries, chosen } = await setup((q) => (q === 'csto' ? searchResult(csto) : searchResult(tokayev)));
    await typeInto(input, 'Tokayev');
    await settle(300);
    await typeInto(input, 'csto');
    await press(input, 'Enter');
    await settle(0);
    expect(queries).toEqual(['Tokayev', 'csto']);
    expect(chosen.map((h) => h.id)).toEqual(['csto']);
    await view.unmount();
  });

  it('a picker keeps the chosen name in the field', async () => {
    const { client } = clientAnswering(() => searchResult(csto));
    const view = await render(<SearchBox client={client} onChoose={() => undefined} label="Path to" keepChoice />);
    const input = view.container.querySelector<HTMLInputElement>('input[role="combobox"]')!;
    expect(view.container.querySelector('label')?.textContent).toBe('Path to');
    await typeInto(input, 'cst');
    await settle(300);
    await press(input, 'Enter');
    expect(input.value).toBe('Collective Security Treaty Organization');
    await view.unmount();
  });

  it('does not search for a single character', async () => {
    const { view, input, queries } = await setup(() => searchResult(tokayev));
    await typeInto(input, 'T');
    await settle(300);
    expect(queries).toEqual([]);
    await view.unmount();
  });

  it('lists the passages only once the entities of the same text are there, so that nothing moves under the pointer', async () => {
    let answerEntities: (() => void) | undefined;
    const passage = {
      start: 0,
      end: 40,
      source: { id: 'doc-1', title: 'Tokayev asks for help', outlet: 'Example Wire', publishedAt: '2022-01-05' },
      snippet: { text: 'Tokayev asked the CSTO for help', start: 0, end: 31, highlights: [{ start: 0, end: 7 }] },
      relationCount: 0,
      relations: [],
    };
    const client: GraphQLClient = {
      url: 'http://api.test/graphql',
      async request<T>(doc: string) {
        // The documents answer at once; the entities only when the test says so.
        if (doc.includes('searchDocuments')) return { searchDocuments: { totalCount: 1, passages: [passage] } } as T;
        await new Promise<void>((resolve) => (answerEntities = resolve));
        return searchResult(tokayev) as T;
      },
    };
    const view = await render(<SearchBox client={client} onChoose={() => undefined} onChoosePassage={() => undefined} />);
    const input = view.container.querySelector<HTMLInputElement>('input[role="combobox"]')!;
    await typeInto(input, 'Tokayev');
    await settle(300);
    expect(view.container.querySelectorAll('[role="option"]')).toHaveLength(0);
    expect(view.container.querySelector('[role="status"]')?.textContent).toContain('Searching for “Tokayev”');
    answerEntities?.();
    await settle(0);
    const options = [...view.container.querySelectorAll('[role="option"]')];
    expect(options.map((o) => o.getAttribute('data-entity-id') ?? o.getAttribute('data-source-id'))).toEqual([
      'kassym-jomart-tokayev',
      'doc-1',
    ]);
    await view.unmount();
  });

  it('lists passages of the documents under the entities, and Enter on one opens it', async () => {
    const text = 'Tokayev asked the CSTO for help';
    const { client, queries } = clientAnswering(() => ({
      ...searchResult(tokayev),
      searchDocuments: {
        totalCount: 3,
        passages: [
          {
            start: 90,
            end: 200,
            source: { id: 'doc-1', title: 'Tokayev asks for help', outlet: 'Example Wire', publishedAt: '2022-01-05' },
            snippet: { text, start: 100, end: 100 + text.length, highlights: [{ start: 100, end: 107 }] },
            relationCount: 3,
            relations: [
              { id: 'r1', label: 'requested aid from', from: { id: tokayev.id, name: 'Tokayev' }, to: { id: csto.id, name: 'CSTO' } },
              { id: 'r2', label: 'accused', from: { id: tokayev.id, name: 'Tokayev' }, to: { id: 'x', name: 'terrorists' } },
            ],
          },
        ],
      },
    }));
    const chosen: DocumentPassageData[] = [];
    const view = await render(<SearchBox client={client} onChoose={() => undefined} onChoosePassage={(p) => chosen.push(p)} />);
    const input = view.container.querySelector<HTMLInputElement>('input[role="combobox"]')!;
    await typeInto(input, 'Tokayev');
    await settle(300);
    // One entity search and one document search for the text.
    expect(queries).toEqual(['Tokayev', 'Tokayev']);
    const groups = [...view.container.querySelectorAll('[role="group"]')];
    const headings = groups.map((g) => document.getElementById(g.getAttribute('aria-labelledby')!)!.textContent?.trim());
    expect(headings).toEqual(['People', 'In the documents']);
    const passage = groups[1]!.querySelector('[role="option"]')!;
    expect(passage.getAttribute('data-source-id')).toBe('doc-1');
    expect(passage.textContent).toContain('Tokayev asks for help');
    expect([...passage.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Tokayev']);
    expect(passage.textContent).toContain('Cited for: Tokayev requested aid from CSTO; Tokayev accused terrorists and 1 more');
    expect(view.container.querySelector('[role="status"]')?.textContent).toContain('3 passages in the documents (1 shown)');

    await press(input, 'ArrowDown');
    await press(input, 'ArrowDown');
    expect(input.getAttribute('aria-activedescendant')).toBe(passage.id);
    await press(input, 'Enter');
    expect(chosen.map((p) => [p.source.id, p.start, p.end])).toEqual([['doc-1', 90, 200]]);
    await view.unmount();
  });
});
