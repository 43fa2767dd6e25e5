'use client';

import { useCallback, useRef, useState, type ReactNode } from 'react';
import styles from './ShortcutsPopover.module.css';
import { useDismiss } from './useDismiss';

export interface ShortcutsPopoverProps {
  /** The toggle's text. */
  label: string;
  /** Term/description pairs. */
  items: readonly { key: string; term: ReactNode; description: ReactNode }[];
}

/**
 * A disclosure that behaves like a popover: it opens above its toggle (never covering it), and Escape or a
 * press outside closes it, with focus back on the toggle when it was inside.
 */
export function ShortcutsPopover({ label, items }: ShortcutsPopoverProps) {
  const ref = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  const toggle = useCallback(() => ref.current?.querySelector('summary') ?? null, []);
  useDismiss(ref, open, close, toggle);

  return (
    <details ref={ref} className={styles.popover} open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{label}</summary>
      <dl className={styles.list}>
        {items.map((item) => (
          <div key={item.key}>
            <dt>{item.term}</dt>
            <dd>{item.description}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
