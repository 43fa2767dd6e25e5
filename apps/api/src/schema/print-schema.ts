import path from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { printSchema } from 'graphql';
import { loadTypeDefs } from './load-schema';

/** The one-file schema the API package publishes (`@steppe/api/schema.graphql`), checked in beside package.json. */
export const SCHEMA_FILE = path.resolve(__dirname, '../../schema.graphql');

const HEADER = '# GENERATED from apps/api/src/schema by `npm run generate:schema -w @steppe/api`. Do not edit by hand.\n\n';

/**
 * The API's SDL as one document (the files of src/schema merged, `extend type`
 * folded in), with every description and deprecation: what `GET /schema.graphql`
 * serves and what clients generate types from without a running server.
 */
export function printedSchema(): string {
  return HEADER + printSchema(makeExecutableSchema({ typeDefs: loadTypeDefs() })) + '\n';
}
