import { buildSchema, graphql, type GraphQLResolveInfo } from 'graphql';
import { selectsAnywhere, selectsField } from '../src/selection';

const schema = buildSchema(`
  type Query { sub: Sub }
  type Sub { nodes: [Item] edges: [Rel] truncated: Boolean }
  type Item { id: ID rels: [Rel] }
  type Rel { id: ID evidence: [String] }
`);

/** Runs `query` and returns what the helpers say about the `sub` field. */
async function inspect(query: string) {
  let seen: { edges: boolean; evidence: boolean } | undefined;
  const result = await graphql({
    schema,
    source: query,
    rootValue: {
      sub: (_: unknown, __: unknown, info: GraphQLResolveInfo) => {
        seen = { edges: selectsField(info, 'edges', 'truncated'), evidence: selectsAnywhere(info, 'evidence') };
        return {};
      },
    },
  });
  expect(result.errors).toBeUndefined();
  return seen!;
}

describe('selection lookahead', () => {
  it.each([
    ['{ sub { nodes { id } } }', { edges: false, evidence: false }],
    ['{ sub { nodes { id } truncated } }', { edges: true, evidence: false }],
    ['{ sub { edges { id } } }', { edges: true, evidence: false }],
    ['{ sub { edges { id evidence } } }', { edges: true, evidence: true }],
    ['{ sub { nodes { rels { evidence } } } }', { edges: false, evidence: true }],
    ['{ sub { ... on Sub { edges { ... on Rel { evidence } } } } }', { edges: true, evidence: true }],
    ['{ sub { ...S } } fragment S on Sub { edges { ...R } } fragment R on Rel { evidence }', { edges: true, evidence: true }],
    ['{ sub { ...S } } fragment S on Sub { nodes { id } }', { edges: false, evidence: false }],
    ['{ a: sub { nodes { id } } b: sub { x: edges { id } } }', { edges: true, evidence: false }],
    ['{ sub { edges @skip(if: true) { evidence } } }', { edges: true, evidence: true }],
  ])('%s', async (query, expected) => {
    expect(await inspect(query)).toEqual(expected);
  });

  it('looks for any of several names', async () => {
    let seen: boolean[] = [];
    const result = await graphql({
      schema,
      source: '{ sub { edges { ...R } } } fragment R on Rel { id evidence }',
      rootValue: {
        sub: (_: unknown, __: unknown, info: GraphQLResolveInfo) => {
          seen = [selectsAnywhere(info, 'date', 'evidence'), selectsAnywhere(info, 'date', 'stance'), selectsAnywhere(info)];
          return {};
        },
      },
    });
    expect(result.errors).toBeUndefined();
    expect(seen).toEqual([true, false, false]);
  });
});
