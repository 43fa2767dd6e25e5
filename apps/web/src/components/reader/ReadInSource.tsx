'use client';

import { createContext, useContext } from 'react';
import type { EvidenceData } from '../../api/types';
import styles from './reader.module.css';

/**
 * How a quote anywhere in the explorer opens its document: the shell provides it (opening the reader view),
 * and every quote with a known place in its text shows a "Read in source" button through it. A context rather
 * than a prop, so the panels between the shell and the quote need not pass it along.
 */
export const ReadInSourceContext = createContext<((evidence: EvidenceData) => void) | null>(null);

export function ReadInSourceButton({ evidence }: { evidence: EvidenceData }) {
  const open = useContext(ReadInSourceContext);
  if (!open || !evidence.selector) return null;
  return (
    <button
      type="button"
      className={styles.readSource}
      data-read-source={evidence.source.id}
      data-start={evidence.selector.start}
      aria-label={`Read in source: ${evidence.source.title}`}
      title="Open the document at this quote"
      onClick={() => open(evidence)}
    >
      Read in source
    </button>
  );
}
