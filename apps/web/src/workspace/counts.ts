import { ENTITY_KINDS, RELATION_FAMILIES, RELATION_TYPES, type EntityKind, type RelationFamily } from '@steppe/domain';
import { familyOf } from './ids';
import type { GraphState } from './state';
import type { CanvasView } from './view';
import { canvasRelations, type Visibility } from './visibility';

export interface Count {
  /** Drawn now. */
  visible: number;
  /** On the canvas, drawn or not. */
  total: number;
}

export interface LegendCounts {
  kinds: Record<EntityKind, Count>;
  families: Record<RelationFamily, Count>;
  types: Record<string, Count>;
}

export const FAMILY_NAMES = Object.keys(RELATION_FAMILIES) as RelationFamily[];

/** The relation types of a family, from the vocabulary. */
export function typesOfFamily(family: RelationFamily): string[] {
  return RELATION_TYPES.filter((t) => t.family === family).map((t) => t.name);
}

/** How many entities of each kind and relations of each family and type the canvas holds, and how many are drawn. */
export function legendCounts(data: GraphState, view: CanvasView, visible: Visibility): LegendCounts {
  const zero = (): Count => ({ visible: 0, total: 0 });
  const kinds = Object.fromEntries(ENTITY_KINDS.map((k) => [k, zero()])) as Record<EntityKind, Count>;
  const families = Object.fromEntries(FAMILY_NAMES.map((f) => [f, zero()])) as Record<RelationFamily, Count>;
  const types: Record<string, Count> = Object.fromEntries(RELATION_TYPES.map((t) => [t.name, zero()]));
  for (const id of view.nodes) {
    const e = data.entities[id];
    if (!e) continue;
    kinds[e.kind].total++;
    if (visible.nodes.has(id)) kinds[e.kind].visible++;
  }
  for (const r of canvasRelations(data, view)) {
    const shown = visible.edges.has(r.id);
    const t = (types[r.type] ??= zero());
    t.total++;
    if (shown) t.visible++;
    const family = familyOf(r.type);
    if (family) {
      families[family].total++;
      if (shown) families[family].visible++;
    }
  }
  return { kinds, families, types };
}
