'use client';

import { ENTITY_KIND_INFO, ENTITY_KINDS, RELATION_FAMILIES, type EntityKind, type RelationFamily } from '@steppe/domain';
import { CONTESTED_COLOUR } from '../graph/style';
import type { Filters } from '../workspace/filters';
import styles from './Legend.module.css';
import { FAMILY_NAMES, typesOfFamily, type Count, type LegendCounts } from '../workspace/counts';

function ShapePath({ shape }: { shape: string }) {
  switch (shape) {
    case 'round-rectangle':
      return <rect x="2" y="3" width="14" height="12" rx="3" />;
    case 'hexagon':
      return <polygon points="5,2 13,2 17,9 13,16 5,16 1,9" />;
    case 'diamond':
      return <polygon points="9,1 17,9 9,17 1,9" />;
    default:
      return <circle cx="9" cy="9" r="7" />;
  }
}

function ShapeSwatch({ shape, colour }: { shape: string; colour: string }) {
  return (
    <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" fill={colour}>
      <ShapePath shape={shape} />
    </svg>
  );
}

const DASH: Record<string, string | undefined> = { solid: undefined, dashed: '6 4', dotted: '1.5 3' };

function LineSwatch({ colour, lineStyle }: { colour: string; lineStyle: string }) {
  return (
    <svg width="30" height="10" viewBox="0 0 30 10" aria-hidden="true">
      <line x1="1" y1="5" x2="29" y2="5" stroke={colour} strokeWidth="2.5" strokeDasharray={DASH[lineStyle]} strokeLinecap="round" />
    </svg>
  );
}

function countText(c: Count | undefined): string {
  if (!c) return '0';
  return c.visible === c.total ? String(c.total) : `${c.visible}/${c.total}`;
}

export interface LegendProps {
  /** Whether it is unfolded (the explorer remembers it); and what to do when the analyst folds or unfolds it. */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  counts?: LegendCounts;
  filters?: Filters;
  onToggleKind?: (kind: EntityKind) => void;
  onToggleFamily?: (family: RelationFamily) => void;
}

/**
 * The key to the canvas, drawn from the same domain tables as the
 * stylesheet, with how many of each the canvas holds. Each entry is a toggle:
 * pressing it hides (or shows again) that kind of entity or family of relations.
 */
export function Legend({ counts, filters, onToggleKind, onToggleFamily, open = true, onOpenChange }: LegendProps) {
  return (
    <details
      className={styles.legend}
      open={open}
      onToggle={(event) => {
        const now = event.currentTarget.open;
        if (now !== open) onOpenChange?.(now);
      }}
    >
      <summary>Legend</summary>
      <div className={styles.columns}>
        <ul aria-label="Entity kinds">
          {ENTITY_KINDS.map((kind) => {
            const info = ENTITY_KIND_INFO[kind];
            const shown = !filters?.hiddenKinds.includes(kind);
            const body = (
              <>
                <ShapeSwatch shape={info.shape} colour={info.colour} /> {info.plural}
                {counts ? <span className={styles.count}>{countText(counts.kinds[kind])}</span> : null}
              </>
            );
            return (
              <li key={kind} title={info.description}>
                {onToggleKind ? (
                  <button
                    type="button"
                    className={styles.toggle}
                    aria-pressed={shown}
                    title={`${shown ? 'Hide' : 'Show'} ${info.plural.toLowerCase()}`}
                    onClick={() => onToggleKind(kind)}
                  >
                    {body}
                  </button>
                ) : (
                  body
                )}
              </li>
            );
          })}
        </ul>
        <ul aria-label="Relation families">
          {FAMILY_NAMES.map((family) => {
            const info = RELATION_FAMILIES[family];
            const shown = !typesOfFamily(family).every((t) => filters?.hiddenTypes.includes(t));
            const body = (
              <>
                <LineSwatch colour={info.colour} lineStyle={info.lineStyle} /> {info.label}
                {counts ? <span className={styles.count}>{countText(counts.families[family])}</span> : null}
              </>
            );
            return (
              <li key={family}>
                {onToggleFamily ? (
                  <button
                    type="button"
                    className={styles.toggle}
                    aria-pressed={shown}
                    title={`${shown ? 'Hide' : 'Show'} ${info.label.toLowerCase()}`}
                    onClick={() => onToggleFamily(family)}
                  >
                    {body}
                  </button>
                ) : (
                  body
                )}
              </li>
            );
          })}
          <li>
            <svg width="30" height="12" viewBox="0 0 30 12" aria-hidden="true">
              <line x1="1" y1="6" x2="29" y2="6" stroke={CONTESTED_COLOUR} strokeOpacity="0.3" strokeWidth="10" />
              <line x1="1" y1="6" x2="29" y2="6" stroke="#555" strokeWidth="4" />
              <polygon points="15,1 20,6 15,11 10,6" fill={CONTESTED_COLOUR} stroke="#fff" strokeWidth="1" />
            </svg>{' '}
            Contested (sources disagree): thick, with a red diamond
          </li>
        </ul>
      </div>
    </details>
  );
}
