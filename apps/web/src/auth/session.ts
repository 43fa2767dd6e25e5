/**
 * The explorer's sign-in session: the access token the API accepts, kept in
 * memory and in sessionStorage (so a reload of the tab keeps it, and closing
 * the tab forgets it; never localStorage, never a cookie). Every request to
 * the API adds `authHeaders()`.
 */

const KEY = 'steppe.session';

export interface Session {
  accessToken: string;
  /** Epoch ms after which the token is not sent any more. */
  expiresAt: number;
  /** Who signed in, as the issuer's ID token names them. */
  name: string;
}

let current: Session | null | undefined;

function storage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.sessionStorage;
  } catch {
    return undefined;
  }
}

export function currentSession(now = Date.now()): Session | null {
  if (current === undefined) {
    const raw = storage()?.getItem(KEY);
    try {
      current = raw ? (JSON.parse(raw) as Session) : null;
    } catch {
      current = null;
    }
  }
  if (current && current.expiresAt <= now) clearSession();
  return current ?? null;
}

export function saveSession(session: Session): void {
  current = session;
  storage()?.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  current = null;
  storage()?.removeItem(KEY);
}

/** `Authorization: Bearer …` while signed in; nothing otherwise. */
export function authHeaders(): Record<string, string> {
  const session = currentSession();
  return session ? { authorization: `Bearer ${session.accessToken}` } : {};
}
