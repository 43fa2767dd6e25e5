import {
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { ENTITY_KINDS, RELATION_TYPES } from '@steppe/domain';
import { LIMITS } from '../limits';

/**
 * A query's cost: how many objects it may return at most, the measure GitHub's
 * GraphQL API uses. A field that returns objects costs 1 per object, times the
 * size of every list it sits in; scalars are free. List sizes come from the page
 * size the field is asked for (`first` or `limit`, given inline or in variables,
 * else the argument's default; a list of `ids` counts its length), passed from a
 * connection or a subgraph to its `edges`/`nodes`; lists without a size argument
 * count the bound the API itself enforces (LIST_SIZES) or ASSUMED_LIST_SIZE.
 */
export const ASSUMED_LIST_SIZE = 10;

/** Lists with no page-size argument: at most this many items (limits the API enforces, or the vocabulary's size). */
export const LIST_SIZES: Record<string, number> = {
  'Subgraph.edges': LIMITS.subgraphEdges,
  'Path.nodes': LIMITS.pathHops + 1,
  'Path.relations': LIMITS.pathHops,
  'Query.relationTypes': RELATION_TYPES.length,
  'Query.entityKinds': ENTITY_KINDS.length,
};

const SIZE_ARGUMENTS = ['first', 'limit', 'ids'];

/** A page size that multiplies the cost, for the message that says what to lower. */
export interface SizeArgument {
  /** Where in the response, e.g. `search.edges.node.relations`. */
  path: string;
  argument: string;
  value: number;
}

export interface CostReport {
  cost: number;
  /** Every page size the cost multiplies by, outermost first. */
  sizes: SizeArgument[];
}

function valueOf(node: ValueNode, variables: Record<string, unknown>, defaults: Map<string, ValueNode>): unknown {
  switch (node.kind) {
    case Kind.INT:
      return Number(node.value);
    case Kind.LIST:
      return node.values;
    case Kind.VARIABLE: {
      const name = node.name.value;
      if (name in variables) return variables[name];
      const fallback = defaults.get(name);
      return fallback ? valueOf(fallback, variables, defaults) : undefined;
    }
    default:
      return undefined;
  }
}

function sizeOf(
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  variables: Record<string, unknown>,
  defaults: Map<string, ValueNode>,
) {
  for (const name of SIZE_ARGUMENTS) {
    const def = field.args.find((a) => a.name === name);
    if (!def) continue;
    const given = node.arguments?.find((a) => a.name.value === name);
    let value: unknown = given ? valueOf(given.value, variables, defaults) : def.defaultValue;
    if (Array.isArray(value)) value = value.length;
    if (typeof value === 'number' && Number.isFinite(value)) return { argument: name, value: Math.max(0, value) };
    return undefined;
  }
  return undefined;
}

export function operationOf(document: DocumentNode, operationName?: string | null): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operationName) return operations.find((o) => o.name?.value === operationName);
  return operations.length === 1 ? operations[0] : undefined;
}

/** The cost of the operation (see the module comment); fields the schema does not know cost nothing (validation reports them). */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName?: string | null,
  variables: Record<string, unknown> = {},
): CostReport {
  const operation = operationOf(document, operationName);
  const root = operation?.operation === 'query' ? schema.getQueryType() : undefined;
  if (!operation || !root) return { cost: 0, sizes: [] };
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const defaults = new Map(
    (operation.variableDefinitions ?? []).flatMap((v) => (v.defaultValue ? [[v.variable.name.value, v.defaultValue] as const] : [])),
  );
  const sizes: SizeArgument[] = [];

  function selectionCost(
    set: SelectionSetNode,
    parent: GraphQLNamedType,
    path: string,
    pending: number | undefined,
    seen: Set<string>,
  ): number {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        total += fieldCost(selection, parent, path, pending, seen);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) ?? parent) : parent;
        total += selectionCost(selection.selectionSet, type, path, pending, seen);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || seen.has(fragment.name.value)) continue;
        const type = schema.getType(fragment.typeCondition.name.value) ?? parent;
        total += selectionCost(fragment.selectionSet, type, path, pending, new Set([...seen, fragment.name.value]));
      }
    }
    return total;
  }

  function fieldCost(node: FieldNode, parent: GraphQLNamedType, path: string, pending: number | undefined, seen: Set<string>): number {
    if (!node.selectionSet || node.name.value.startsWith('__')) return 0;
    if (!isObjectType(parent) && !isInterfaceType(parent)) return 0;
    const field = parent.getFields()[node.name.value];
    if (!field) return 0;
    const here = path ? `${path}.${node.name.value}` : node.name.value;
    const named = getNamedType(field.type);
    const list = isListType(getNullableType(field.type));
    const size = sizeOf(field, node, variables, defaults);
    if (size) sizes.push({ path: here, argument: size.argument, value: size.value });
    let multiplier = 1;
    let passOn: number | undefined;
    if (list) {
      multiplier =
        size?.value ??
        (pending !== undefined && (node.name.value === 'edges' || node.name.value === 'nodes')
          ? pending
          : (LIST_SIZES[`${parent.name}.${node.name.value}`] ?? ASSUMED_LIST_SIZE));
    } else if (size) {
      passOn = size.value;
    }
    return multiplier * (1 + selectionCost(node.selectionSet, named, here, passOn, seen));
  }

  return { cost: selectionCost(operation.selectionSet, root, '', undefined, new Set()), sizes };
}
