'use client';

import { Fragment, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { DocumentMeta, EntitySummary, RelationData } from '../../api/types';
import { formatPartialDate, plural, stanceLabel } from '../../lib/format';
import { ENTITY_KIND_INFO } from '@steppe/domain';
import { KindIcon } from '../KindBadge';
import { layoutRuns, markHolding, runsShowing, splitRuns, type Range, type Run } from './layout';
import styles from './reader.module.css';

/** One evidence item of the document: where its quote sits and the relation it is cited for. */
export interface CitedPassage extends Range {
  relation: RelationData;
  quote: string;
}

/** Where the dataset's entities are named in the text. */
export interface ReaderMention extends Range {
  entity: EntitySummary;
}

export interface DocumentReaderProps {
  document: DocumentMeta;
  passages: readonly CitedPassage[];
  mentions: readonly ReaderMention[];
  /** The passage to open at: marked as current and scrolled into view. */
  focus?: Range | null;
  /** The relation selected in the explorer: its passages are shown as selected. */
  selectedRelationId?: string | null;
  /** Entity ids on the canvas (names already there are marked so). */
  onCanvas?: ReadonlySet<string>;
  onSelectRelation: (relation: RelationData) => void;
  onShowAll: (relations: RelationData[]) => void;
  onAddEntity: (entity: EntitySummary) => void;
  onClose: () => void;
}

function claimText(relation: RelationData): string {
  return `${relation.from.name} ${relation.label} ${relation.to.name}`;
}

/**
 * A document with every cited passage marked. Marks are in the tab order;
 * Enter or a click selects the relation the passage is cited for (the first,
 * when several cite it; the others are listed beside the text). Names of the
 * dataset's entities are underlined and listed, each addable to the canvas.
 */
export function DocumentReader({
  document: doc,
  passages,
  mentions,
  focus,
  selectedRelationId,
  onCanvas,
  onSelectRelation,
  onShowAll,
  onAddEntity,
  onClose,
}: DocumentReaderProps) {
  const laidOut = useMemo(() => layoutRuns(doc.text.length, passages, mentions), [doc.text.length, passages, mentions]);
  const holding = focus ? markHolding(laidOut, focus) : -1;
  // Opened at a passage no quote covers (a search hit): its text is set apart, and the reader scrolls there.
  const runs = useMemo(() => (focus && holding < 0 ? splitRuns(laidOut, [focus.start, focus.end]) : laidOut), [laidOut, focus, holding]);
  const found = focus && holding < 0 ? runsShowing(runs, focus) : null;
  const focusIndex = holding < 0 ? -1 : runs.indexOf(laidOut[holding]!);
  const foundRef = useRef<HTMLElement | null>(null);
  const textRef = useRef<HTMLDivElement | null>(null);
  // The mark the reader last activated, for as long as the document is opened at the same place.
  const focusKey = `${doc.id}:${focus?.start ?? ''}:${focus?.end ?? ''}`;
  const [picked, setPicked] = useState<{ key: string; index: number } | null>(null);
  const activeIndex = picked && picked.key === focusKey ? picked.index : focusIndex;
  const markRefs = useRef(new Map<number, HTMLElement>());

  // Opening at a passage: scroll it into view and put the keyboard there.
  useEffect(() => {
    const target = markRefs.current.get(focusIndex) ?? foundRef.current;
    if (target) {
      // Centre it in the text's own scroll box only: scrollIntoView would also scroll the page and the panels around.
      const box = textRef.current;
      if (box) {
        const r = target.getBoundingClientRect();
        const b = box.getBoundingClientRect();
        box.scrollTop += r.top - b.top - Math.max(0, (b.height - r.height) / 2);
      }
      target.focus({ preventScroll: true });
    }
  }, [doc.id, focusIndex, focus?.start, focus?.end]);

  const relations = useMemo(() => {
    const byId = new Map<string, RelationData>();
    for (const p of passages) byId.set(p.relation.id, p.relation);
    return [...byId.values()];
  }, [passages]);

  const named = useMemo(() => {
    const byId = new Map<string, { entity: EntitySummary; count: number }>();
    for (const m of mentions) {
      const entry = byId.get(m.entity.id) ?? { entity: m.entity, count: 0 };
      entry.count += 1;
      byId.set(m.entity.id, entry);
    }
    return [...byId.values()].sort((a, b) => b.count - a.count || a.entity.name.localeCompare(b.entity.name));
  }, [mentions]);

  const active = activeIndex >= 0 ? runs[activeIndex]?.mark : undefined;

  function activate(index: number) {
    const mark = runs[index]?.mark;
    if (!mark) return;
    setPicked({ key: focusKey, index });
    const selected = mark.passages.find((p) => p.relation.id === selectedRelationId);
    onSelectRelation((selected ?? mark.passages[0]!).relation);
  }

  function onMarkKey(event: KeyboardEvent<HTMLElement>, index: number) {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      activate(index);
    }
  }

  const meta: [string, string][] = [];
  if (doc.outlet) meta.push(['Outlet', doc.outlet]);
  if (doc.author) meta.push(['Author', doc.author]);
  if (doc.publishedAt) meta.push(['Published', formatPartialDate(doc.publishedAt)]);
  if (doc.languages.length > 0) meta.push(['Language', doc.languages.join(', ')]);

  return (
    <section className={styles.reader} aria-label={`Document: ${doc.title}`} data-source-id={doc.id}>
      <header className={styles.header}>
        <p className={styles.eyebrow}>Source document</p>
        <h2 className={styles.title}>
          {doc.url ? (
            <a href={doc.url} target="_blank" rel="noreferrer noopener">
              {doc.title}
            </a>
          ) : (
            doc.title
          )}
        </h2>
        {meta.length > 0 ? (
          <dl className={styles.meta}>
            {meta.map(([term, value]) => (
              <div key={term}>
                <dt>{term}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        ) : null}
        <div className={styles.actions}>
          <button type="button" onClick={() => onShowAll(relations)} disabled={relations.length === 0}>
            Show everything this document supports ({plural(relations.length, 'relation')})
          </button>
          <button type="button" onClick={onClose}>
            Close document
          </button>
          <p className={styles.keys}>
            <kbd>Tab</kbd> next cited passage · <kbd>Enter</kbd> select its claim · <kbd>Esc</kbd> back to the quote
          </p>
        </div>
      </header>
      <div className={styles.body}>
        <div ref={textRef} className={styles.text} lang={doc.languages[0]} aria-label="Document text" role="document" tabIndex={-1}>
          {(found ? [runs.slice(0, found[0]), runs.slice(found[0], found[1] + 1), runs.slice(found[1] + 1)] : [runs]).map((group, g) => {
            const offset = g === 0 ? 0 : g === 1 ? found![0] : found![1] + 1;
            const views = group.map((run, i) => {
              const index = offset + i;
              return (
                <RunView
                  key={`${run.start}-${run.end}`}
                  text={doc.text}
                  run={run}
                  current={index === activeIndex}
                  selected={run.mark?.passages.some((p) => p.relation.id === selectedRelationId) ?? false}
                  refFor={(el) => {
                    if (el) markRefs.current.set(index, el);
                    else markRefs.current.delete(index);
                  }}
                  onActivate={() => activate(index)}
                  onKeyDown={(e) => onMarkKey(e, index)}
                />
              );
            });
            return g === 1 ? (
              <span
                key="found"
                ref={foundRef}
                className={styles.found}
                tabIndex={-1}
                data-found="true"
                data-start={focus?.start}
                data-end={focus?.end}
              >
                {views}
              </span>
            ) : (
              <Fragment key={g}>{views}</Fragment>
            );
          })}
        </div>
        <aside className={styles.side}>
          {active ? (
            <section aria-label="Cited for">
              <h3>This passage is cited for</h3>
              <ul className={styles.list}>
                {active.passages.map((p, i) => (
                  <li key={`${p.relation.id}-${i}`}>
                    <button
                      type="button"
                      className={styles.claim}
                      aria-pressed={p.relation.id === selectedRelationId}
                      onClick={() => onSelectRelation(p.relation)}
                    >
                      {claimText(p.relation)}
                      <span className={styles.stance}> · {stanceLabel(p.relation.stance)}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ) : (
            <p className={styles.hint}>
              {plural(passages.length, 'cited passage')} marked. Tab to a mark and press Enter to select its relation.
            </p>
          )}
          <section aria-label="Named in this document">
            <h3>Named in this document ({named.length})</h3>
            <ul className={styles.list}>
              {named.map(({ entity, count }) => (
                <li key={entity.id} className={styles.named}>
                  {/* The kind as the canvas draws it (icon on its colour), named for screen readers: the name gets the room. */}
                  <span className={styles.kind} style={{ backgroundColor: ENTITY_KIND_INFO[entity.kind].colour }} title={entity.kind}>
                    <KindIcon kind={entity.kind} colour="#ffffff" size={12} />
                    <span className="visually-hidden">{entity.kind}: </span>
                  </span>
                  <span
                    className={styles.name}
                    title={entity.aliases.length > 0 ? `${entity.name} (also ${entity.aliases.join(', ')})` : entity.name}
                  >
                    {entity.name}
                  </span>
                  <span className={styles.count}>×{count}</span>
                  {onCanvas?.has(entity.id) ? (
                    <span className={styles.onCanvas}>on the canvas</span>
                  ) : (
                    <button
                      type="button"
                      className={styles.add}
                      onClick={() => onAddEntity(entity)}
                      aria-label={`Add ${entity.name} to the canvas`}
                    >
                      Add
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </section>
        </aside>
      </div>
    </section>
  );
}

function RunView({
  text,
  run,
  current,
  selected,
  refFor,
  onActivate,
  onKeyDown,
}: {
  text: string;
  run: Run<CitedPassage, ReaderMention>;
  current: boolean;
  selected: boolean;
  refFor: (el: HTMLElement | null) => void;
  onActivate: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
}) {
  const content = withMentions(text, run);
  if (!run.mark) return <>{content}</>;
  const claims = run.mark.passages.map((p) => claimText(p.relation));
  const className = [
    styles.mark,
    current ? styles.current : '',
    selected ? styles.selected : '',
    run.mark.passages.some((p) => p.relation.contested) ? styles.contested : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <mark
      ref={refFor}
      className={className}
      role="button"
      tabIndex={0}
      aria-current={current ? 'true' : undefined}
      aria-pressed={selected}
      aria-description={`Cited for: ${claims.join('; ')}`}
      title={`Cited for: ${claims.join('; ')}`}
      data-start={run.start}
      data-end={run.end}
      onClick={onActivate}
      onKeyDown={onKeyDown}
    >
      {content}
    </mark>
  );
}

/** The run's text with entity names underlined. */
function withMentions(text: string, run: Run<CitedPassage, ReaderMention>) {
  const parts: ReactNode[] = [];
  let at = run.start;
  const seen = new Set<number>();
  for (const m of run.mentions) {
    // Several entities may share a spelling: underline the place once.
    if (seen.has(m.start) || m.start < at) continue;
    seen.add(m.start);
    if (m.start > at) parts.push(text.slice(at, m.start));
    parts.push(
      <span key={m.start} className={styles.mention} data-entity-id={m.entity.id} title={`${m.entity.name} (${m.entity.kind})`}>
        {text.slice(m.start, m.end)}
      </span>,
    );
    at = m.end;
  }
  if (at < run.end) parts.push(text.slice(at, run.end));
  return parts;
}
