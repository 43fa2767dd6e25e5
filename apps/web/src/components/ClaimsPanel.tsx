'use client';

import { useEffect, useId, useState } from 'react';
import type { GraphQLClient } from '../api/client';
import { CLAIMS_PAGE_SIZE, fetchClaims, type ClaimsFilter, type RelationTypeCount } from '../api/queries';
import type { RelationData } from '../api/types';
import { formatWhen, plural } from '../lib/format';
import styles from './ClaimsPanel.module.css';
import panel from './Panel.module.css';

export interface ClaimsPanelProps {
  client: GraphQLClient;
  /** The vocabulary with counts (null until the API answered). */
  relationTypes: RelationTypeCount[] | null;
  /** Changes when the API comes back after an outage, so counts are fetched again. */
  recoveries: number;
  onShow: (filter: ClaimsFilter, label: string) => void;
  /** Puts one claim on the canvas (with its two ends) and selects it. */
  onShowClaim?: (relation: RelationData) => void;
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
export function ClaimsPanel({ client, relationTypes, recoveries, onShow, onShowClaim, onOutcome }: ClaimsPanelProps) {
  const id = useId();
  /** The contested claims (the first page) and how many there are. */
  const [contested, setContested] = useState<{ count: number; claims: RelationData[] } | null>(null);
  const [type, setType] = useState('');

  useEffect(() => {
    const controller = new AbortController();
    fetchClaims(client, { contested: true }, { signal: controller.signal }).then(
      (page) => {
        onOutcome?.('ok');
        setContested({ count: page.totalCount, claims: page.relations });
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
    <section className={`${panel.panel} ${styles.claims}`} aria-labelledby={`${id}-title`}>
      <div className={panel.heading}>
        <h2 id={`${id}-title`}>Claims</h2>
      </div>
      <p className="muted">Put claims from the whole graph on the canvas, each with its sources.</p>
      <button type="button" className={styles.contested} onClick={() => show({ contested: true })} disabled={contested?.count === 0}>
        Contested claims{contested === null ? '' : ` (${contested.count})`}
      </button>
      {contested && contested.claims.length > 0 ? (
        <>
          <h3 id={`${id}-contested`} className={styles.listHeading}>
            Where the sources disagree
          </h3>
          <ul className={styles.list} aria-labelledby={`${id}-contested`}>
            {contested.claims.map((claim) => {
              const when = formatWhen(claim.date, claim.startDate, claim.endDate);
              return (
                <li key={claim.id}>
                  <button
                    type="button"
                    className={`link-button ${styles.item}`}
                    data-relation-id={claim.id}
                    onClick={() => (onShowClaim ? onShowClaim(claim) : show({ contested: true }))}
                  >
                    {claim.from.name} <em>{claim.label}</em> {claim.to.name}
                    {when ? <span className="muted"> · {when}</span> : null}
                  </button>
                </li>
              );
            })}
          </ul>
          {contested.count > contested.claims.length ? (
            <p className="muted">
              The first {contested.claims.length} of {contested.count}; “Contested claims” puts the first {CLAIMS_PAGE_SIZE} on the canvas.
            </p>
          ) : null}
        </>
      ) : null}
      <label htmlFor={`${id}-type`}>Every claim of a type</label>
      <div className={styles.type}>
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
