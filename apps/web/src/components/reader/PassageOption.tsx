'use client';

import type { DocumentPassageData } from '../../api/types';
import { formatPartialDate } from '../../lib/format';
import { snippetParts } from '../../search/snippet';
import search from '../SearchBox.module.css';
import styles from './PassageOption.module.css';

/** How many of a passage's relations the option names (the rest are counted). */
const RELATIONS_SHOWN = 2;

/**
 * One passage of a document search, as an option of the search listbox: the document, the snippet with the
 * matching words highlighted, and the claims whose evidence overlaps it. Choosing it opens the reader there.
 */
export function PassageOption({
  id,
  passage,
  selected,
  onHover,
  onChoose,
}: {
  id: string;
  passage: DocumentPassageData;
  selected: boolean;
  onHover: () => void;
  onChoose: () => void;
}) {
  const { source } = passage;
  const more = passage.relationCount - Math.min(RELATIONS_SHOWN, passage.relations.length);
  return (
    <div
      id={id}
      role="option"
      aria-selected={selected}
      className={`${search.option} ${styles.option}`}
      data-source-id={source.id}
      data-start={passage.start}
      data-end={passage.end}
      // Keep focus in the input: choosing happens on click, not on blur.
      onMouseDown={(event) => event.preventDefault()}
      onMouseEnter={onHover}
      onClick={onChoose}
    >
      <span className={styles.icon} aria-hidden="true">
        ¶
      </span>
      <span className={styles.text}>
        <span className={styles.source}>
          {source.title}
          {source.outlet || source.publishedAt ? (
            <span className={styles.meta}>
              {' '}
              · {[source.outlet, source.publishedAt ? formatPartialDate(source.publishedAt) : null].filter(Boolean).join(', ')}
            </span>
          ) : null}
        </span>
        <span className={styles.snippet}>
          {passage.snippet.start > passage.start ? '…' : ''}
          {snippetParts(passage.snippet).map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
          {passage.snippet.start + passage.snippet.text.length < passage.end ? '…' : ''}
        </span>
        {passage.relationCount > 0 ? (
          <span className={styles.relations}>
            Cited for:{' '}
            {passage.relations
              .slice(0, RELATIONS_SHOWN)
              .map((r) => `${r.from} ${r.label} ${r.to}`)
              .join('; ')}
            {more > 0 ? ` and ${more} more` : ''}
          </span>
        ) : null}
      </span>
    </div>
  );
}
