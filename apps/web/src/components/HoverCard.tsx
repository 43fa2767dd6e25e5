'use client';

import { relationIdOf } from '../workspace/ids';
import type { GraphState } from '../workspace/state';
import styles from './HoverCard.module.css';

/**
 * What the pointer rests on, in a few words: an entity's name, kind and description; a relation's phrase, its
 * stance, how many sources and whether they disagree. Not interactive (the details panel is for that).
 */
export function HoverCard({ data, id, x, y, width }: { data: GraphState; id: string; x: number; y: number; width: number }) {
  const relationId = relationIdOf(id);
  // Flip to the left of the pointer near the right edge, so the card stays on the canvas.
  const left = x > width - 260 ? Math.max(4, x - 252) : x + 14;
  const style = { left, top: y + 14 };
  if (relationId) {
    const r = data.relations[relationId];
    if (!r) return null;
    return (
      <div className={styles.card} style={style} role="tooltip" data-testid="hover-card">
        <p className={styles.title}>
          {r.from.name} <span className={styles.phrase}>{r.label}</span> {r.to.name}
        </p>
        <p className={styles.meta}>
          {r.stance.toLowerCase()} · {r.sourceCount} {r.sourceCount === 1 ? 'source' : 'sources'}
          {r.startDate ? ` · from ${r.startDate}` : ''}
        </p>
        {r.contested ? <p className={styles.contested}>Contested: sources disagree about this claim.</p> : null}
      </div>
    );
  }
  const e = data.entities[id];
  if (!e) return null;
  return (
    <div className={styles.card} style={style} role="tooltip" data-testid="hover-card">
      <p className={styles.title}>{e.name}</p>
      <p className={styles.meta}>{e.kind}</p>
      {e.description ? <p className={styles.description}>{e.description}</p> : null}
    </div>
  );
}
