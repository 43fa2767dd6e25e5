/**
 * @jest-environment jsdom
 */
import { act, useCallback, useRef, useState } from 'react';
import { click, render } from '../test/render';
import { useDismiss } from './useDismiss';

/** A toggle and the popover it opens, closed the way useDismiss closes it. */
function Popover() {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  const returnFocus = useCallback(() => toggle.current, []);
  useDismiss(ref, open, close, returnFocus);
  return (
    <div>
      <button type="button" ref={toggle} onClick={() => setOpen(true)}>
        Open
      </button>
      <p>Outside</p>
      {open ? (
        <div ref={ref} role="dialog">
          <button type="button">Inside</button>
        </div>
      ) : null}
    </div>
  );
}

const key = (name: string) => {
  const event = new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true });
  act(() => void document.activeElement!.dispatchEvent(event));
  return event;
};

describe('useDismiss', () => {
  it('closes on Escape (which it keeps from the page’s shortcuts) and gives focus back to the toggle', async () => {
    const { container, unmount } = await render(<Popover />);
    await click(container.querySelector('button')!);
    const inside = container.querySelector<HTMLButtonElement>('[role="dialog"] button')!;
    act(() => inside.focus());
    expect(key('a').defaultPrevented).toBe(false);
    expect(container.querySelector('[role="dialog"]')).not.toBeNull();
    const escape = key('Escape');
    expect(escape.defaultPrevented).toBe(true);
    expect(container.querySelector('[role="dialog"]')).toBeNull();
    expect(document.activeElement?.textContent).toBe('Open');
    // Closed, it no longer takes Escape: the page's own shortcut gets it.
    expect(key('Escape').defaultPrevented).toBe(false);
    await unmount();
  });

  it('closes on a press outside, not on one inside', async () => {
    const { container, unmount } = await render(<Popover />);
    await click(container.querySelector('button')!);
    const press = (el: Element) => act(() => void el.dispatchEvent(new Event('pointerdown', { bubbles: true })));
    press(container.querySelector('[role="dialog"] button')!);
    expect(container.querySelector('[role="dialog"]')).not.toBeNull();
    press(container.querySelector('p')!);
    expect(container.querySelector('[role="dialog"]')).toBeNull();
    await unmount();
  });
});
