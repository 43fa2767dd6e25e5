'use client';

import { useCallback, useEffect, useReducer, useState } from 'react';
import { ping } from '../api/queries';
import { SteppeApiError, type GraphQLClient } from '../api/client';

/** `value`, once it has stopped changing for `delayMs`. */
export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

export interface ApiHealth {
  /** The last failure that means the API (or its database) is out of reach; null while it answers. */
  outage: SteppeApiError | null;
  /** Increases each time the API comes back, so views can retry what failed. */
  recoveries: number;
  /** Tell the health tracker how a request went. */
  report: (outcome: unknown) => void;
  /** Check now instead of waiting for the next poll. */
  checkNow: () => void;
}

export const HEALTH_POLL_MS = 3_000;

/**
 * Tracks whether the API answers. After a failure that may be temporary it
 * pings every few seconds and clears the outage as soon as the API is back.
 */
interface HealthState {
  outage: SteppeApiError | null;
  recoveries: number;
}

export function healthReducer(state: HealthState, outcome: unknown): HealthState {
  if (outcome instanceof SteppeApiError) {
    return outcome.retryable ? { ...state, outage: outcome } : state;
  }
  return state.outage ? { outage: null, recoveries: state.recoveries + 1 } : state;
}

export function useApiHealth(client: GraphQLClient, pollMs = HEALTH_POLL_MS): ApiHealth {
  const [{ outage, recoveries }, report] = useReducer(healthReducer, { outage: null, recoveries: 0 });

  const checkNow = useCallback(() => {
    ping(client).then(
      () => report('ok'),
      (error: unknown) => report(error),
    );
  }, [client]);

  useEffect(() => {
    if (!outage) return;
    const timer = setInterval(checkNow, pollMs);
    return () => clearInterval(timer);
  }, [outage, checkNow, pollMs]);

  return { outage, recoveries, report, checkNow };
}
