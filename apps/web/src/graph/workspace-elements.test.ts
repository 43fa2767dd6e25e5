import { EMPTY_GRAPH, mergeData } from '../workspace/state';
import { moreNodeId, moreOwnerOf, isEntityElementId } from '../workspace/ids';
import { workspaceElements } from './elements';
import { accusation, aidRequest, almaty, csto, deployment, tokayev, unrest } from '../test/fixtures';
import { NO_FILTERS } from '../workspace/filters';
import { addNodes, EMPTY_VIEW, setExpansion, setPinned } from '../workspace/view';
import { visibility } from '../workspace/visibility';

const data = mergeData(EMPTY_GRAPH, [tokayev, csto, almaty, unrest], [aidRequest, accusation, deployment]);
const base = addNodes(EMPTY_VIEW, ['kassym-jomart-tokayev', 'csto', 'almaty']);

describe('workspaceElements', () => {
  it('has every entity on the canvas and every relation among them', () => {
    const els = workspaceElements(data, base, visibility(data, base));
    expect(els.filter((e) => e.group === 'nodes').map((e) => e.data.id)).toEqual(['kassym-jomart-tokayev', 'csto', 'almaty']);
    expect(
      els
        .filter((e) => e.group === 'edges')
        .map((e) => e.data.id)
        .sort(),
    ).toEqual([`relation:${aidRequest.id}`, `relation:${deployment.id}`].sort());
    expect(els.every((e) => !e.classes)).toBe(true);
  });

  it('keeps filtered elements with the class `filtered` instead of dropping them', () => {
    const view = { ...base, filters: { ...NO_FILTERS, hiddenKinds: ['Place' as const] } };
    const els = workspaceElements(data, view, visibility(data, view));
    expect(els.find((e) => e.data.id === 'almaty')?.classes).toBe('filtered');
    expect(els.find((e) => e.data.id === `relation:${deployment.id}`)?.classes).toBe('filtered');
  });

  it('marks pinned entities, path members and adds a "+N more" node for held-back neighbours', () => {
    let view = setPinned(base, ['csto'], true);
    view = setExpansion(view, 'kassym-jomart-tokayev', { limit: 26, omitted: 12, types: null, direction: 'BOTH' });
    const els = workspaceElements(data, view, visibility(data, view), { highlighted: new Set(['csto', `relation:${aidRequest.id}`]) });
    const byId = (id: string) => els.find((e) => e.data.id === id)!;
    expect(byId('csto').classes).toBe('pinned on-path');
    expect(byId('csto').data.pinned).toBe(true);
    expect(byId('almaty').classes).toBe('off-path');
    expect(byId(`relation:${aidRequest.id}`).classes).toBe('on-path');
    const more = byId(moreNodeId('kassym-jomart-tokayev'));
    expect(more).toMatchObject({ classes: 'more', data: { label: '+12 more', owner: 'kassym-jomart-tokayev' } });
    expect(moreOwnerOf(String(more.data.id))).toBe('kassym-jomart-tokayev');
    expect(isEntityElementId(String(more.data.id))).toBe(false);
    expect(isEntityElementId('csto')).toBe(true);
    expect(isEntityElementId('relation:x')).toBe(false);
  });
});
