'use client';

import { useEffect, useState } from 'react';
import { completeSignIn, isSignInCallback, startSignIn, withoutCallbackParams, type SignInConfig } from './pkce';
import { clearSession, currentSession, saveSession } from './session';
import styles from './SignIn.module.css';

/** The API's `GET /auth/config` next to its GraphQL endpoint (same prefix, as for /export). */
export function authConfigUrl(apiUrl: string): string {
  const url = new URL(apiUrl);
  url.pathname = url.pathname.replace(/\/[^/]*$/, '') + '/auth/config';
  url.search = '';
  url.hash = '';
  return url.toString();
}

type Status =
  | { kind: 'off' }
  | { kind: 'busy' }
  | { kind: 'signed-out'; config: SignInConfig; required: boolean }
  | { kind: 'signed-in'; name: string }
  | { kind: 'error'; message: string; config?: SignInConfig };

/**
 * "Sign in" / "Signed in as … · Sign out" in the explorer's top bar, shown only
 * when the API names an OpenID issuer for the explorer (GET /auth/config).
 * Signing in or out reloads the page, so every request after it carries (or
 * no longer carries) the token.
 */
export function SignIn({ apiUrl }: { apiUrl: string }) {
  const [status, setStatus] = useState<Status>({ kind: 'busy' });

  useEffect(() => {
    let live = true;
    const set = (s: Status) => live && setStatus(s);
    // Read now, before anything awaits: the explorer rewrites its URL to the view's state once it loads (useUrlSync).
    const here = new URL(window.location.href);
    (async () => {
      const res = await fetch(authConfigUrl(apiUrl), { headers: { accept: 'application/json' } });
      if (!res.ok) return set({ kind: 'off' });
      const body = (await res.json()) as { signInRequired?: boolean; oidc?: SignInConfig | null };
      const config = body.oidc;
      if (!config) return set({ kind: 'off' });
      if (isSignInCallback(here)) {
        try {
          const { session, returnTo } = await completeSignIn(config, here, window.sessionStorage);
          saveSession(session);
          window.location.replace(returnTo);
        } catch (error) {
          window.history.replaceState(null, '', withoutCallbackParams(here));
          set({ kind: 'error', message: `Sign-in failed: ${(error as Error).message}`, config });
        }
        return;
      }
      const session = currentSession();
      set(session ? { kind: 'signed-in', name: session.name } : { kind: 'signed-out', config, required: body.signInRequired === true });
    })().catch(() => set({ kind: 'off' }));
    return () => {
      live = false;
    };
  }, [apiUrl]);

  const signIn = async (config: SignInConfig) => {
    setStatus({ kind: 'busy' });
    try {
      const redirectUri = `${window.location.origin}/`;
      const url = await startSignIn(config, { redirectUri, returnTo: window.location.href }, window.sessionStorage);
      window.location.assign(url.toString());
    } catch (error) {
      setStatus({ kind: 'error', message: `Sign-in could not start: ${(error as Error).message}`, config });
    }
  };

  if (status.kind === 'off' || status.kind === 'busy') return null;
  return (
    <div className={styles.signIn} aria-live="polite">
      {status.kind === 'signed-in' ? (
        <>
          <span className="sign-in-who">Signed in as {status.name}</span>{' '}
          <button
            type="button"
            onClick={() => {
              clearSession();
              window.location.reload();
            }}
          >
            Sign out
          </button>
        </>
      ) : (
        <>
          {status.kind === 'error' ? (
            <span role="alert">{status.message} </span>
          ) : status.required ? (
            <span>Sign-in is required to read the graph. </span>
          ) : null}
          {status.config ? (
            <button type="button" onClick={() => void signIn(status.config!)}>
              Sign in
            </button>
          ) : null}
        </>
      )}
    </div>
  );
}
