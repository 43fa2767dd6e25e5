'use client';

import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { MAX_NOTES_LENGTH } from '@steppe/domain';
import { ExportFailed, fetchExport, saveBlob } from '../export/download';
import { IMAGE_SCALES, type Background, type ImageFormat, type ImageOptions, type RenderedImage } from '../export/image';
import {
  API_FORMATS,
  buildExportRequest,
  defaultTitle,
  fileNameFor,
  FORMAT_INFO,
  formatBytes,
  MAX_TITLE_LENGTH,
  scopeProblem,
  type ApiFormat,
} from '../export/request';
import { apiScope, type ExportScope, type ScopeKind } from '../export/scope';
import styles from './ExportDialog.module.css';

export interface ExportDialogProps {
  /** The two scopes, as the canvas stands now. */
  scopes: Readonly<Record<ScopeKind, ExportScope>>;
  initialScope: ScopeKind;
  /** Entity names, for the default title. */
  nameOf: (id: string) => string;
  /** Imported entities the API's graph does not hold. */
  fileOnly: ReadonlySet<string>;
  /** Relation types the view's filter hides. */
  hiddenTypes: readonly string[];
  /** Whether the view hides relations by date, sources or by hand too (not passed to the API). */
  otherRelationFilters: boolean;
  /** The API's /export endpoint. */
  exportUrl: string;
  /** Where the canvas has each entity now (the report's figure draws them there). */
  positions?: () => Readonly<Record<string, { x: number; y: number }>>;
  /** Draws a picture of a scope from the canvas. */
  renderPicture: (scope: ExportScope, options: ImageOptions) => Promise<RenderedImage>;
  onClose: () => void;
}

type Status =
  | { state: 'idle' }
  | { state: 'working'; what: string; bytes: number; cancellable: boolean }
  | { state: 'done'; message: string }
  | { state: 'error'; message: string };

function describeScope(scope: ExportScope): string {
  const e = scope.entityIds.length;
  const r = scope.relationIds.length;
  return `${e} ${e === 1 ? 'entity' : 'entities'}, ${r} ${r === 1 ? 'relation' : 'relations'}`;
}

/**
 * While a file is being made the buttons are `aria-disabled`, not disabled:
 * a disabled button would drop the keyboard focus out of the dialog.
 *
 * The Export dialog: the view or the selection as a PDF/HTML report or a data
 * file (made by the API's /export), or as a PNG/SVG picture drawn here from
 * the canvas. A native modal <dialog>: focus moves into it and stays there,
 * Escape closes it, and focus returns to the button that opened it.
 */
export function ExportDialog(props: ExportDialogProps) {
  const { scopes, nameOf, fileOnly, exportUrl, renderPicture, onClose } = props;
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [scopeKind, setScopeKind] = useState<ScopeKind>(props.initialScope);
  const scope = scopes[scopeKind];
  const suggested = useMemo(() => defaultTitle(scope.entityIds.map(nameOf)), [scope, nameOf]);
  const [customTitle, setCustomTitle] = useState<string | null>(null);
  const [notes, setNotes] = useState('');
  const title = customTitle ?? suggested;
  const [scale, setScale] = useState<number>(2);
  const [background, setBackground] = useState<Background>('white');
  const [framed, setFramed] = useState(true);
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    return () => controller.current?.abort();
  }, []);

  const problem = scopeProblem(scope);
  const forApi = apiScope(scope, fileOnly);
  const apiProblem =
    problem ??
    (forApi.scope.entityIds.length === 0
      ? 'None of these entities is in the API’s graph (they were imported from a file): only pictures can be made.'
      : null);
  const busy = status.state === 'working';
  const baseName = title.trim() || suggested;

  async function downloadFromApi(format: ApiFormat) {
    const info = FORMAT_INFO[format];
    const ac = new AbortController();
    controller.current = ac;
    setStatus({ state: 'working', what: `Preparing the ${info.label}`, bytes: 0, cancellable: true });
    try {
      const request = buildExportRequest(exportUrl, {
        format,
        scope: forApi.scope,
        title: baseName,
        permalink: window.location.href,
        hiddenTypes: props.hiddenTypes,
        notes,
        positions: props.positions?.(),
      });
      const file = await fetchExport(request, {
        signal: ac.signal,
        onProgress: (bytes) => setStatus({ state: 'working', what: `Receiving the ${info.label}`, bytes, cancellable: true }),
      });
      const name = fileNameFor(baseName, info.extension);
      saveBlob(file.blob, name);
      const count = file.entities ?? forApi.scope.entityIds.length;
      setStatus({
        state: 'done',
        message: `Saved ${name} (${formatBytes(file.blob.size)}, ${count} ${count === 1 ? 'entity' : 'entities'}${file.truncated ? ', truncated by the limit' : ''}).`,
      });
    } catch (error) {
      if (ac.signal.aborted) setStatus({ state: 'idle' });
      else
        setStatus({
          state: 'error',
          message: `The ${info.label} could not be made. ${error instanceof ExportFailed ? error.message : (error as Error).message}`,
        });
    } finally {
      if (controller.current === ac) controller.current = null;
    }
  }

  async function downloadPicture(format: ImageFormat) {
    const label = format.toUpperCase();
    setStatus({ state: 'working', what: `Drawing the ${label}`, bytes: 0, cancellable: false });
    try {
      const image = await renderPicture(scope, {
        format,
        scale: format === 'png' ? scale : 1,
        background,
        ...(format === 'png' && framed ? { frame: { title: title.trim() } } : {}),
      });
      const suffix = format === 'png' && image.scale !== 1 ? `@${image.scale}x` : '';
      const name = fileNameFor(baseName, format, new Date(), suffix);
      saveBlob(image.blob, name);
      const lowered =
        format === 'png' && image.scale < scale
          ? ` At ${scale}× it would have been too large for the browser, so it was drawn at ${image.scale}×.`
          : '';
      setStatus({ state: 'done', message: `Saved ${name} (${image.width} × ${image.height}, ${formatBytes(image.blob.size)}).${lowered}` });
    } catch (error) {
      setStatus({ state: 'error', message: `The ${label} could not be drawn. ${(error as Error).message}` });
    }
  }

  const apiButtons = (group: 'report' | 'data') =>
    API_FORMATS.filter((f) => FORMAT_INFO[f].group === group).map((f) => (
      <li key={f}>
        <button
          type="button"
          disabled={apiProblem !== null}
          aria-disabled={busy || undefined}
          onClick={() => (busy ? undefined : void downloadFromApi(f))}
          aria-describedby={`${id}-${f}`}
        >
          {FORMAT_INFO[f].label}
        </button>{' '}
        <span id={`${id}-${f}`} className="muted">
          {FORMAT_INFO[f].hint}
        </span>
      </li>
    ));

  return (
    <dialog
      ref={dialogRef}
      className={styles.dialog}
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      onCancel={() => controller.current?.abort()}
      // The explorer's shortcuts (Escape clears the selection, Delete removes…) are not for keys pressed in here.
      onKeyDown={(event) => event.stopPropagation()}
    >
      <div className={styles.body}>
        <h2 id={`${id}-title`}>Export</h2>
        <fieldset className={styles.scope}>
          <legend>What to export</legend>
          {(['selection', 'view'] as const).map((kind) => (
            <label key={kind}>
              <input
                type="radio"
                name={`${id}-scope`}
                value={kind}
                checked={scopeKind === kind}
                disabled={busy || (kind === 'selection' && scopes.selection.entityIds.length === 0)}
                onChange={() => setScopeKind(kind)}
              />{' '}
              {kind === 'selection' ? 'Selection' : 'Current view'} <span className="muted">({describeScope(scopes[kind])})</span>
            </label>
          ))}
        </fieldset>
        <div className={styles.title}>
          <label htmlFor={`${id}-title-input`}>Title</label>
          <input
            id={`${id}-title-input`}
            type="text"
            value={title}
            maxLength={MAX_TITLE_LENGTH}
            disabled={busy}
            onChange={(e) => setCustomTitle(e.target.value)}
          />
        </div>
        <div className={styles.title}>
          <label htmlFor={`${id}-notes`}>Notes (printed in the report after its summary)</label>
          <textarea
            id={`${id}-notes`}
            rows={3}
            value={notes}
            maxLength={MAX_NOTES_LENGTH}
            disabled={busy}
            onChange={(e) => setNotes(e.target.value)}
          />
        </div>
        {problem ? (
          <p className={styles.problem} role="note">
            {problem}
          </p>
        ) : null}

        <section aria-labelledby={`${id}-report`}>
          <h3 id={`${id}-report`}>Report</h3>
          <ul className={styles.formats}>{apiButtons('report')}</ul>
        </section>
        <section aria-labelledby={`${id}-data`}>
          <h3 id={`${id}-data`}>Data files</h3>
          <ul className={styles.formats}>{apiButtons('data')}</ul>
        </section>
        <p className={`muted ${styles.note}`}>
          Reports and data files are made by the API from its graph: every relation among these entities
          {props.hiddenTypes.length > 0 ? ' of the relation types the filter shows' : ''}, with all its evidence and sources, and this
          page’s link.
          {props.otherRelationFilters ? ' Date and source filters, and relations hidden by hand, shape pictures only.' : ''}
          {forApi.left.length > 0
            ? ` ${forApi.left.length} imported ${forApi.left.length === 1 ? 'entity is' : 'entities are'} not in the API’s graph and ${forApi.left.length === 1 ? 'is' : 'are'} left out of them.`
            : ''}
        </p>

        <section aria-labelledby={`${id}-picture`}>
          <h3 id={`${id}-picture`}>Picture</h3>
          <div className={styles.pictureOptions}>
            <fieldset>
              <legend>PNG scale</legend>
              {IMAGE_SCALES.map((s) => (
                <label key={s}>
                  <input type="radio" name={`${id}-scale`} value={s} checked={scale === s} disabled={busy} onChange={() => setScale(s)} />{' '}
                  {s}×
                </label>
              ))}
            </fieldset>
            <label>
              <input type="checkbox" checked={framed} disabled={busy} onChange={(e) => setFramed(e.target.checked)} /> Title and legend on
              the PNG
            </label>
            <fieldset>
              <legend>Background</legend>
              {(['white', 'transparent'] as const).map((b) => (
                <label key={b}>
                  <input
                    type="radio"
                    name={`${id}-bg`}
                    value={b}
                    checked={background === b}
                    disabled={busy}
                    onChange={() => setBackground(b)}
                  />{' '}
                  {b === 'white' ? 'White' : 'Transparent'}
                </label>
              ))}
            </fieldset>
          </div>
          <ul className={styles.formats}>
            <li>
              <button
                type="button"
                disabled={problem !== null}
                aria-disabled={busy || undefined}
                onClick={() => (busy ? undefined : void downloadPicture('png'))}
              >
                PNG
              </button>{' '}
              <span className="muted">the canvas as drawn, whole</span>
            </li>
            <li>
              <button
                type="button"
                disabled={problem !== null}
                aria-disabled={busy || undefined}
                onClick={() => (busy ? undefined : void downloadPicture('svg'))}
              >
                SVG
              </button>{' '}
              <span className="muted">vector, for editing and print</span>
            </li>
          </ul>
        </section>

        <div className={styles.status} role="status" aria-live="polite">
          {status.state === 'working' ? (
            <p>
              <span className={styles.spinner} aria-hidden="true" /> {status.what}…
              {status.bytes > 0 ? ` ${formatBytes(status.bytes)} received.` : ''}
            </p>
          ) : null}
          {status.state === 'done' ? <p className={styles.done}>{status.message}</p> : null}
        </div>
        {status.state === 'error' ? (
          <p className={styles.error} role="alert">
            {status.message}
          </p>
        ) : null}
        <div className={styles.actions}>
          {status.state === 'working' && status.cancellable ? (
            <button type="button" onClick={() => controller.current?.abort()}>
              Cancel
            </button>
          ) : null}
          <button type="button" onClick={() => dialogRef.current?.close()}>
            Close
          </button>
        </div>
      </div>
    </dialog>
  );
}
