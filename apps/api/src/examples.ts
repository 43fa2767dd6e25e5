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
    title: 'Neighbourhood',
    query: `# Everything within two hops of Tokayev in the first week of January 2022, cited by at least one source.
query Neighbourhood($ids: [ID!]!) {
  neighbourhood(ids: $ids, depth: 2, from: "2022-01-01", to: "2022-01-07", limit: 50) {
    truncated omittedNodes
    nodes { id kind name }
    edges { label from { name } to { name } date contested sourceCount }
  }
}`,
    variables: { ids: ['kassym-jomart-tokayev'] },
  },
  {
    title: 'Paths',
    query: `# How is Tokayev connected to Ablyazov? Every shortest chain, with the evidence for each hop.
query Paths($from: ID!, $to: ID!) {
  paths(from: $from, to: $to, mode: ALL_SHORTEST, maxHops: 4) {
    length
    nodes { name }
    relations { label from { name } to { name } evidence { quote source { title } } }
  }
}`,
    variables: { from: 'kassym-jomart-tokayev', to: 'mukhtar-ablyazov' },
  },
  {
    title: 'Contested claims',
    query: `# Which claims do the sources disagree about? Each with what every source says (CLAIMED, DENIED…).
{
  relations(contested: true, first: 50) {
    totalCount
    edges {
      node {
        label confidence
        from { name } to { name }
        evidence { stance quote source { title outlet publishedAt } }
      }
    }
  }
}`,
  },
  {
    title: 'Claims by type',
    query: `# Every request for aid and every accusation in the graph, in time order, with its sources.
{
  relations(types: [REQUESTED_AID_FROM, ACCUSED], first: 50) {
    totalCount
    edges { node { type label date from { name } to { name } contested evidence { quote source { title } } } }
  }
}`,
  },
  {
    title: 'Subgraph',
    query: `# The relations among a chosen set of entities.
query Subgraph($ids: [ID!]!) {
  subgraph(ids: $ids) { nodes { name } edges { label from { name } to { name } } }
}`,
    variables: { ids: ['kassym-jomart-tokayev', 'nursultan-nazarbayev', 'csto'] },
  },
  {
    title: 'Timeline',
    query: `# What happened, day by day (when it happened, not when it was reported).
{
  timeline(from: "2022-01-01", to: "2022-01-10") {
    date endDate
    event { name }
    relation { label from { name } to { name } }
  }
}`,
  },
  {
    title: 'Vocabulary',
    query: `# The relation types and entity kinds, with counts.
{
  relationTypes { name label inverseLabel fromKinds toKinds family count }
  entityKinds { kind plural colour count }
  stats { entities relations sources loadedAt }
}`,
  },
];
