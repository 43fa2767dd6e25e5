/**
 * @jest-environment jsdom
 */
import { act, useState } from 'react';
import { addNeighbourhood, EMPTY_GRAPH } from '../workspace/state';
import type { Selection } from '../workspace/reducer';
import { click, render } from '../test/render';
import { tokayevNeighbourhood } from '../test/fixtures';
import { DetailsPanel, expansionSummary, readFrom, splitEvidence } from './DetailsPanel';

const graph = addNeighbourhood(EMPTY_GRAPH, tokayevNeighbourhood());

async function show(selection: Selection | null) {
  const selected: Selection[] = [];
  const expanded: string[] = [];
  const view = await render(
    <DetailsPanel
      graph={graph}
      selection={selection}
      pending={new Set()}
      onSelect={(s) => selected.push(s)}
      onExpand={(e) => expanded.push(e.id)}
    />,
  );
  return { view, selected, expanded, text: view.container.textContent ?? '' };
}

describe('DetailsPanel', () => {
  it('shows a hint when nothing is selected', async () => {
    const { view, text } = await show(null);
    expect(text).toContain('Click a node');
    await view.unmount();
  });

  it('shows a claim with its stance, contested flag and every piece of evidence', async () => {
    const { view, text } = await show({ type: 'relation', id: 'tokayev-accused-unrest' });
    expect(view.container.querySelector('h2')?.textContent).toBe('Kassym-Jomart Tokayev accused January 2022 unrest');
    expect(text).toContain('foreign-trained terrorists');
    expect(text).toContain('Contested: sources disagree');
    expect(text).toContain('Evidence (2)');
    const items = [...view.container.querySelectorAll('.evidence')];
    expect(items).toHaveLength(2);
    expect(items[0]!.querySelector('blockquote')?.textContent).toBe('“Tokayev blamed the unrest on foreign-trained terrorists.”');
    expect(items[0]!.textContent).toContain('Shoot without warning');
    expect(items[0]!.textContent).toContain('Example News');
    expect(items[0]!.textContent).toContain('7 January 2022');
    expect(items[1]!.querySelector('.evidenceStance')?.textContent).toBe('This source denied it.');
    await view.unmount();
  });

  it('links a source that has a URL and shows a partial publication date as given', async () => {
    const { view } = await show({ type: 'relation', id: 'tokayev-requested-aid-from-csto' });
    const link = view.container.querySelector<HTMLAnchorElement>('.evidence a');
    expect(link?.href).toBe('https://example.org/troops');
    expect(link?.rel).toContain('noopener');
    expect(view.container.textContent).toContain('January 2022');
    expect(view.container.textContent).toContain('No source disputes it');
    await view.unmount();
  });

  it('shows an entity with description, aliases, facts and its relations; a relation opens its evidence', async () => {
    const { view, text, selected } = await show({ type: 'entity', id: 'kassym-jomart-tokayev' });
    expect(view.container.querySelector('h2')?.textContent).toBe('Kassym-Jomart Tokayev');
    expect(text).toContain('President of Kazakhstan since 2019.');
    expect(text).toContain('Also known as Tokaev, Токаев');
    expect(text).toContain('RolesPresident of Kazakhstan');
    expect(text).toContain('Only its relations to entities already on the canvas are shown.');
    const headings = [...view.container.querySelectorAll('.relationGroupHeading')].map((h) => h.textContent);
    expect(headings).toEqual(['accused (1)', 'requested aid from (1)']);
    const buttons = [...view.container.querySelectorAll<HTMLButtonElement>('button[data-relation-id]')];
    expect(buttons.map((b) => b.textContent)).toEqual([
      'accused January 2022 unrest ⚠ · 2 quotes',
      'requested aid from Collective Security Treaty Organization · 2 quotes',
    ]);
    await click(buttons[1]!);
    expect(selected).toEqual([{ type: 'relation', id: 'tokayev-requested-aid-from-csto' }]);
    await view.unmount();
  });

  it('offers to load the neighbours of an entity that has not been expanded', async () => {
    const { view, expanded, text } = await show({ type: 'entity', id: 'csto' });
    expect(text).toContain('was asked for aid by Kassym-Jomart Tokayev');
    const button = [...view.container.querySelectorAll('button')].find((b) => b.textContent === 'Show neighbours')!;
    await click(button);
    expect(expanded).toEqual(['csto']);
    await view.unmount();
  });
});

describe('readFrom', () => {
  it('reads a relation from either end', () => {
    const relation = tokayevNeighbourhood().relations[0]!;
    expect(readFrom(relation, 'kassym-jomart-tokayev')).toMatchObject({ phrase: 'requested aid from', other: { id: 'csto' } });
    expect(readFrom(relation, 'csto')).toMatchObject({ phrase: 'was asked for aid by', other: { id: 'kassym-jomart-tokayev' } });
  });
});

describe('expansionSummary', () => {
  it('says how much of the neighbourhood is on the canvas', () => {
    const e = (omitted: number, types: string[] | null = null) => ({ limit: 26, omitted, types, direction: 'BOTH' as const });
    expect(expansionSummary(undefined, 2)).toBe('Only its relations to entities already on the canvas are shown.');
    expect(expansionSummary(e(0), 0)).toBe('The graph holds no relations of this entity.');
    expect(expansionSummary(e(0), 7)).toBe('Expanded: all its neighbours are on the canvas.');
    expect(expansionSummary(e(12), 25)).toBe('Expanded: 12 more neighbours not shown yet.');
    expect(expansionSummary(e(1, ['REQUESTED_AID_FROM']), 3)).toBe('Expanded (requested aid from): 1 more neighbour not shown yet.');
  });
});

describe('contested claims', () => {
  it('shows the sources that support and the sources that dispute a claim side by side', async () => {
    const { view } = await show({ type: 'relation', id: 'tokayev-accused-unrest' });
    const support = view.container.querySelector('section[aria-label="Sources that support the claim"]')!;
    const dispute = view.container.querySelector('section[aria-label="Sources that dispute the claim"]')!;
    expect(support.querySelectorAll('.evidence')).toHaveLength(1);
    expect(dispute.querySelectorAll('.evidence')).toHaveLength(1);
    expect(support.textContent).toContain('Shoot without warning');
    expect(dispute.textContent).toContain('Questions remain');
    expect(view.container.textContent).toContain('Sources disagree: 1 quote supports the claim, 1 quote disputes it.');
    await view.unmount();
  });

  it('lists uncontested evidence in one column', async () => {
    const { view } = await show({ type: 'relation', id: 'tokayev-requested-aid-from-csto' });
    expect(view.container.querySelector('section[aria-label="Sources that support the claim"]')).toBeNull();
    expect(view.container.querySelectorAll('.evidence')).toHaveLength(2);
    await view.unmount();
  });
});

describe('splitEvidence', () => {
  it('puts denials on one side and everything else on the other', () => {
    const relation = tokayevNeighbourhood().relations[1]!;
    const { supporting, disputing } = splitEvidence(relation.evidence);
    expect(supporting.map((e) => e.stance)).toEqual(['CLAIMED']);
    expect(disputing.map((e) => e.stance)).toEqual(['DENIED']);
  });
});

describe('DetailsPanel focus, scrolling and explanations', () => {
  function Stateful({ initial }: { initial: Selection }) {
    const [selection, setSelection] = useState<Selection | null>(initial);
    return (
      <div style={{ overflowY: 'auto' }} data-testid="scroller">
        <DetailsPanel graph={graph} selection={selection} pending={new Set()} onSelect={setSelection} onExpand={() => undefined} />
      </div>
    );
  }

  it('moves focus to the new heading (not to <body>) after a relation in the panel is activated, and starts at the top', async () => {
    const view = await render(<Stateful initial={{ type: 'entity', id: 'kassym-jomart-tokayev' }} />);
    const scroller = view.container.querySelector<HTMLElement>('[data-testid="scroller"]')!;
    scroller.scrollTop = 500;
    const button = view.container.querySelector<HTMLButtonElement>('button[data-relation-id]')!;
    act(() => button.focus());
    await click(button);
    const heading = view.container.querySelector('h2')!;
    expect(heading.className).toBe('claim');
    expect(document.activeElement).toBe(heading);
    expect(scroller.scrollTop).toBe(0);
    await view.unmount();
  });

  it('explains stance, supports/disputes and confidence where they are shown, and makes quotes focusable', async () => {
    const { view, text } = await show({ type: 'relation', id: 'tokayev-accused-unrest' });
    expect(text).toMatch(/Confidence\d+% \((stated as fact|a single report|a disputed claim|reported only)/);
    expect(text).toContain('What do stance and confidence mean?');
    expect(text).toContain('A source supports a claim when the source asserts, claims or reports it');
    expect(text).toContain('85% or more: stated as fact by several sources');
    expect(text).toContain('Disputing (1) — the source denies it');
    for (const quote of view.container.querySelectorAll('blockquote')) expect(quote.getAttribute('tabindex')).toBe('0');
    await view.unmount();
  });
});
