import { authHeaders, clearSession, currentSession, saveSession } from './session';

/** The session the explorer sends as a bearer token (in memory here: no window in node). */
describe('the sign-in session', () => {
  afterEach(() => clearSession());

  it('sends nothing when nobody signed in, and the bearer token while signed in', () => {
    expect(authHeaders()).toEqual({});
    saveSession({ accessToken: 'eyJ.token', expiresAt: Date.now() + 60_000, name: 'alice' });
    expect(authHeaders()).toEqual({ authorization: 'Bearer eyJ.token' });
    expect(currentSession()?.name).toBe('alice');
  });

  it('forgets an expired token instead of sending it', () => {
    saveSession({ accessToken: 'old', expiresAt: Date.now() + 1_000, name: 'alice' });
    expect(currentSession(Date.now() + 2_000)).toBeNull();
    expect(authHeaders()).toEqual({});
  });
});
