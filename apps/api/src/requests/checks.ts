import { getVariableValues, GraphQLError, Kind, parse, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { requestError } from '../errors';
import { queryCost, type CostReport } from './cost';

/**
 * Checks that turn client mistakes into coded 4xx answers before anything runs
 * (see ERROR_CODES):
 * - which operation to run: several operations and no (or an unknown) `operationName`
 *   → OPERATION_RESOLUTION_FAILURE naming the operations the document holds;
 * - `mutation` / `subscription` → OPERATION_NOT_SUPPORTED (405 over GET, 400 over POST);
 * - variables are coerced by graphql-js before execution, so their messages keep the
 *   hints inline values get (the Date format, "Did you mean" on enum values), as
 *   BAD_USER_INPUT with status 400;
 * - the cost limit (cost.ts) → COST_LIMIT_EXCEEDED with the cost, the limit and the
 *   page sizes that multiply it; `extensions: {"dryRun": true}` answers the cost
 *   without running the query.
 */
export interface DryRunAnswer {
  cost: number;
  limit: number;
}

function operationsOf(document: DocumentNode): OperationDefinitionNode[] {
  return document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
}

function describeOperations(operations: OperationDefinitionNode[]): string {
  const names = operations.map((o) => (o.name ? `\`${o.name.value}\`` : 'an anonymous operation'));
  return names.join(', ');
}

/** Parsed documents by text, so a request is parsed once here however often it is sent (bounded). */
function documentCache(max = 1_000) {
  const cache = new Map<string, DocumentNode | null>();
  return (query: string): DocumentNode | null => {
    let doc = cache.get(query);
    if (doc === undefined) {
      try {
        doc = parse(query, { noLocation: false });
      } catch {
        doc = null; // yoga reports the syntax error with its code
      }
      if (cache.size >= max) cache.delete(cache.keys().next().value!);
      cache.set(query, doc);
    }
    return doc;
  };
}

export function costMessage(report: CostReport, limit: number): string {
  const sizes = report.sizes.filter((s) => s.value > 1);
  const lower =
    sizes.length > 0
      ? ` Lower one of the page sizes that multiply it: ${sizes.map((s) => `\`${s.path}(${s.argument}: ${s.value})\``).join(' × ')}.`
      : '';
  return `This query could return ${Math.round(report.cost).toLocaleString('en')} objects; the cost limit is ${limit.toLocaleString('en')}.${lower} Send \`extensions: {"dryRun": true}\` to learn a query's cost without running it.`;
}

export function useRequestChecks(schema: () => GraphQLSchema, maxCost: number): Plugin {
  const documentOf = documentCache();
  return {
    onParams({ params, request, setResult }) {
      if (typeof params.query !== 'string') return;
      const document = documentOf(params.query);
      if (!document) return;
      const operations = operationsOf(document);
      if (operations.length === 0) return; // yoga's validation reports a document without operations
      const name = params.operationName;
      const operation = name ? operations.find((o) => o.name?.value === name) : operations.length === 1 ? operations[0] : undefined;
      if (!operation) {
        const names = operations.flatMap((o) => (o.name ? [o.name.value] : []));
        const message = name
          ? `\`operationName\` is "${name}", but the document has no operation of that name; it holds ${describeOperations(operations)}.`
          : `The document holds ${operations.length} operations (${describeOperations(operations)}): say which to run with \`operationName\`.`;
        setResult({ errors: [requestError('OPERATION_RESOLUTION_FAILURE', message, { operationNames: names })] });
        return;
      }
      if (operation.operation !== 'query') {
        const overGet = request.method === 'GET';
        setResult({
          errors: [
            requestError(
              'OPERATION_NOT_SUPPORTED',
              `The Steppe API is read-only: a \`${operation.operation}\` cannot run here. Send a \`query\`.`,
              { operation: operation.operation },
              overGet ? 405 : 400,
              overGet ? { Allow: 'GET, POST' } : undefined,
            ),
          ],
        });
        return;
      }
      const variables = params.variables ?? {};
      if ((operation.variableDefinitions?.length ?? 0) > 0) {
        const coerced = getVariableValues(schema(), operation.variableDefinitions ?? [], variables);
        // A variable of a type the schema lacks is the validator's to report (GRAPHQL_VALIDATION_FAILED).
        if (coerced.errors && !coerced.errors.some((e) => /cannot be used as an input type/.test(e.message))) {
          setResult({
            errors: coerced.errors.map(
              (error) =>
                // `spec`: under the legacy application/json, GraphQL over HTTP asks for 200 here (yoga honours it).
                new GraphQLError(error.message, {
                  nodes: error.nodes,
                  extensions: { code: 'BAD_USER_INPUT', http: { status: 400, spec: true } },
                }),
            ),
          });
          return;
        }
      }
      const report = queryCost(schema(), document, name, variables);
      if ((params.extensions as { dryRun?: unknown } | undefined)?.dryRun === true) {
        setResult({ extensions: { cost: { cost: report.cost, limit: maxCost, sizes: report.sizes } } });
        return;
      }
      if (report.cost > maxCost) {
        setResult({
          errors: [
            requestError('COST_LIMIT_EXCEEDED', costMessage(report, maxCost), { cost: report.cost, limit: maxCost, sizes: report.sizes }),
          ],
        });
      }
    },
  };
}
