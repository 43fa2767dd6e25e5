/**
 * @jest-environment jsdom
 */
import { useState } from 'react';
import { click, render } from '../test/render';
import { PanelBoundary } from './PanelBoundary';

let failing = true;
function Fragile() {
  if (failing) throw new Error('Cannot read properties of undefined (reading "bins")');
  return <p>The panel works.</p>;
}

function Page() {
  const [count, setCount] = useState(0);
  return (
    <div>
      <button type="button" onClick={() => setCount(count + 1)}>
        Canvas {count}
      </button>
      <PanelBoundary name="Filters">
        <Fragile />
      </PanelBoundary>
    </div>
  );
}

describe('PanelBoundary', () => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  afterAll(() => {
    warn.mockRestore();
    error.mockRestore();
  });

  it('replaces only the failing panel with what went wrong, and Try again mounts it afresh', async () => {
    failing = true;
    const view = await render(<Page />);
    const alert = view.container.querySelector('[role="alert"]')!;
    expect(alert.getAttribute('aria-label')).toBe('Filters (failed)');
    expect(alert.textContent).toContain('The Filters panel failed.');
    expect(alert.textContent).toContain('reading "bins"');
    // The rest of the page still works.
    const canvas = view.container.querySelector('button')!;
    await click(canvas);
    expect(canvas.textContent).toBe('Canvas 1');

    failing = false;
    await click([...view.container.querySelectorAll('button')].find((b) => b.textContent === 'Try again')!);
    expect(view.container.querySelector('[role="alert"]')).toBeNull();
    expect(view.container.textContent).toContain('The panel works.');
    await view.unmount();
  });
});
