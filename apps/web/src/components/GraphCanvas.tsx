'use client';

import { useEffect, useEffectEvent, useRef } from 'react';
import type { Core, EdgeSingular, ElementDefinition, NodeSingular } from 'cytoscape';
import { cytoscape } from '../graph/cytoscape';
import { edgeId, relationIdOf } from '../graph/elements';
import { inView, runLayout } from '../graph/layout';
import { buildStylesheet } from '../graph/style';
import { syncElements } from '../graph/sync';
import { exposeForTests, withdrawFromTests } from '../graph/test-hook';
import type { Selection } from '../explorer/reducer';

export interface GraphCanvasProps {
  elements: readonly ElementDefinition[];
  selection: Selection | null;
  /** The entity new neighbours fan out from. */
  anchor: string | null;
  onSelect: (selection: Selection | null) => void;
  /** What the canvas shows, in words, for assistive technology. */
  summary: string;
}

function selectionElementId(selection: Selection | null): string | null {
  if (!selection) return null;
  return selection.type === 'entity' ? selection.id : edgeId(selection.id);
}

function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;
}

/**
 * The Cytoscape canvas. Cytoscape owns the drawing; React owns the data. The
 * instance is created once per mount and destroyed on unmount; element
 * changes are applied as a diff so that nodes already placed stay put.
 * The container's `data-layout` attribute is `running` while fcose works and
 * `idle` once the picture is stable.
 */
export function GraphCanvas({ elements, selection, anchor, onSelect, summary }: GraphCanvasProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const layoutRuns = useRef(0);

  const select = useEffectEvent((next: Selection | null) => onSelect(next));

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const cy = cytoscape({
      container,
      style: buildStylesheet(),
      minZoom: 0.15,
      maxZoom: 3,
      boxSelectionEnabled: false,
      selectionType: 'single',
    });
    cyRef.current = cy;
    container.dataset.layout = 'idle';
    exposeForTests(cy);

    cy.on('tap', 'node', (event) => select({ type: 'entity', id: event.target.id() as string }));
    cy.on('tap', 'edge', (event) => {
      const relationId = relationIdOf(event.target.id() as string);
      if (relationId) select({ type: 'relation', id: relationId });
    });
    cy.on('tap', (event) => {
      if (event.target === cy) select(null);
    });

    return () => {
      withdrawFromTests(cy);
      cy.destroy();
      cyRef.current = null;
    };
  }, []);

  useEffect(() => {
    const cy = cyRef.current;
    const container = containerRef.current;
    if (!cy || !container) return;
    const wasEmpty = cy.nodes().length === 0;
    const change = syncElements(cy, elements, { anchor });
    if (change.addedNodes.length === 0 && change.removed.length === 0) return;
    const run = ++layoutRuns.current;
    container.dataset.layout = 'running';
    void runLayout(cy, { randomize: wasEmpty, animate: !wasEmpty && !prefersReducedMotion() }).then(() => {
      if (run === layoutRuns.current && !cy.destroyed()) container.dataset.layout = 'idle';
    });
  }, [elements, anchor]);

  const selectedId = selectionElementId(selection);
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.elements(':selected').filter((el) => el.id() !== selectedId).unselect();
      if (selectedId) {
        const el = cy.getElementById(selectedId);
        if (el.nonempty() && !el.selected()) el.select();
      }
    });
    // Something chosen from the panel or the search may be off screen: bring it into view.
    const el = selectedId ? cy.getElementById(selectedId) : null;
    if (el && el.nonempty()) {
      const where = el.group() === 'edges' ? (el as unknown as EdgeSingular).midpoint() : (el as unknown as NodeSingular).position();
      if (!inView(cy, where)) cy.animate({ center: { eles: el } }, { duration: prefersReducedMotion() ? 0 : 250 });
    }
  }, [selectedId, elements]);

  return (
    <div className="canvas-frame">
      <div ref={containerRef} className="canvas" data-testid="graph-canvas" aria-label={summary} role="img" />
      <div className="canvas-tools">
        <button type="button" onClick={() => cyRef.current?.animate({ fit: { eles: cyRef.current.elements(), padding: 40 } }, { duration: 250 })}>
          Fit
        </button>
      </div>
    </div>
  );
}
