import type { Plugin } from 'graphql-yoga';
import { ERROR_CODES } from '../error-codes';

const JSON_PARAMS = ['variables', 'extensions'] as const;

/**
 * GET requests carry `variables` and `extensions` as JSON in the query string;
 * yoga's parser throws on malformed JSON and the client would get a 500. This
 * answers 400 BAD_REQUEST naming the parameter instead, before yoga parses it.
 */
export function useGetParamsCheck(): Plugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== 'GET' || !url.search) return;
      for (const name of JSON_PARAMS) {
        const raw = url.searchParams.get(name);
        if (raw === null || raw === '') continue;
        try {
          JSON.parse(raw);
        } catch (error) {
          const message = `The \`${name}\` parameter is not valid JSON (${(error as Error).message}): encode an object, e.g. ${name}=${encodeURIComponent('{"id":"csto"}')}.`;
          endResponse(
            new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] }), {
              status: ERROR_CODES.BAD_REQUEST.status,
              headers: { 'content-type': 'application/graphql-response+json; charset=utf-8' },
            }),
          );
          return;
        }
      }
    },
  };
}
