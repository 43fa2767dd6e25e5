/**
 * @jest-environment jsdom
 */
import { findMentions, spellingIndex } from '@steppe/domain';
import type { DocumentMeta, EntitySummary, RelationData } from '../../api/types';
import { click, press, render } from '../../test/render';
import { accusation, aidRequest, almaty, csto, tokayev } from '../../test/fixtures';
import { DocumentReader, type CitedPassage, type ReaderMention } from './DocumentReader';

const text =
  'Jan 5, 2022\n\nTokayev appealed to the CSTO heads of state to help Kazakhstan overcome the terrorist threat. ' +
  'Riots spread to Almaty.\n\nHe accused foreign-trained terrorists of the attacks.';
const doc: DocumentMeta = {
  id: 'doc-001',
  title: 'Tokayev asks CSTO for help',
  outlet: 'Example Wire',
  author: null,
  publishedAt: '2022-01-05',
  languages: ['en'],
  url: null,
  text,
};

function passage(relation: RelationData, quote: string): CitedPassage {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`not in the text: ${quote}`);
  return { relation, quote, start, end: start + quote.length };
}

const passages = [
  passage(aidRequest, 'Tokayev appealed to the CSTO heads of state to help Kazakhstan overcome the terrorist threat.'),
  passage(accusation, 'He accused foreign-trained terrorists'),
];
const entities: EntitySummary[] = [{ ...tokayev, aliases: [...tokayev.aliases, 'Tokayev'] }, csto, almaty];
const byId = new Map(entities.map((e) => [e.id, e]));
const mentions: ReaderMention[] = findMentions(text, spellingIndex(entities)).map((m) => ({ ...m, entity: byId.get(m.entityId)! }));

async function open(focus = passages[0]!) {
  const selected: string[] = [];
  const shown: string[][] = [];
  const added: string[] = [];
  let closed = 0;
  const view = await render(
    <DocumentReader
      document={doc}
      passages={passages}
      mentions={mentions}
      focus={focus}
      onCanvas={new Set([tokayev.id])}
      onSelectRelation={(r) => selected.push(r.id)}
      onShowAll={(rs) => shown.push(rs.map((r) => r.id))}
      onAddEntity={(e) => added.push(e.id)}
      onClose={() => closed++}
    />,
  );
  return { view, selected, shown, added, closed: () => closed };
}

describe('DocumentReader', () => {
  it('shows the whole text, marks every cited passage, and opens at the focused one', async () => {
    const { view } = await open(passages[1]);
    const textBox = view.container.querySelector('[role="document"]')!;
    expect(textBox.textContent).toBe(text);
    const marks = [...view.container.querySelectorAll('mark')];
    expect(marks.map((m) => m.textContent)).toEqual(passages.map((p) => p.quote));
    const current = view.container.querySelector('mark[aria-current="true"]')!;
    expect(current.textContent).toBe('He accused foreign-trained terrorists');
    expect(document.activeElement).toBe(current);
    expect(view.container.textContent).toContain('Example Wire');
  });

  it('selects a mark’s relation on Enter or click and lists what it is cited for', async () => {
    const { view, selected } = await open();
    const marks = [...view.container.querySelectorAll<HTMLElement>('mark')];
    await press(marks[1]!, 'Enter');
    expect(selected).toEqual([accusation.id]);
    expect(view.container.querySelector('[aria-label="Cited for"]')!.textContent).toContain('accused');
    await click(marks[0]!);
    expect(selected).toEqual([accusation.id, aidRequest.id]);
  });

  it('puts everything the document supports on the canvas, and names addable entities', async () => {
    const { view, shown, added } = await open();
    const buttons = [...view.container.querySelectorAll<HTMLButtonElement>('button')];
    await click(buttons.find((b) => b.textContent?.startsWith('Show everything'))!);
    expect(shown).toEqual([[aidRequest.id, accusation.id]]);
    const named = view.container.querySelector('[aria-label="Named in this document"]')!;
    expect(named.textContent).toContain('Kassym-Jomart Tokayev');
    expect(named.textContent).toContain('on the canvas');
    const underlined = [...view.container.querySelectorAll('[data-entity-id]')].map((e) => e.textContent);
    expect(underlined).toEqual(['Tokayev', 'CSTO', 'Almaty']);
    await click(named.querySelector<HTMLButtonElement>('button[aria-label="Add Almaty to the canvas"]')!);
    expect(added).toEqual([almaty.id]);
  });

  it('opened at a passage no quote covers (a search hit), sets it apart and scrolls there, the text unchanged', async () => {
    const hit = 'Riots spread to Almaty.';
    const start = text.indexOf(hit);
    const { view } = await open({ ...passages[0]!, start, end: start + hit.length });
    const found = view.container.querySelector<HTMLElement>('[data-found="true"]')!;
    expect(found.textContent).toBe(hit);
    expect(document.activeElement).toBe(found);
    expect(view.container.querySelector('mark[aria-current="true"]')).toBeNull();
    expect(view.container.querySelector('[role="document"]')!.textContent).toBe(text);
    // The name inside it is still recognised.
    expect(found.querySelector('[data-entity-id]')?.textContent).toBe('Almaty');
  });
});
