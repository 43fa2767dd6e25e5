/**
 * Worked example queries, shown as GraphiQL tabs and in the README. Each one
 * answers a question an analyst asks of the graph.
 */
export const EXAMPLE_QUERIES: { title: string; query: string; variables?: Record<string, unknown> }[] = [
  {
    title: 'Search',
    query: `# Find entities by name or alias; spelling variants work ("Tokaev", "Alma-Ata").
query Search($q: String!) {
  search(query: $q, first: 5) {
    totalCount
    edges { score node { id kind name aliases description } }
  }
}`,
    variables: { q: 'Tokaev' },
  },
  {
    title: 'Entity and evidence',
    query: `# Who asked whom for help, according to which sources?
query Entity($id: ID!) {
  entity(id: $id) {
    name
    relations(types: [REQUESTED_AID_FROM], first: 10) {
      edges {
        node {
          label date stance contested
          from { name } to { name }
          evidence { quote source { id title outlet publishedAt } }
        }
      }
    }
  }
}`,
    variables: { id: 'kassym-jomart-tokayev' },
  },
  {
    title: 'Vocabulary',
    query: `# The relation types and entity kinds, with counts.
{
  relationTypes { name label inverseLabel fromKinds toKinds family count }
  entityKinds { kind plural colour count }
}`,
  },
];
