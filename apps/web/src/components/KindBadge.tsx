import { ENTITY_KIND_INFO, isEntityKind } from '@steppe/domain';

/** The kind's icon on its colour, then its name: "👤 Person". */
export function KindBadge({ kind }: { kind: string }) {
  if (!isEntityKind(kind)) return <span className="kind-badge">{kind}</span>;
  const info = ENTITY_KIND_INFO[kind];
  return (
    <span className="kind-badge" style={{ borderColor: info.colour, color: info.colour }}>
      <span aria-hidden="true">{info.icon}</span> {kind}
    </span>
  );
}
