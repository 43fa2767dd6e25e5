import { API_LIMITS } from '@steppe/domain';

/**
 * Server-side limits: defined once in @steppe/domain (API_LIMITS, read by the
 * explorer too), enforced here. Documented in the README ("Limits").
 */
export const LIMITS = API_LIMITS;
