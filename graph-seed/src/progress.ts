import { SingleBar, Presets } from 'cli-progress';
import type { LoadPhase, LoadProgress } from '@steppe/graph-store';

const PHASE_LABEL: Record<LoadPhase, string> = {
  schema: 'constraints and indexes',
  wait: 'waiting for another load',
  cleanup: 'removing abandoned loads',
  sources: 'sources',
  entities: 'entities',
  relations: 'relations',
  hubs: 'indexing hubs',
  switch: 'switching to the new graph',
  retire: 'removing the previous graph',
};

/**
 * A progress bar on a terminal; plain lines elsewhere (CI logs, pipes), at most
 * one per phase per 10 % so logs stay short.
 */
export function createProgressReporter(stream: NodeJS.WriteStream = process.stderr) {
  if (stream.isTTY) {
    let bar: SingleBar | undefined;
    let phase: LoadPhase | undefined;
    return {
      update(p: LoadProgress) {
        if (p.phase === 'wait')
          stream.write(`Another load of this graph is running (${p.holder ?? 'unknown'}): waiting for it to finish…\n`);
        if (p.phase !== phase) {
          bar?.stop();
          phase = p.phase;
          bar = new SingleBar(
            { format: `${PHASE_LABEL[p.phase].padEnd(28)} {bar} {value}/{total}`, stream, hideCursor: true },
            Presets.shades_classic,
          );
          bar.start(p.total, p.done);
        } else {
          bar?.update(p.done);
        }
      },
      done() {
        bar?.stop();
      },
    };
  }
  const lastDecile = new Map<LoadPhase, number>();
  return {
    update(p: LoadProgress) {
      const decile = p.total === 0 ? 10 : Math.floor((p.done / p.total) * 10);
      if (lastDecile.get(p.phase) === decile) return;
      lastDecile.set(p.phase, decile);
      if (p.phase === 'wait') stream.write(`Another load of this graph is running (${p.holder ?? 'unknown'}): waiting for it to finish…\n`);
      else stream.write(`${PHASE_LABEL[p.phase]}: ${p.done}/${p.total}\n`);
    },
    done() {},
  };
}
