'use client';

import type { ReactNode } from 'react';
import type { SteppeApiError } from '../api/client';
import styles from './ApiStatus.module.css';

/** A warning banner across the page, above the workspace. */
export function AlertBanner({ children }: { children: ReactNode }) {
  return (
    <div className={styles.banner} role="alert">
      {children}
    </div>
  );
}

/** The banner shown while the API (or its database) cannot be reached. */
export function ApiStatus({ outage, onRetry }: { outage: SteppeApiError | null; onRetry: () => void }) {
  if (!outage) return null;
  return (
    <AlertBanner>
      <p>
        <strong>{outage.message}</strong>{' '}
        {outage.kind === 'unreachable' ? 'Check that the Steppe API is running and that this address is right. ' : ''}
        Retrying every few seconds; the explorer picks up again as soon as it answers.
      </p>
      <button type="button" onClick={onRetry}>
        Try again now
      </button>
    </AlertBanner>
  );
}
