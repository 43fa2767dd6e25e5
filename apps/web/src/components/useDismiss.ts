'use client';

import { useEffect, type RefObject } from 'react';

/**
 * Closes a popover the way people expect: Escape (anywhere: the key is then the popover's, not a shortcut's),
 * or a press outside it. When focus was inside, it goes back to `returnFocus` (the popover's toggle), never to
 * <body>. Listens only while `open`.
 */
export function useDismiss(
  ref: RefObject<HTMLElement | null>,
  open: boolean,
  close: () => void,
  returnFocus?: () => HTMLElement | null,
): void {
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (ref.current && event.target instanceof Node && !ref.current.contains(event.target)) close();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      // Handled here (document, before the explorer's window listener): Escape closes the popover and does nothing else.
      event.preventDefault();
      const inside = ref.current?.contains(document.activeElement) ?? false;
      close();
      if (inside) returnFocus?.()?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [ref, open, close, returnFocus]);
}
