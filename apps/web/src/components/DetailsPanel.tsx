'use client';

import { useLayoutEffect, useRef } from 'react';
import {
  CONFIDENCE_BANDS,
  confidenceBand,
  CONFIDENCE_MEANING,
  DISPUTES_MEANING,
  relationTypeInfo,
  STANCE_INFO,
  STANCES,
  SUPPORTS_MEANING,
} from '@steppe/domain';
import { EXPANSION_BATCH } from '../api/queries';
import type { EntityDetail, EntitySummary, EvidenceData, RelationData } from '../api/types';
import type { Selection } from '../workspace/reducer';
import type { ExpansionState } from '../workspace/view';
import { isDetailed, relationsOf, type GraphState } from '../workspace/state';
import { formatConfidence, formatPartialDate, formatWhen, plural, stanceDescription, stanceLabel } from '../lib/format';
import styles from './DetailsPanel.module.css';
import { KindBadge } from './KindBadge';
import { ReadInSourceButton } from './reader/ReadInSource';

export interface DetailsPanelProps {
  graph: GraphState;
  selection: Selection | null;
  /** Ids of entities whose neighbours are loading. */
  pending: ReadonlySet<string>;
  /** How far each entity on the canvas has been expanded. */
  expansions?: Readonly<Record<string, ExpansionState>>;
  /** Entities on the canvas (relations to others are marked as such). */
  onCanvas?: ReadonlySet<string>;
  onSelect: (selection: Selection) => void;
  onExpand: (entity: EntitySummary) => void;
  /** Fetch the neighbours an expansion held back. */
  onMore?: (entityId: string) => void;
}

/** The nearest ancestor that scrolls (the details area), or null. */
function scrollParent(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const { overflowY } = getComputedStyle(p);
    if (overflowY === 'auto' || overflowY === 'scroll') return p;
  }
  return null;
}

/**
 * What the details panel shows for the current selection. A new selection
 * starts at the top of the panel; when choosing it removed the focused
 * control (a relation or entity button in the panel), focus moves to the new
 * heading instead of falling to the page's body.
 */
export function DetailsPanel(props: DetailsPanelProps) {
  const frame = useRef<HTMLDivElement>(null);
  const key = props.selection ? `${props.selection.type}:${props.selection.id}` : '';
  const focusWasInside = useRef(false);
  useLayoutEffect(() => {
    const el = frame.current;
    if (!el) return;
    const scroller = scrollParent(el);
    if (scroller) scroller.scrollTop = 0;
    const active = document.activeElement;
    if (focusWasInside.current && (!active || active === document.body)) {
      el.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
    }
  }, [key]);
  return (
    <div
      ref={frame}
      style={{ display: 'contents' }}
      onFocus={() => {
        focusWasInside.current = true;
      }}
      onBlur={(e) => {
        focusWasInside.current = e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget);
      }}
    >
      <SelectionDetails {...props} />
    </div>
  );
}

function SelectionDetails({ graph, selection, pending, expansions = {}, onCanvas, onSelect, onExpand, onMore }: DetailsPanelProps) {
  if (selection?.type === 'relation') {
    const relation = graph.relations[selection.id];
    if (relation) return <RelationDetails relation={relation} onSelect={onSelect} />;
  }
  if (selection?.type === 'entity') {
    const entity = graph.entities[selection.id];
    if (entity) {
      return (
        <EntityDetails
          entity={entity}
          relations={relationsOf(graph, entity.id)}
          expansion={expansions[entity.id]}
          loading={pending.has(entity.id)}
          onCanvas={onCanvas}
          onSelect={onSelect}
          onExpand={onExpand}
          onMore={onMore}
        />
      );
    }
  }
  return (
    <section className={styles.details} aria-label="Details">
      <h2 tabIndex={-1}>Details</h2>
      <p>
        Click a node to see who or what it is, or an edge to see the claim and the sources behind it. From the keyboard: the table view
        lists every entity and relation on the canvas.
      </p>
    </section>
  );
}

function EntityLink({ entity, onSelect }: { entity: EntitySummary; onSelect: (s: Selection) => void }) {
  return (
    <button type="button" className="link-button" onClick={() => onSelect({ type: 'entity', id: entity.id })}>
      {entity.name}
    </button>
  );
}

export function RelationDetails({ relation, onSelect }: { relation: RelationData; onSelect: (s: Selection) => void }) {
  const when = formatWhen(relation.date, relation.startDate, relation.endDate);
  return (
    <section className={styles.details} aria-label="Relation details" data-relation-id={relation.id}>
      <p className={styles.eyebrow}>Claim</p>
      <h2 className="claim" tabIndex={-1}>
        <EntityLink entity={relation.from} onSelect={onSelect} /> <span className={styles.claimLabel}>{relation.label}</span>{' '}
        <EntityLink entity={relation.to} onSelect={onSelect} />
      </h2>
      {relation.detail ? <p>{relation.detail}</p> : null}
      <dl className={styles.facts}>
        {when ? (
          <>
            <dt>When</dt>
            <dd>{when}</dd>
          </>
        ) : null}
        <dt>Stance</dt>
        <dd>
          <span className={styles.stance} data-stance={relation.stance} title={stanceDescription(relation.stance)}>
            {stanceLabel(relation.stance)}
          </span>
        </dd>
        <dt>Contested</dt>
        <dd>
          {relation.contested ? <span className={styles.contested}>Contested: sources disagree</span> : <span>No source disputes it</span>}
        </dd>
        <dt>Confidence</dt>
        <dd>
          {formatConfidence(relation.confidence)}{' '}
          <span className="muted" data-testid="confidence-band">
            ({confidenceBand(relation.confidence)})
          </span>
        </dd>
        <dt>Sources</dt>
        <dd>{plural(relation.sourceCount, 'source')}</dd>
      </dl>
      <ClaimHelp />
      <h3>Evidence ({relation.evidence.length})</h3>
      {relation.evidence.length === 0 ? (
        <p className="muted">No evidence is recorded for this relation.</p>
      ) : relation.contested ? (
        <ContestedEvidence evidence={relation.evidence} />
      ) : (
        <EvidenceList evidence={relation.evidence} />
      )}
    </section>
  );
}

function EvidenceItem({ evidence }: { evidence: EvidenceData }) {
  return (
    <li className={styles.evidence}>
      {/* Focusable, so that a keyboard user can reach (and scroll to) every quote. */}
      <blockquote className={styles.quote} tabIndex={0} aria-label={`Quote from ${evidence.source.title}`}>
        “{evidence.quote}”
      </blockquote>
      <p className={styles.source}>
        <cite>
          {evidence.source.url ? (
            <a href={evidence.source.url} target="_blank" rel="noreferrer noopener">
              {evidence.source.title}
            </a>
          ) : (
            evidence.source.title
          )}
        </cite>
        {evidence.source.outlet ? <span className={styles.outlet}>{evidence.source.outlet}</span> : null}
        {evidence.source.publishedAt ? (
          <time className={styles.date} dateTime={evidence.source.publishedAt}>
            {formatPartialDate(evidence.source.publishedAt)}
          </time>
        ) : null}
      </p>
      <p className={styles.evidenceStance}>
        This source{' '}
        <span className={styles.stance} data-stance={evidence.stance} title={stanceDescription(evidence.stance)}>
          {stanceLabel(evidence.stance)}
        </span>{' '}
        it.
      </p>
      <ReadInSourceButton evidence={evidence} />
    </li>
  );
}

export function EvidenceList({ evidence }: { evidence: readonly EvidenceData[] }) {
  return (
    <ol className={styles.evidenceList}>
      {evidence.map((e, i) => (
        <EvidenceItem key={`${e.source.id}-${i}`} evidence={e} />
      ))}
    </ol>
  );
}

/** Sources that back a contested claim and sources that dispute it, side by side. */
export function ContestedEvidence({ evidence }: { evidence: readonly EvidenceData[] }) {
  const { supporting, disputing } = splitEvidence(evidence);
  return (
    <div>
      <p className={styles.contestedSummary}>
        Sources disagree: {plural(supporting.length, 'quote')} {supporting.length === 1 ? 'supports' : 'support'} the claim,{' '}
        {plural(disputing.length, 'quote')} {disputing.length === 1 ? 'disputes' : 'dispute'} it.
      </p>
      <div className={styles.evidenceColumns}>
        <section className={`${styles.side} ${styles.support}`} aria-label="Sources that support the claim">
          <h4>
            Supporting ({supporting.length}) <span className="muted">— {SUPPORTS_MEANING}</span>
          </h4>
          <EvidenceList evidence={supporting} />
        </section>
        <section className={`${styles.side} ${styles.dispute}`} aria-label="Sources that dispute the claim">
          <h4>
            Disputing ({disputing.length}) <span className="muted">— {DISPUTES_MEANING}</span>
          </h4>
          <EvidenceList evidence={disputing} />
        </section>
      </div>
    </div>
  );
}

/** Evidence that backs a claim (asserts, claims or reports it) and evidence that denies it. */
export function splitEvidence(evidence: readonly EvidenceData[]): { supporting: EvidenceData[]; disputing: EvidenceData[] } {
  return {
    supporting: evidence.filter((e) => e.stance !== 'DENIED'),
    disputing: evidence.filter((e) => e.stance === 'DENIED'),
  };
}

/** How a relation reads from one of its ends: "requested aid from CSTO" or "was appointed by Tokayev". */
export function readFrom(relation: RelationData, entityId: string): { phrase: string; other: EntitySummary } {
  if (relation.from.id === entityId) return { phrase: relation.label, other: relation.to };
  let inverse: string;
  try {
    inverse = relationTypeInfo(relation.type).inverseLabel;
  } catch {
    inverse = `(${relation.label}, from)`;
  }
  return { phrase: inverse, other: relation.from };
}

/** What the panel says about how much of an entity's neighbourhood is on the canvas. */
export function expansionSummary(expansion: ExpansionState | undefined, relationsHere: number): string {
  if (!expansion) return 'Only its relations to entities already on the canvas are shown.';
  const scope = expansion.types ? ` (${expansion.types.map(typeLabel).join(', ')})` : '';
  if (expansion.omitted > 0) return `Expanded${scope}: ${plural(expansion.omitted, 'more neighbour')} not shown yet.`;
  if (relationsHere === 0) return 'The graph holds no relations of this entity.';
  return `Expanded${scope}: all its neighbours are on the canvas.`;
}

function typeLabel(type: string): string {
  try {
    return relationTypeInfo(type).label;
  } catch {
    return type;
  }
}

export interface RelationGroup {
  phrase: string;
  items: { relation: RelationData; other: EntitySummary }[];
}

/** An entity's relations grouped by how they read from it ("requested aid from", "was appointed by"). */
export function groupRelations(relations: readonly RelationData[], entityId: string): RelationGroup[] {
  const groups = new Map<string, RelationGroup>();
  for (const relation of relations) {
    const { phrase, other } = readFrom(relation, entityId);
    const group = groups.get(phrase) ?? { phrase, items: [] };
    group.items.push({ relation, other });
    groups.set(phrase, group);
  }
  return [...groups.values()].sort((a, b) => a.phrase.localeCompare(b.phrase));
}

function EntityFactsList({ entity }: { entity: EntityDetail }) {
  const f = entity.facts;
  const rows: [string, string][] = [];
  if (f.roles && f.roles.length > 0) rows.push(['Roles', f.roles.join('; ')]);
  if (f.orgType) rows.push(['Type', f.orgType]);
  if (f.placeType) rows.push(['Type', f.placeType]);
  if (f.country) rows.push(['Country', f.country]);
  const when = formatWhen(null, f.startDate ?? null, f.endDate ?? null);
  if (when) rows.push(['When', when]);
  if (rows.length === 0) return null;
  return (
    <dl className={styles.facts}>
      {rows.map(([term, value]) => (
        <div key={term} className={styles.fact}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function EntityDetails({
  entity,
  relations,
  expansion,
  loading,
  onCanvas,
  onSelect,
  onExpand,
  onMore,
}: {
  entity: EntitySummary | EntityDetail;
  relations: RelationData[];
  expansion: ExpansionState | undefined;
  loading: boolean;
  onCanvas?: ReadonlySet<string>;
  onSelect: (s: Selection) => void;
  onExpand: (entity: EntitySummary) => void;
  onMore?: (entityId: string) => void;
}) {
  const groups = groupRelations(relations, entity.id);
  return (
    <section className={styles.details} aria-label="Entity details" data-entity-id={entity.id}>
      <p className={styles.eyebrow}>
        <KindBadge kind={entity.kind} />
      </p>
      <h2 tabIndex={-1}>{entity.name}</h2>
      {entity.description ? <p>{entity.description}</p> : null}
      {entity.aliases.length > 0 ? (
        <p className={styles.aliases}>
          <span className="muted">Also known as </span>
          {entity.aliases.join(', ')}
        </p>
      ) : null}
      {isDetailed(entity) ? <EntityFactsList entity={entity} /> : null}

      <h3>Relations ({relations.length})</h3>
      <p className="muted">{expansionSummary(expansion, relations.length)}</p>
      <div className={styles.actions}>
        {!expansion ? (
          <button type="button" onClick={() => onExpand(entity)} disabled={loading}>
            {loading ? 'Loading neighbours…' : 'Show neighbours'}
          </button>
        ) : expansion.omitted > 0 && onMore ? (
          <button type="button" onClick={() => onMore(entity.id)} disabled={loading}>
            {loading ? 'Loading…' : `Load ${Math.min(expansion.omitted, EXPANSION_BATCH)} more of ${expansion.omitted}`}
          </button>
        ) : null}
      </div>
      {groups.map((group) => (
        <div key={group.phrase}>
          <h4 className={styles.relationGroupHeading}>
            {group.phrase} ({group.items.length})
          </h4>
          <ul className={styles.relationList}>
            {group.items.map(({ relation, other }) => (
              <li key={relation.id}>
                <button
                  type="button"
                  className={styles.relationButton}
                  data-relation-id={relation.id}
                  onClick={() => onSelect({ type: 'relation', id: relation.id })}
                >
                  <span className={styles.relationPhrase}>{group.phrase}</span> <strong>{other.name}</strong>
                  {relation.contested ? (
                    <span className={styles.contestedDot} title="Contested: sources disagree">
                      {' '}
                      ⚠
                    </span>
                  ) : null}
                  <span className={styles.relationSources}> · {plural(relation.evidence.length, 'quote')}</span>
                  {onCanvas && !onCanvas.has(other.id) ? <span className="muted"> · not on the canvas</span> : null}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** What stance, "supports/disputes" and confidence mean, where they are shown (a disclosure, so it is there on demand). */
export function ClaimHelp() {
  return (
    <details>
      <summary>What do stance and confidence mean?</summary>
      <dl>
        {STANCES.map((stance) => (
          <div key={stance}>
            <dt>
              <span className={styles.stance} data-stance={stance}>
                {STANCE_INFO[stance].label}
              </span>
            </dt>
            <dd>{STANCE_INFO[stance].description}</dd>
          </div>
        ))}
        <div>
          <dt>supports / disputes</dt>
          <dd>
            A source supports a claim when {SUPPORTS_MEANING}; it disputes it when {DISPUTES_MEANING}. A claim is contested when at least
            one source supports it and at least one disputes it.
          </dd>
        </div>
        <div>
          <dt>Confidence</dt>
          <dd>
            {CONFIDENCE_MEANING[0]!.toUpperCase() + CONFIDENCE_MEANING.slice(1)}:{' '}
            {CONFIDENCE_BANDS.map((band, i) => {
              const upper = i === 0 ? null : CONFIDENCE_BANDS[i - 1]!.min;
              const range =
                upper === null ? `${formatConfidence(band.min)} or more` : `${formatConfidence(band.min)}–${formatConfidence(upper)}`;
              return `${range}: ${band.label}`;
            }).join('; ')}
            .
          </dd>
        </div>
      </dl>
    </details>
  );
}
