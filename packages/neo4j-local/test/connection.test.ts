import { neo4jAuthToken, neo4jConnectionEnv, neo4jConnectionFromEnv } from '../src';

describe('neo4jConnectionFromEnv', () => {
  it('is undefined without NEO4J_URI, meaning "start a local Neo4j"', () => {
    expect(neo4jConnectionFromEnv({})).toBeUndefined();
    expect(neo4jConnectionFromEnv({ NEO4J_USER: 'x', NEO4J_PASSWORD: 'y' })).toBeUndefined();
  });

  it('treats a blank NEO4J_URI as unset', () => {
    expect(neo4jConnectionFromEnv({ NEO4J_URI: '  ' })).toBeUndefined();
  });

  it('defaults the user to neo4j', () => {
    expect(neo4jConnectionFromEnv({ NEO4J_URI: 'bolt://db:7687', NEO4J_PASSWORD: 'secret123' })).toEqual({
      uri: 'bolt://db:7687',
      user: 'neo4j',
      password: 'secret123',
    });
  });

  it('reads all three variables', () => {
    expect(neo4jConnectionFromEnv({ NEO4J_URI: ' neo4j://h:1 ', NEO4J_USER: 'alice', NEO4J_PASSWORD: 'pw with spaces ' })).toEqual({
      uri: 'neo4j://h:1',
      user: 'alice',
      password: 'pw with spaces ',
    });
  });

  it('has no password (auth none) when NEO4J_PASSWORD is unset or empty', () => {
    expect(neo4jConnectionFromEnv({ NEO4J_URI: 'bolt://h:1' })?.password).toBeUndefined();
    expect(neo4jConnectionFromEnv({ NEO4J_URI: 'bolt://h:1', NEO4J_PASSWORD: '' })?.password).toBeUndefined();
  });

  it('round-trips through neo4jConnectionEnv', () => {
    const connection = { uri: 'bolt://127.0.0.1:1234', user: 'neo4j', password: 'abcdefgh' };
    expect(neo4jConnectionFromEnv(neo4jConnectionEnv(connection))).toEqual(connection);
    const noAuth = { uri: 'bolt://127.0.0.1:1234', user: 'neo4j', password: undefined };
    expect(neo4jConnectionEnv(noAuth)).not.toHaveProperty('NEO4J_PASSWORD');
    expect(neo4jConnectionFromEnv(neo4jConnectionEnv(noAuth))).toEqual(noAuth);
  });
});

describe('neo4jAuthToken', () => {
  it('uses basic auth with a password and scheme none without', () => {
    expect(neo4jAuthToken({ uri: 'bolt://h', user: 'u', password: 'p' })).toMatchObject({
      scheme: 'basic',
      principal: 'u',
      credentials: 'p',
    });
    expect(neo4jAuthToken({ uri: 'bolt://h', user: 'u', password: undefined })).toMatchObject({ scheme: 'none' });
  });
});
