'use client';

import { useId } from 'react';
import { RELATION_TYPES } from '@steppe/domain';
import type { Direction, RelationTypeCount } from '../api/queries';
import { command, TOOLBAR_GROUPS, type CommandContext } from '../explorer/commands';
import { LAYOUT_LABELS, LAYOUT_NAMES, type LayoutName } from '../workspace/view';
import { CommandButton } from './CommandButton';
import styles from './Toolbar.module.css';

export interface ToolbarProps {
  ctx: CommandContext;
  layout: LayoutName;
  onLayout: (layout: LayoutName) => void;
  /** Relation types with how many relations of each the graph holds (from the API), if known. */
  relationTypes: readonly RelationTypeCount[] | null;
  onExpandBy: (expandBy: { types: string[] | null; direction: Direction }) => void;
}

/** The canvas's commands as one compact row of buttons, read from the command registry (see explorer/commands.ts). */
export function Toolbar({ ctx, layout, onLayout, relationTypes, onExpandBy }: ToolbarProps) {
  const id = useId();
  const types =
    relationTypes ??
    RELATION_TYPES.map((t) => ({ name: t.name, label: t.label, inverseLabel: t.inverseLabel, family: t.family, count: -1 }));
  const { expandBy } = ctx;
  const ids = ctx.selection;
  return (
    <div className={styles.toolbar} role="toolbar" aria-label="Canvas actions">
      <div className={styles.group}>
        <label htmlFor={`${id}-layout`} className="visually-hidden">
          Layout
        </label>
        <select id={`${id}-layout`} value={layout} title="Layout" onChange={(e) => onLayout(e.target.value as LayoutName)}>
          {LAYOUT_NAMES.map((name) => (
            <option key={name} value={name}>
              {LAYOUT_LABELS[name]}
            </option>
          ))}
        </select>
        {TOOLBAR_GROUPS[0]!.map((c) => (
          <CommandButton key={c} def={command(c)} ctx={ctx} ids={ids} />
        ))}
      </div>
      <div className={styles.group}>
        <label htmlFor={`${id}-type`} className="visually-hidden">
          Expand by
        </label>
        <select
          id={`${id}-type`}
          title="Expand by relation type"
          value={expandBy.types?.[0] ?? ''}
          onChange={(e) => onExpandBy({ ...expandBy, types: e.target.value ? [e.target.value] : null })}
        >
          <option value="">all relation types</option>
          {types
            .filter((t) => t.count !== 0)
            .map((t) => (
              <option key={t.name} value={t.name}>
                {t.label}
                {t.count > 0 ? ` (${t.count})` : ''}
              </option>
            ))}
        </select>
        <label htmlFor={`${id}-direction`} className="visually-hidden">
          Direction
        </label>
        <select
          id={`${id}-direction`}
          title="Direction"
          value={expandBy.direction}
          onChange={(e) => onExpandBy({ ...expandBy, direction: e.target.value as Direction })}
        >
          <option value="BOTH">both ways</option>
          <option value="OUT">outgoing</option>
          <option value="IN">incoming</option>
        </select>
        {TOOLBAR_GROUPS[1]!.map((c) => (
          <CommandButton key={c} def={command(c)} ctx={ctx} ids={ids} />
        ))}
      </div>
      {TOOLBAR_GROUPS.slice(2).map((group) => (
        <div className={styles.group} key={group.join()}>
          {group.map((c) => (
            <CommandButton key={c} def={command(c)} ctx={ctx} ids={ids} />
          ))}
        </div>
      ))}
    </div>
  );
}
