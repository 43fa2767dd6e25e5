import type { Plugin } from 'graphql-yoga';
import { printedSchema } from '../schema/print-schema';

export const SCHEMA_PATH = '/schema.graphql';

/** `GET /schema.graphql`: the SDL in one file (the same text as the checked-in apps/api/schema.graphql). */
export function useSchemaRoute(): Plugin {
  const sdl = printedSchema();
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== SCHEMA_PATH || (request.method !== 'GET' && request.method !== 'HEAD')) return;
      endResponse(new fetchAPI.Response(sdl, { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' } }));
    },
  };
}
