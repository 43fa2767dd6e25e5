'use client';

import { relationTypeInfo } from '@steppe/domain';
import type { EntityDetail, EntitySummary, RelationData } from '../api/types';
import type { Selection } from '../explorer/reducer';
import { isDetailed, relationsOf, type Expansion, type GraphState } from '../graph/state';
import { formatConfidence, formatPartialDate, formatWhen, plural, stanceDescription, stanceLabel } from '../lib/format';
import { KindBadge } from './KindBadge';

export interface DetailsPanelProps {
  graph: GraphState;
  selection: Selection | null;
  /** Ids of entities whose neighbours are loading. */
  pending: ReadonlySet<string>;
  onSelect: (selection: Selection) => void;
  onExpand: (entity: EntitySummary, after?: string | null) => void;
}

/** What the details panel shows for the current selection: a claim with its evidence, or an entity. */
export function DetailsPanel({ graph, selection, pending, onSelect, onExpand }: DetailsPanelProps) {
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
          expansion={graph.expansions[entity.id]}
          loading={pending.has(entity.id)}
          onSelect={onSelect}
          onExpand={onExpand}
        />
      );
    }
  }
  return (
    <section className="details details-empty" aria-label="Details">
      <h2>Details</h2>
      <p>Click a node to see who or what it is, or an edge to see the claim and the sources behind it.</p>
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
    <section className="details" aria-label="Relation details" data-relation-id={relation.id}>
      <p className="details-eyebrow">Claim</p>
      <h2 className="claim">
        <EntityLink entity={relation.from} onSelect={onSelect} /> <span className="claim-label">{relation.label}</span>{' '}
        <EntityLink entity={relation.to} onSelect={onSelect} />
      </h2>
      {relation.detail ? <p className="claim-detail">{relation.detail}</p> : null}
      <dl className="facts">
        {when ? (
          <>
            <dt>When</dt>
            <dd>{when}</dd>
          </>
        ) : null}
        <dt>Stance</dt>
        <dd>
          <span className={`stance stance-${relation.stance.toLowerCase()}`} title={stanceDescription(relation.stance)}>
            {stanceLabel(relation.stance)}
          </span>
        </dd>
        <dt>Contested</dt>
        <dd>
          {relation.contested ? (
            <span className="contested">Contested: sources disagree</span>
          ) : (
            <span className="not-contested">No source disputes it</span>
          )}
        </dd>
        <dt>Confidence</dt>
        <dd>{formatConfidence(relation.confidence)}</dd>
        <dt>Sources</dt>
        <dd>{plural(relation.sourceCount, 'source')}</dd>
      </dl>
      <h3>Evidence ({relation.evidence.length})</h3>
      {relation.evidence.length === 0 ? (
        <p className="muted">No evidence is recorded for this relation.</p>
      ) : (
        <ol className="evidence-list">
          {relation.evidence.map((evidence, i) => (
            <li key={`${evidence.source.id}-${i}`} className="evidence">
              <blockquote className="evidence-quote">“{evidence.quote}”</blockquote>
              <p className="evidence-source">
                <cite>
                  {evidence.source.url ? (
                    <a href={evidence.source.url} target="_blank" rel="noreferrer noopener">
                      {evidence.source.title}
                    </a>
                  ) : (
                    evidence.source.title
                  )}
                </cite>
                {evidence.source.outlet ? <span className="evidence-outlet">{evidence.source.outlet}</span> : null}
                {evidence.source.publishedAt ? (
                  <time className="evidence-date" dateTime={evidence.source.publishedAt}>
                    {formatPartialDate(evidence.source.publishedAt)}
                  </time>
                ) : null}
              </p>
              <p className="evidence-stance">
                This source{' '}
                <span className={`stance stance-${evidence.stance.toLowerCase()}`} title={stanceDescription(evidence.stance)}>
                  {stanceLabel(evidence.stance)}
                </span>{' '}
                it.
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
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

export function expansionSummary(expansion: Expansion): string {
  const { loaded, totalCount } = expansion;
  if (totalCount === 0) return 'The graph holds no relations of this entity.';
  if (loaded < totalCount) return `${loaded} of ${plural(totalCount, 'relation')} on the canvas.`;
  return totalCount === 1 ? 'Its one relation is on the canvas.' : `All ${totalCount} relations on the canvas.`;
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
    <dl className="facts">
      {rows.map(([term, value]) => (
        <div key={term} className="fact">
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
  onSelect,
  onExpand,
}: {
  entity: EntitySummary | EntityDetail;
  relations: RelationData[];
  expansion: Expansion | undefined;
  loading: boolean;
  onSelect: (s: Selection) => void;
  onExpand: (entity: EntitySummary, after?: string | null) => void;
}) {
  return (
    <section className="details" aria-label="Entity details" data-entity-id={entity.id}>
      <p className="details-eyebrow">
        <KindBadge kind={entity.kind} />
      </p>
      <h2>{entity.name}</h2>
      {entity.description ? <p className="entity-description">{entity.description}</p> : null}
      {entity.aliases.length > 0 ? (
        <p className="aliases">
          <span className="muted">Also known as </span>
          {entity.aliases.join(', ')}
        </p>
      ) : null}
      {isDetailed(entity) ? <EntityFactsList entity={entity} /> : null}

      <h3>Relations</h3>
      {expansion ? (
        <p className="muted">
          {expansionSummary(expansion)}
        </p>
      ) : (
        <p className="muted">Only the relations to entities already on the canvas are shown.</p>
      )}
      {relations.length > 0 ? (
        <ul className="relation-list">
          {relations.map((relation) => {
            const { phrase, other } = readFrom(relation, entity.id);
            return (
              <li key={relation.id}>
                <button type="button" className="relation-button" onClick={() => onSelect({ type: 'relation', id: relation.id })}>
                  <span className="relation-phrase">{phrase}</span> <strong>{other.name}</strong>
                  {relation.contested ? <span className="contested-dot" title="Contested: sources disagree"> ⚠</span> : null}
                  <span className="relation-sources"> · {plural(relation.evidence.length, 'quote')}</span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <div className="details-actions">
        {!expansion ? (
          <button type="button" onClick={() => onExpand(entity)} disabled={loading}>
            {loading ? 'Loading neighbours…' : 'Show neighbours'}
          </button>
        ) : expansion.hasNextPage ? (
          <button type="button" onClick={() => onExpand(entity, expansion.endCursor)} disabled={loading}>
            {loading ? 'Loading…' : 'Load more relations'}
          </button>
        ) : null}
      </div>
    </section>
  );
}
