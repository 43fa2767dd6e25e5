'use client';

import { useId } from 'react';
import type { GraphQLClient } from '../api/client';
import type { PathData } from '../api/queries';
import type { EntitySummary, RelationData } from '../api/types';
import { formatWhen, plural, stanceLabel } from '../lib/format';
import type { PathState, Selection } from '../workspace/reducer';
import details from './DetailsPanel.module.css';
import panel from './Panel.module.css';
import styles from './PathPanel.module.css';
import { SearchBox } from './SearchBox';

export interface PathPanelProps {
  client: GraphQLClient;
  path: PathState;
  /** The focused entity, offered as a start or end. */
  focused: EntitySummary | null;
  onEndpoint: (end: 'from' | 'to', entity: EntitySummary | null) => void;
  onFind: () => void;
  onClear: () => void;
  onSelect: (selection: Selection) => void;
  onOutcome?: (outcome: unknown) => void;
}

/** One hop of a path, read in the path's direction (relations may run either way). */
export function hopText(relation: RelationData, from: EntitySummary): string {
  return relation.from.id === from.id
    ? `${relation.from.name} ${relation.label} ${relation.to.name}`
    : `${relation.to.name} ← ${relation.label} ← ${relation.from.name}`;
}

function Endpoint({
  end,
  entity,
  focused,
  client,
  onEndpoint,
  onOutcome,
}: {
  end: 'from' | 'to';
  entity: EntitySummary | null;
  focused: EntitySummary | null;
  client: GraphQLClient;
  onEndpoint: PathPanelProps['onEndpoint'];
  onOutcome?: (outcome: unknown) => void;
}) {
  const word = end === 'from' ? 'From' : 'To';
  return (
    <div>
      <SearchBox
        variant="compact"
        client={client}
        label={`Path ${end}`}
        placeholder="Search an entity"
        keepChoice
        onChoose={(hit) => onEndpoint(end, hit)}
        onOutcome={onOutcome}
      />
      <p className={styles.chosen} aria-live="polite">
        {entity ? (
          <>
            {word}: <strong data-testid={`path-${end}`}>{entity.name}</strong>
          </>
        ) : (
          <span className="muted">{word}: not chosen</span>
        )}
        {focused && focused.id !== entity?.id ? (
          <button type="button" className={`link-button ${styles.use}`} onClick={() => onEndpoint(end, focused)}>
            Use {focused.name}
          </button>
        ) : null}
      </p>
    </div>
  );
}

function PathView({ path, index, onSelect }: { path: PathData; index: number; onSelect: PathPanelProps['onSelect'] }) {
  return (
    <li aria-label={`Path ${index + 1}: ${plural(path.length, 'hop')}`}>
      <p className={styles.title}>
        Path {index + 1} · {plural(path.length, 'hop')}
      </p>
      <ol className={styles.hops}>
        {path.relations.map((relation, i) => {
          const from = path.nodes[i]!;
          const first = relation.evidence[0];
          const when = formatWhen(relation.date, relation.startDate, relation.endDate);
          return (
            <li key={relation.id} className={styles.hop} data-relation-id={relation.id}>
              <button type="button" className={details.relationButton} onClick={() => onSelect({ type: 'relation', id: relation.id })}>
                {hopText(relation, from)}
              </button>
              <p className={`muted ${styles.meta}`}>
                {stanceLabel(relation.stance)} · {plural(relation.sourceCount, 'source')}
                {when ? ` · ${when}` : ''}
                {relation.contested ? ' · contested' : ''}
              </p>
              {first ? (
                <blockquote className={styles.quote}>
                  “{first.quote}” <cite>— {first.source.title}</cite>
                </blockquote>
              ) : null}
            </li>
          );
        })}
      </ol>
    </li>
  );
}

/** Pick two entities, find the shortest paths between them, read each hop with its evidence. */
export function PathPanel({ client, path, focused, onEndpoint, onFind, onClear, onSelect, onOutcome }: PathPanelProps) {
  const id = useId();
  return (
    <section className={panel.panel} aria-labelledby={`${id}-title`}>
      <div className={panel.heading}>
        <h2 id={`${id}-title`}>Paths</h2>
        <button type="button" onClick={onClear} disabled={!path.from && !path.to && path.paths.length === 0}>
          Clear path
        </button>
      </div>
      <Endpoint end="from" entity={path.from} focused={focused} client={client} onEndpoint={onEndpoint} onOutcome={onOutcome} />
      <Endpoint end="to" entity={path.to} focused={focused} client={client} onEndpoint={onEndpoint} onOutcome={onOutcome} />
      <button type="button" className="primary" onClick={onFind} disabled={!path.from || !path.to || path.status === 'loading'}>
        {path.status === 'loading' ? 'Finding paths…' : 'Find shortest paths'}
      </button>
      <div aria-live="polite">
        {path.status === 'error' ? (
          <p className={styles.error} role="alert">
            Couldn’t find paths: {path.message}
          </p>
        ) : null}
        {path.status === 'done' && path.paths.length === 0 ? (
          <p className="muted">
            No path of up to 4 hops joins {path.from?.name} and {path.to?.name}.
          </p>
        ) : null}
        {path.status === 'done' && path.paths.length > 0 ? (
          <>
            <p>
              {plural(path.paths.length, 'shortest path')} of {plural(path.paths[0]!.length, 'hop')}, highlighted on the canvas.
            </p>
            <ol className={styles.paths}>
              {path.paths.map((p, i) => (
                <PathView key={p.relations.map((r) => r.id).join('|')} path={p} index={i} onSelect={onSelect} />
              ))}
            </ol>
          </>
        ) : null}
      </div>
    </section>
  );
}
