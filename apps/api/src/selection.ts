import { Kind, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * What the client selected below the field being resolved, so that resolvers ask
 * the store only for what the response needs (relations of a neighbourhood only
 * when `edges`/`truncated`/`omittedEdges` are selected, evidence lists only when
 * `evidence` is). Fragments (named and inline) are followed; @skip/@include are
 * ignored, which can only make the answer "selected" (fetch more, never less).
 */
function walk(
  set: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  visit: (name: string, sub: SelectionSetNode | undefined) => boolean,
  seen: Set<string>,
): boolean {
  if (!set) return false;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if (visit(selection.name.value, selection.selectionSet)) return true;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (walk(selection.selectionSet, fragments, visit, seen)) return true;
    } else {
      const name = selection.name.value;
      if (seen.has(name)) continue;
      seen.add(name);
      const fragment = fragments[name];
      if (fragment && walk(fragment.selectionSet, fragments, visit, seen)) return true;
      seen.delete(name);
    }
  }
  return false;
}

/** Whether any of `names` is selected directly on the field being resolved. */
export function selectsField(info: GraphQLResolveInfo, ...names: string[]): boolean {
  return info.fieldNodes.some((node) => walk(node.selectionSet, info.fragments, (name) => names.includes(name), new Set()));
}

/** Whether a field called `name` (or any of `names`) is selected anywhere below the field being resolved. */
export function selectsAnywhere(info: GraphQLResolveInfo, ...names: string[]): boolean {
  const visit = (field: string, sub: SelectionSetNode | undefined): boolean =>
    names.includes(field) || walk(sub, info.fragments, visit, new Set());
  return info.fieldNodes.some((node) => walk(node.selectionSet, info.fragments, visit, new Set()));
}
