'use client';

import { useId } from 'react';
import { ENTITY_KIND_INFO, ENTITY_KINDS, RELATION_FAMILIES, RELATION_TYPES } from '@steppe/domain';
import type { Histogram } from '../timeline/histogram';
import { FAMILY_NAMES, type LegendCounts } from '../workspace/counts';
import { filtersActive, MAX_MIN_SOURCES, NO_FILTERS, toggleKind, toggleType, type Filters } from '../workspace/filters';
import { DateField } from './DateField';
import styles from './FilterPanel.module.css';
import panel from './Panel.module.css';
import { TimelineHistogram } from './TimelineHistogram';

export interface FilterPanelProps {
  filters: Filters;
  counts: LegendCounts;
  histogram: Histogram;
  onChange: (filters: Filters) => void;
}

/** Filters hide what does not match; nothing is removed from the canvas. */
export function FilterPanel({ filters, counts, histogram, onChange }: FilterPanelProps) {
  const id = useId();
  const first = histogram.bins[0];
  const last = histogram.bins[histogram.bins.length - 1];
  const span = first && last ? { from: first.start, to: last.end } : null;
  const typesHere = RELATION_TYPES.filter((t) => (counts.types[t.name]?.total ?? 0) > 0 || filters.hiddenTypes.includes(t.name));
  return (
    <section className={panel.panel} aria-labelledby={`${id}-title`}>
      <div className={panel.heading}>
        <h2 id={`${id}-title`}>Filters</h2>
        <button type="button" onClick={() => onChange(NO_FILTERS)} disabled={!filtersActive(filters)}>
          Clear filters
        </button>
      </div>

      <fieldset>
        <legend>Dates</legend>
        <TimelineHistogram
          histogram={histogram}
          from={filters.from}
          to={filters.to}
          onBrush={(range) => onChange({ ...filters, ...range })}
        />
        <div className={styles.dateFields}>
          <DateField label="From" value={filters.from} span={span} opensAt="from" onCommit={(from) => onChange({ ...filters, from })} />
          <DateField label="To" value={filters.to} span={span} opensAt="to" onCommit={(to) => onChange({ ...filters, to })} />
          <button
            type="button"
            onClick={() => onChange({ ...filters, from: null, to: null })}
            disabled={filters.from === null && filters.to === null}
          >
            All dates
          </button>
        </div>
        <label className={panel.checkbox}>
          <input
            type="checkbox"
            checked={filters.includeUndated}
            onChange={(e) => onChange({ ...filters, includeUndated: e.target.checked })}
          />
          Keep undated relations when filtering by date
        </label>
      </fieldset>

      <fieldset>
        <legend>Sources</legend>
        <label className={panel.inlineField}>
          Minimum number of sources
          <input
            type="number"
            min={1}
            max={MAX_MIN_SOURCES}
            value={filters.minSources}
            onChange={(e) => onChange({ ...filters, minSources: Number(e.target.value) || 1 })}
          />
        </label>
      </fieldset>

      <details className={styles.group}>
        <summary>Entity kinds{filters.hiddenKinds.length > 0 ? ` (${filters.hiddenKinds.length} hidden)` : ''}</summary>
        <fieldset>
          <legend className="visually-hidden">Entity kinds</legend>
          {ENTITY_KINDS.map((kind) => (
            <label key={kind} className={panel.checkbox}>
              <input type="checkbox" checked={!filters.hiddenKinds.includes(kind)} onChange={() => onChange(toggleKind(filters, kind))} />
              {ENTITY_KIND_INFO[kind].plural} <span className="muted">({counts.kinds[kind].total})</span>
            </label>
          ))}
        </fieldset>
      </details>

      <details className={styles.group}>
        <summary>Relation types{filters.hiddenTypes.length > 0 ? ` (${filters.hiddenTypes.length} hidden)` : ''}</summary>
        <fieldset>
          <legend className="visually-hidden">Relation types</legend>
          {typesHere.length === 0 ? <p className="muted">No relations on the canvas yet.</p> : null}
          {FAMILY_NAMES.map((family) => {
            const types = typesHere.filter((t) => t.family === family);
            if (types.length === 0) return null;
            return (
              <div key={family}>
                <p className={styles.familyName} style={{ color: RELATION_FAMILIES[family].colour }}>
                  {RELATION_FAMILIES[family].label}
                </p>
                {types.map((t) => (
                  <label key={t.name} className={panel.checkbox}>
                    <input
                      type="checkbox"
                      checked={!filters.hiddenTypes.includes(t.name)}
                      onChange={() => onChange(toggleType(filters, t.name))}
                    />
                    {t.label} <span className="muted">({counts.types[t.name]?.total ?? 0})</span>
                  </label>
                ))}
              </div>
            );
          })}
        </fieldset>
      </details>
    </section>
  );
}
