import { launcherCommandArgs, launcherEnv, splitJvmOptions } from '../src/jvm';

const base = { classpath: '/x/launcher.jar:/x/lib/*', port: 7777, dataDir: '/d/data', auth: true };

describe('launcherCommandArgs', () => {
  it('passes Neo4j 5 JVM options, the heap and the launcher arguments', () => {
    const args = launcherCommandArgs(base);
    expect(args).toEqual(
      expect.arrayContaining([
        '--add-opens=java.base/java.nio=ALL-UNNAMED',
        '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
        '--enable-native-access=ALL-UNNAMED',
        '-XX:+UseG1GC',
        '-Xmx512m',
      ]),
    );
    expect(args).not.toContain('-XX:+TrustFinalNonStaticFields');
    const main = args.indexOf('steppe.Neo4jLauncher');
    expect(args.slice(main - 2, main)).toEqual(['-cp', base.classpath]);
    expect(args.slice(main + 1)).toEqual(['--port', '7777', '--data-dir', '/d/data', '--page-cache', '256m']);
  });

  it('keeps JVM options before the main class and launcher options after it', () => {
    const args = launcherCommandArgs({
      ...base,
      auth: false,
      heap: '4g',
      pageCache: '2g',
      txTimeout: '30s',
      jit: 'quick',
      classDataArchive: '/x/a.jsa',
      extraJvmOptions: ['-Dfoo=bar'],
    });
    const main = args.indexOf('steppe.Neo4jLauncher');
    const jvm = args.slice(0, main);
    const launcher = args.slice(main + 1);
    expect(jvm).toEqual(expect.arrayContaining(['-Xmx4g', '-XX:TieredStopAtLevel=1', '-XX:SharedArchiveFile=/x/a.jsa', '-Dfoo=bar']));
    expect(launcher).toEqual(['--port', '7777', '--data-dir', '/d/data', '--page-cache', '2g', '--tx-timeout', '30s', '--no-auth']);
  });

  it('rejects sizes the JVM would not understand', () => {
    expect(() => launcherCommandArgs({ ...base, heap: '512 MB' })).toThrow(/invalid heap size '512 MB'/);
    expect(() => launcherCommandArgs({ ...base, pageCache: '-1' })).toThrow(/invalid page cache size/);
  });
});

describe('launcherEnv', () => {
  it('drops inherited NEO4J_* variables and passes the password', () => {
    const env = launcherEnv({ PATH: '/bin', NEO4J_AUTH: 'none', NEO4J_PASSWORD: 'old', NEO4J_URI: 'x' }, 'newpassword');
    expect(env).toEqual({ PATH: '/bin', NEO4J_PASSWORD: 'newpassword' });
    expect(launcherEnv({ NEO4J_PASSWORD: 'old' }, undefined)).toEqual({});
  });
});

describe('splitJvmOptions', () => {
  it('splits on whitespace and ignores blanks', () => {
    expect(splitJvmOptions(undefined)).toEqual([]);
    expect(splitJvmOptions('  ')).toEqual([]);
    expect(splitJvmOptions(' -Xss2m  -Dx=y ')).toEqual(['-Xss2m', '-Dx=y']);
  });
});
