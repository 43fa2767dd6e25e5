'use client';

import { useEffect, useRef, type KeyboardEvent } from 'react';
import styles from './ContextMenu.module.css';

export interface MenuItem {
  label: string;
  onSelect: () => void;
  disabled?: boolean;
  /** The key that does the same outside the menu, shown as a hint. */
  shortcut?: string;
}

export interface ContextMenuProps {
  /** What the menu is about, e.g. the entity's name. */
  title: string;
  x: number;
  y: number;
  items: readonly MenuItem[];
  onClose: () => void;
}

/**
 * A menu at the pointer (right-click on a node or edge, or the ContextMenu
 * key / Shift+F10 on the canvas). WAI-ARIA menu: focus moves into it, arrow
 * keys move between items, Enter runs one, Escape or Tab closes it.
 */
export function ContextMenu({ title, x, y, items, onClose }: ContextMenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('[role="menuitem"]:not([disabled])')?.focus();
  }, []);
  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (ref.current && !ref.current.contains(event.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [onClose]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not([disabled])') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      buttons[(at + step + buttons.length) % buttons.length]?.focus();
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      (event.key === 'Home' ? buttons[0] : buttons[buttons.length - 1])?.focus();
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
    // Shortcut letters are for the canvas, not for the menu.
    event.stopPropagation();
  }

  return (
    <div ref={ref} className={styles.menu} role="menu" aria-label={title} style={{ left: x, top: y }} onKeyDown={onKeyDown}>
      <p className={styles.title} aria-hidden="true">
        {title}
      </p>
      {items.map((item) => (
        <button
          key={item.label}
          type="button"
          role="menuitem"
          className={styles.item}
          disabled={item.disabled}
          onClick={() => {
            onClose();
            item.onSelect();
          }}
        >
          <span>{item.label}</span>
          {item.shortcut ? <kbd aria-hidden="true">{item.shortcut}</kbd> : null}
        </button>
      ))}
    </div>
  );
}
