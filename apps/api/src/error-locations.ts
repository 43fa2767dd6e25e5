import { GraphQLError, type Source } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** The character offset of a 1-based line and column in a document's text. */
export function offsetOf(body: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = body.slice(offset).search(/\r\n|\n|\r/);
    if (next < 0) return body.length;
    offset += next + (body.startsWith('\r\n', offset + next) ? 2 : 1);
  }
  return Math.min(offset + column - 1, body.length);
}

/**
 * graphql-jit gives a resolver's error its `locations` as plain values, without the
 * document nodes (or source positions) graphql-js records; yoga rebuilds every error
 * before sending it from nodes or positions, so those locations were dropped. The spec
 * asks for them and GraphiQL underlines the field with them: this plugin records them
 * as positions in the document's source, so errors read the same with or without jit.
 */
export function useErrorLocations(): Plugin {
  return {
    onExecute({ args }) {
      const source: Source | undefined = args.document.loc?.source;
      return {
        onExecuteDone({ result, setResult }) {
          if (!source || Symbol.asyncIterator in result || !result.errors?.length) return;
          let changed = false;
          const errors = result.errors.map((error) => {
            if (!error.locations?.length || error.nodes?.length || error.positions?.length) return error;
            changed = true;
            return new GraphQLError(error.message, {
              source,
              positions: error.locations.map((l: { line: number; column: number }) => offsetOf(source.body, l.line, l.column)),
              path: error.path,
              originalError: error.originalError,
              extensions: error.extensions,
            });
          });
          if (changed) setResult({ ...result, errors });
        },
      };
    },
  };
}
