import { ENTITY_KIND_INFO, isEntityKind, type EntityKind } from '@steppe/domain';
import { GLYPHS } from '../graph/icons';
import styles from './KindBadge.module.css';

/** The kind's glyph (the same one the canvas draws inside the node), as inline SVG: no emoji font needed. */
export function KindIcon({ kind, size = 14, colour = 'currentColor' }: { kind: EntityKind; size?: number; colour?: string }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill={colour}
      aria-hidden="true"
      className={styles.icon}
      data-kind={kind}
      // Our own constant glyphs, not user data.
      dangerouslySetInnerHTML={{ __html: GLYPHS[kind] }}
    />
  );
}

/** The kind's icon on its colour, then its name: "[icon] Person". */
export function KindBadge({ kind }: { kind: string }) {
  if (!isEntityKind(kind)) return <span className={styles.badge}>{kind}</span>;
  const info = ENTITY_KIND_INFO[kind];
  return (
    <span className={styles.badge} style={{ borderColor: info.colour, color: info.colour }}>
      <KindIcon kind={kind} /> {kind}
    </span>
  );
}
