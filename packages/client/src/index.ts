export { createClient, SteppeClientError } from './client';
export { graphqlPost } from './http';
export type { ClientOptions, ClientErrorCode, GraphQLErrorEntry, RequestOptions, SteppeClient } from './client';
export type { ResultOf, TypedDocument, VariablesOf } from './typed-document';
export * from './documents';
export * from './generated';
