import fs from 'node:fs';
import path from 'node:path';
import { pidFileFor } from './paths';

/** What another terminal needs to find, describe and stop a running instance. No password: the file is plain text. */
export interface PidFileContent {
  /** The JVM. */
  pid: number;
  /** The Node process that started it and holds its stdin. */
  ownerPid: number;
  uri: string;
  port: number;
  user: string;
  auth: boolean;
  dataDir: string;
  startedAt: string;
}

export function writePidFile(content: PidFileContent): string {
  const file = pidFileFor(content.dataDir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Written via rename so a concurrent `status` never reads half a file.
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(content, null, 2)}\n`);
  fs.renameSync(temporary, file);
  return file;
}

export function readPidFile(dataDir: string): PidFileContent | undefined {
  let raw: string;
  try {
    raw = fs.readFileSync(pidFileFor(dataDir), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = JSON.parse(raw) as Partial<PidFileContent>;
    return typeof parsed.pid === 'number' && typeof parsed.uri === 'string' ? (parsed as PidFileContent) : undefined;
  } catch {
    return undefined;
  }
}

/** Only removes the file if it still describes `pid`: a newer instance may have replaced it. */
export function removePidFile(dataDir: string, pid: number): void {
  const current = readPidFile(dataDir);
  if (current && current.pid !== pid) return;
  fs.rmSync(pidFileFor(dataDir), { force: true });
}
