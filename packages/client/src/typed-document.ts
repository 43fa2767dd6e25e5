/**
 * A GraphQL document as text that carries its result and variables types, so
 * `client.request(SearchDocument, { query: 'x' })` checks the variables and
 * types the answer. The two type parameters live only in the type system
 * (phantom fields that are never set): at run time it is a plain string, fit
 * to send as `query` to any GraphQL server.
 */
export type TypedDocument<TData, TVariables> = string & {
  readonly __resultType?: TData;
  readonly __variablesType?: TVariables;
};

export type ResultOf<D> = D extends TypedDocument<infer TData, unknown> ? TData : never;
export type VariablesOf<D> = D extends TypedDocument<unknown, infer TVariables> ? TVariables : never;
