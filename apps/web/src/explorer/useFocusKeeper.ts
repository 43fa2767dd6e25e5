'use client';

import { useEffect } from 'react';

/** The element's ancestors that can take focus (a tabindex of their own), nearest first. */
function focusableAncestors(el: HTMLElement): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
    if (a.hasAttribute('tabindex')) out.push(a);
  }
  return out;
}

/** Whether focus could still be on `el`: in the page, enabled and shown. */
function canHoldFocus(el: HTMLElement): boolean {
  if (!el.isConnected || el.matches(':disabled') || el.closest('[hidden], [inert]')) return false;
  return el.getClientRects().length > 0;
}

/**
 * Focus never falls to <body>. When the focused control goes away under the keyboard user (the node they removed,
 * a button that is disabled once its work is done, a panel that re-rendered for a new selection), focus moves to
 * the nearest region around it that still stands, or to `fallback` (the canvas), so the next Tab or shortcut
 * starts from where they were. Focus that moves to <body> by a click on the page's background is left alone:
 * only a control that vanished or was disabled is replaced.
 */
export function useFocusKeeper(fallback: () => HTMLElement | null): void {
  useEffect(() => {
    let last: HTMLElement | null = null;
    let around: HTMLElement[] = [];
    const rescue = () => {
      const active = document.activeElement;
      if (!last || (active && active !== document.body)) return;
      if (canHoldFocus(last)) return;
      const target = around.find(canHoldFocus) ?? fallback();
      last = null;
      target?.focus({ preventScroll: true });
    };
    // Browsers move focus off a removed or disabled element at their next rendering step: check after it.
    const later = () => requestAnimationFrame(() => setTimeout(rescue, 0));
    const onFocusIn = (event: FocusEvent) => {
      if (!(event.target instanceof HTMLElement)) return;
      last = event.target;
      around = focusableAncestors(event.target);
    };
    const observer = new MutationObserver(later);
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled', 'hidden'] });
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('focusout', later);
    return () => {
      observer.disconnect();
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('focusout', later);
    };
  }, [fallback]);
}
