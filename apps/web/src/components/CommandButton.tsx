'use client';

import { isEnabled, labelOf, tooltipOf, type CommandContext, type CommandDef } from '../explorer/commands';
import { Icon } from '../explorer/icons';
import styles from './Toolbar.module.css';

/** One command as a button: its accessible name, tooltip, icon, enabled and pressed state come from the registry. */
export function CommandButton({
  def,
  ctx,
  ids,
  showLabel = false,
}: {
  def: CommandDef;
  ctx: CommandContext;
  ids: readonly string[];
  showLabel?: boolean;
}) {
  const label = labelOf(def, ctx, ids);
  const pressed = def.pressed ? def.pressed(ctx, ids) : undefined;
  return (
    <button
      type="button"
      className={showLabel ? styles.labelled : styles.icon}
      title={`${label}: ${tooltipOf(def)}`}
      aria-pressed={pressed}
      aria-haspopup={def.id === 'export' ? 'dialog' : undefined}
      disabled={!isEnabled(def, ctx, ids)}
      onClick={() => def.run(ctx, ids)}
    >
      {def.icon ? <Icon name={def.icon} /> : null}
      {/* The name is the button's text (hidden beside an icon), not aria-label: label lookups stay unambiguous. */}
      <span className={showLabel || !def.icon ? undefined : 'visually-hidden'}>{label}</span>
    </button>
  );
}
