/**
 * The comparison server: @neo4j/graphql's generated schema over the same data,
 * served by graphql-yoga. Entities are one `Entity` type; every relation type
 * of the vocabulary is one undirected relationship field with the relation's
 * properties, which is how one writes "all neighbours" idiomatically in
 * @neo4j/graphql (a relationship field names exactly one type).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { createYoga } from 'graphql-yoga';
import type { Driver } from 'neo4j-driver';
import { RELATION_TYPE_NAMES } from '@steppe/domain';

const field = (type: string) => `rel_${type}`;

export function neo4jGraphqlTypeDefs(): string {
  const relations = RELATION_TYPE_NAMES.map(
    (type) =>
      `  ${field(type)}: [Entity!]! @relationship(type: "${type}", direction: OUT, queryDirection: UNDIRECTED, properties: "Claim", aggregate: false, nestedOperations: [])`,
  ).join('\n');
  return `
type Entity @node(labels: ["Entity"]) @mutation(operations: []) {
  id: ID!
  graph: String!
  kind: String!
  name: String!
  aliases: [String!]
  description: String
${relations}
}

type Claim @relationshipProperties {
  id: ID!
  sourceCount: Int
  stance: String
  date: String
  confidence: Float
  contested: Boolean
}
`;
}

/**
 * One hop around one entity: the entity and, for every relation type, up to
 * `first` relations (strongest first, like Steppe's neighbourhood) with the
 * entity at the other end. The counterpart of Steppe's 1-hop query, which
 * additionally returns the relations among the neighbours.
 */
export function neo4jGraphqlOneHopQuery(): string {
  const connections = RELATION_TYPE_NAMES.map(
    (type) =>
      `    ${field(type)}Connection(first: $first, sort: [{ edge: { sourceCount: DESC } }]) { edges { properties { id sourceCount } node { id kind name } } }`,
  ).join('\n');
  return `query OneHop($id: ID!, $generation: String!, $first: Int!) {
  entities(where: { id: { eq: $id }, graph: { eq: $generation } }) {
    id
    kind
    name
${connections}
  }
}`;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Listens on a free loopback port and resolves once it does. */
export function listen(server: Server, path: string): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}${path}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

export async function startNeo4jGraphql(driver: Driver): Promise<RunningServer> {
  const neoSchema = new Neo4jGraphQL({ typeDefs: neo4jGraphqlTypeDefs(), driver });
  const yoga = createYoga({
    schema: await neoSchema.getSchema(),
    graphqlEndpoint: '/graphql',
    logging: false,
    landingPage: false,
    graphiql: false,
  });
  return listen(createServer(yoga), '/graphql');
}
