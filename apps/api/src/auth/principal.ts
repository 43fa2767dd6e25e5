/**
 * Who is calling and what they may read. Every credential (an API key, an
 * OpenID Connect token, no credential at all) becomes one of these, and the
 * access check (access.ts) reads nothing else.
 */
export interface Principal {
  /** How the caller got in: `local` when sign-in is off (everything is readable, as before sign-in existed). */
  kind: 'local' | 'anonymous' | 'api-key' | 'oidc';
  /** The key's name, or the token's subject (with a display name when the token has one). */
  name: string;
  /** Graphs granted ("*": every graph the API serves). */
  graphs: ReadonlySet<string>;
  /** Whether the caller may use /export. */
  export: boolean;
}

export const ALL_GRAPHS = '*';

export function mayRead(principal: Principal, graph: string): boolean {
  return principal.graphs.has(ALL_GRAPHS) || principal.graphs.has(graph);
}

/** The served graphs this principal may read, in the order the API serves them. */
export function readableGraphs(principal: Principal, served: readonly string[]): string[] {
  return served.filter((g) => mayRead(principal, g));
}

export const LOCAL_PRINCIPAL: Principal = { kind: 'local', name: 'local', graphs: new Set([ALL_GRAPHS]), export: true };
