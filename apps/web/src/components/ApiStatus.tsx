'use client';

import type { SteppeApiError } from '../api/client';

/** The banner shown while the API (or its database) cannot be reached. */
export function ApiStatus({ outage, onRetry }: { outage: SteppeApiError | null; onRetry: () => void }) {
  if (!outage) return null;
  return (
    <div className="api-status" role="alert">
      <p>
        <strong>{outage.message}</strong>{' '}
        {outage.kind === 'unreachable' ? 'Check that the Steppe API is running and that this address is right. ' : ''}
        Retrying every few seconds; the explorer picks up again as soon as it answers.
      </p>
      <button type="button" onClick={onRetry}>
        Try again now
      </button>
    </div>
  );
}
