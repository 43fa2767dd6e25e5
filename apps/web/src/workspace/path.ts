import type { PathData } from '../api/queries';
import { edgeId } from './ids';

/** Element ids (entities and edges) on the paths found, for highlighting. */
export function pathElementIds(paths: readonly PathData[]): Set<string> {
  const ids = new Set<string>();
  for (const p of paths) {
    for (const n of p.nodes) ids.add(n.id);
    for (const r of p.relations) ids.add(edgeId(r.id));
  }
  return ids;
}
