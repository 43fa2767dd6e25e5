'use client';

import { useEffect, useId, useState } from 'react';
import type { GraphQLClient } from '../api/client';
import { CLAIMS_PAGE_SIZE, fetchContestedCount, type ClaimsFilter, type RelationTypeCount } from '../api/queries';
import { plural } from '../lib/format';

export interface ClaimsPanelProps {
  client: GraphQLClient;
  /** The vocabulary with counts (null until the API answered). */
  relationTypes: RelationTypeCount[] | null;
  /** Changes when the API comes back after an outage, so counts are fetched again. */
  recoveries: number;
  onShow: (filter: ClaimsFilter, label: string) => void;
  onOutcome?: (outcome: unknown) => void;
}

/** What a "show claims" button says it will load, e.g. `every “requested aid from” claim`. */
export function claimsLabel(filter: ClaimsFilter, relationTypes: readonly RelationTypeCount[] | null): string {
  if (filter.contested) return 'the contested claims';
  const names = (filter.types ?? []).map((t) => relationTypes?.find((r) => r.name === t)?.label ?? t);
  return names.length > 0 ? `every “${names.join('”, “')}” claim` : 'claims';
}

/**
 * Starting points that need no name to search for: every claim sources
 * disagree about, or every claim of one type across the whole graph
 * ("who requested aid from whom"). Each puts the claims and the entities
 * they join on the canvas and opens the first claim's evidence.
 */
export function ClaimsPanel({ client, relationTypes, recoveries, onShow, onOutcome }: ClaimsPanelProps) {
  const id = useId();
  const [contested, setContested] = useState<number | null>(null);
  const [type, setType] = useState('');

  useEffect(() => {
    const controller = new AbortController();
    fetchContestedCount(client, { signal: controller.signal }).then(
      (count) => {
        onOutcome?.('ok');
        setContested(count);
      },
      (error: unknown) => {
        if (!controller.signal.aborted) onOutcome?.(error);
      },
    );
    return () => controller.abort();
  }, [client, onOutcome, recoveries]);

  const used = (relationTypes ?? []).filter((t) => t.count > 0);
  const chosen = used.find((t) => t.name === type) ?? null;
  const show = (filter: ClaimsFilter) => onShow(filter, claimsLabel(filter, relationTypes));

  return (
    <section className="panel claims-panel" aria-labelledby={`${id}-title`}>
      <div className="panel-heading">
        <h2 id={`${id}-title`}>Claims</h2>
      </div>
      <p className="muted">Put claims from the whole graph on the canvas, each with its sources.</p>
      <button type="button" className="claims-contested" onClick={() => show({ contested: true })} disabled={contested === 0}>
        Contested claims{contested === null ? '' : ` (${contested})`}
      </button>
      <label htmlFor={`${id}-type`}>Every claim of a type</label>
      <div className="claims-type">
        <select id={`${id}-type`} value={type} onChange={(e) => setType(e.target.value)} disabled={used.length === 0}>
          <option value="">Choose a relation type…</option>
          {used.map((t) => (
            <option key={t.name} value={t.name}>
              {t.label} ({t.count})
            </option>
          ))}
        </select>
        <button type="button" onClick={() => chosen && show({ types: [chosen.name] })} disabled={!chosen}>
          Show
        </button>
      </div>
      {chosen && chosen.count > CLAIMS_PAGE_SIZE ? (
        <p className="muted">
          The first {CLAIMS_PAGE_SIZE} of {plural(chosen.count, 'claim')}, in time order.
        </p>
      ) : null}
    </section>
  );
}
