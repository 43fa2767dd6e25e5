'use client';

import { Component, type ErrorInfo, type ReactNode } from 'react';
import panel from './Panel.module.css';

export interface PanelBoundaryProps {
  /** What the panel is called on screen, e.g. "Filters". */
  name: string;
  children: ReactNode;
  /** Extra class for the fallback box (so it takes the panel's place in the layout). */
  className?: string;
}

interface State {
  error: Error | null;
  /** Bumped by "Try again": remounts the panel from scratch. */
  attempt: number;
}

/**
 * An error boundary around one panel: when the panel throws while rendering,
 * only that panel is replaced by a message saying what went wrong, with a
 * button that mounts it again. The rest of the page (the canvas above all)
 * stays as it was; nothing in the workspace is lost, since the panel's state
 * lives in the workspace, not in the panel.
 */
export class PanelBoundary extends Component<PanelBoundaryProps, State> {
  override state: State = { error: null, attempt: 0 };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Kept in the console for a bug report; the page itself goes on.
    console.warn(`The ${this.props.name} panel failed:`, error, info.componentStack);
  }

  private retry = () => this.setState((s) => ({ error: null, attempt: s.attempt + 1 }));

  override render(): ReactNode {
    const { error, attempt } = this.state;
    if (!error) return <PanelKey key={attempt}>{this.props.children}</PanelKey>;
    return (
      <section
        className={`${panel.panel} ${panel.failed} ${this.props.className ?? ''}`}
        role="alert"
        aria-label={`${this.props.name} (failed)`}
      >
        <p>
          <strong>The {this.props.name} panel failed.</strong> {error.message || 'It stopped with an error.'} The rest of the explorer, and
          your canvas, are unaffected.
        </p>
        <button type="button" onClick={this.retry}>
          Try again
        </button>
      </section>
    );
  }
}

/** A keyed wrapper, so that "Try again" mounts the panel afresh. */
function PanelKey({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
