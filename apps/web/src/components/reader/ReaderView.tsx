'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { fetchDocument } from '../../api/queries';
import type { DocumentData, RelationData } from '../../api/types';
import type { ViewContext } from '../../explorer/views';
import { edgeId } from '../../workspace/ids';
import { citedPassages } from '../../workspace/reader';
import { focusOf } from '../../workspace/reducer';
import { DocumentReader } from './DocumentReader';
import styles from './reader.module.css';

type Loaded = { id: string; data: DocumentData | null; error?: string };

/** Where the keyboard goes back to when the reader closes: the quote's "Read in source" in the details, else what opened it. */
function returnFocus(sourceId: string, opener: Element | null) {
  const inDetails = document.querySelector<HTMLElement>(`#details [data-read-source="${CSS.escape(sourceId)}"]`);
  const target = inDetails ?? (opener instanceof HTMLElement && opener.isConnected ? opener : document.getElementById('details'));
  target?.focus();
}

/**
 * The document reader as a view of the workspace (registered in explorer/views.tsx): the document the
 * CommandContext's `reader` names, over the canvas, opened at its passage. Marks select their relation
 * (bringing it onto the canvas when it is not there), "Show everything this document supports" puts all of
 * the document's relations on the canvas, and the names it mentions can be added. Escape closes it and gives
 * the keyboard back to the quote it was opened from.
 */
export function ReaderView({ ctx }: { ctx: ViewContext }) {
  const request = ctx.commands.reader;
  const { client, actions, commands } = ctx;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const opener = useRef<Element | null>(null);
  const sourceId = request?.sourceId ?? null;

  // What had the keyboard when this document was asked for (the quote's button), to give it back on close.
  useEffect(() => {
    opener.current = document.activeElement;
  }, [request?.serial]);

  useEffect(() => {
    if (!sourceId) return;
    const controller = new AbortController();
    fetchDocument(client, sourceId, { signal: controller.signal }).then(
      (data) => setLoaded({ id: sourceId, data }),
      (error: unknown) => {
        if (!controller.signal.aborted)
          setLoaded({ id: sourceId, data: null, error: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => controller.abort();
  }, [client, sourceId]);

  // Escape closes the reader wherever the keyboard is (it covers the canvas), before the explorer's own
  // Escape (clear the selection) sees it; a field or an open dialog keeps its Escape.
  const closeRef = useRef<() => void>(() => undefined);
  useEffect(() => {
    if (!sourceId) return;
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || document.querySelector('dialog[open]')) return;
      const t = event.target;
      if (t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))) return;
      event.preventDefault();
      closeRef.current();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [sourceId]);

  const data = loaded && loaded.id === sourceId ? loaded.data : undefined;
  const passages = useMemo(() => (data ? citedPassages(data) : []), [data]);
  const onCanvas = useMemo(() => new Set(ctx.view.nodes), [ctx.view.nodes]);
  const focus = focusOf(ctx.state.selection);
  const close = useCallback(() => {
    commands.closeReader();
    // After the reader has gone and the details show the selected relation again.
    if (sourceId) requestAnimationFrame(() => returnFocus(sourceId, opener.current));
  }, [commands, sourceId]);
  useEffect(() => {
    closeRef.current = close;
  }, [close]);
  if (!request) return null;

  const selectRelation = (relation: RelationData) => {
    // On the canvas already: select it; else bring it and its two ends in, selected.
    if (onCanvas.has(relation.from.id) && onCanvas.has(relation.to.id) && ctx.state.data.relations[relation.id])
      commands.select([edgeId(relation.id)]);
    else void actions.showRelations([relation], relation.id, 'the cited relation');
  };

  return (
    <div className={styles.overlay} data-testid="reader">
      {data ? (
        <DocumentReader
          key={`${request.sourceId}:${request.serial}`}
          document={data.document}
          passages={passages}
          mentions={data.mentions}
          focus={request.focus}
          selectedRelationId={focus?.type === 'relation' ? focus.id : null}
          onCanvas={onCanvas}
          onSelectRelation={selectRelation}
          onShowAll={(relations) => void actions.showRelations(relations, null, 'everything this document supports')}
          onAddEntity={(entity) => void actions.expand(entity, { select: true })}
          onClose={close}
        />
      ) : (
        <section className={styles.reader} aria-label="Document" aria-busy={!loaded || loaded.id !== sourceId}>
          <p className={styles.hint} role={loaded?.id === sourceId ? 'alert' : 'status'}>
            {!loaded || loaded.id !== sourceId
              ? 'Opening the document…'
              : loaded.error
                ? `The document could not be opened: ${loaded.error}`
                : 'The graph holds no document with this id.'}
          </p>
          <button type="button" onClick={close}>
            Close document
          </button>
        </section>
      )}
    </div>
  );
}
