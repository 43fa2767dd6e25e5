'use client';

import { useId, useState } from 'react';
import { RELATION_TYPES } from '@steppe/domain';
import type { Direction, RelationTypeCount } from '../api/queries';
import { LAYOUT_LABELS, LAYOUT_NAMES, type LayoutName } from '../workspace/view';

export interface ToolbarProps {
  layout: LayoutName;
  onLayout: (layout: LayoutName) => void;
  onRelayout: () => void;
  /** Relation types with how many relations of each the graph holds (from the API), if known. */
  relationTypes: readonly RelationTypeCount[] | null;
  /** Selected entities (expand, hide, pin… act on them). */
  selectedEntities: number;
  selectedAny: number;
  allPinned: boolean;
  hiddenCount: number;
  canUndo: boolean;
  canRedo: boolean;
  tableOpen: boolean;
  onExpand: (types: string[] | null, direction: Direction) => void;
  onHide: () => void;
  onShowHidden: () => void;
  onRemove: () => void;
  onPin: (pinned: boolean) => void;
  onKeepOnly: () => void;
  onSelectNeighbours: () => void;
  onFit: () => void;
  onUndo: () => void;
  onRedo: () => void;
  onToggleTable: () => void;
  onCopyLink: () => void;
  /** Whether the canvas shows anything to export. */
  canExport: boolean;
  /** Opens the Export dialog. */
  onExport: () => void;
  /** Opens the file picker for importing an export. */
  onImport: () => void;
}

/** The canvas's actions as buttons (each also has a keyboard shortcut and a context-menu entry). */
export function Toolbar(props: ToolbarProps) {
  const id = useId();
  const [type, setType] = useState('');
  const [direction, setDirection] = useState<Direction>('BOTH');
  const types = props.relationTypes ?? RELATION_TYPES.map((t) => ({ name: t.name, label: t.label, inverseLabel: t.inverseLabel, family: t.family, count: -1 }));
  const none = props.selectedEntities === 0;
  return (
    <div className="toolbar" role="toolbar" aria-label="Canvas actions">
      <div className="tool-group">
        <label htmlFor={`${id}-layout`}>Layout</label>
        <select id={`${id}-layout`} value={props.layout} onChange={(e) => props.onLayout(e.target.value as LayoutName)}>
          {LAYOUT_NAMES.map((name) => (
            <option key={name} value={name}>
              {LAYOUT_LABELS[name]}
            </option>
          ))}
        </select>
        <button type="button" onClick={props.onRelayout} title="Lay the graph out again (L)">
          Re-layout
        </button>
        <button type="button" onClick={props.onFit} title="Fit the graph to the canvas (F)">
          Fit
        </button>
      </div>
      <div className="tool-group">
        <label htmlFor={`${id}-type`}>Expand by</label>
        <select id={`${id}-type`} value={type} onChange={(e) => setType(e.target.value)}>
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
        <select id={`${id}-direction`} value={direction} onChange={(e) => setDirection(e.target.value as Direction)}>
          <option value="BOTH">both directions</option>
          <option value="OUT">outgoing</option>
          <option value="IN">incoming</option>
        </select>
        <button type="button" disabled={none} onClick={() => props.onExpand(type ? [type] : null, direction)} title="Expand the selected entities (E)">
          Expand
        </button>
      </div>
      <div className="tool-group">
        <button type="button" disabled={none} onClick={props.onSelectNeighbours} title="Select neighbours (N)">
          Select neighbours
        </button>
        <button type="button" disabled={props.selectedAny === 0} onClick={props.onKeepOnly} title="Keep only the selection (K)">
          Keep only selection
        </button>
        <button type="button" disabled={props.selectedAny === 0} onClick={props.onHide} title="Hide the selection (H)">
          Hide
        </button>
        <button type="button" className="show-hidden" disabled={props.hiddenCount === 0} onClick={props.onShowHidden} title="Show what was hidden (Shift+H)">
          Show hidden{props.hiddenCount > 0 ? ` (${props.hiddenCount})` : ''}
        </button>
        <button type="button" disabled={none} onClick={props.onRemove} title="Remove the selected entities (Delete)">
          Remove
        </button>
        <button type="button" className="pin-toggle" disabled={none} onClick={() => props.onPin(!props.allPinned)} title="Pin or unpin (P)" aria-pressed={!none && props.allPinned}>
          {props.allPinned && !none ? 'Unpin' : 'Pin'}
        </button>
      </div>
      <div className="tool-group">
        <button type="button" disabled={!props.canUndo} onClick={props.onUndo} title="Undo (Ctrl+Z)">
          Undo
        </button>
        <button type="button" disabled={!props.canRedo} onClick={props.onRedo} title="Redo (Ctrl+Shift+Z)">
          Redo
        </button>
        <button type="button" aria-pressed={props.tableOpen} onClick={props.onToggleTable}>
          Table view
        </button>
        <button type="button" onClick={props.onCopyLink}>
          Copy link
        </button>
      </div>
      <div className="tool-group">
        <button type="button" aria-haspopup="dialog" disabled={!props.canExport} onClick={props.onExport} title="Export the view or the selection: report, data file or picture">
          Export…
        </button>
        <button type="button" onClick={props.onImport} title="Import a Steppe JSON (.cyjs) or GraphML export; or drop the file on the canvas">
          Import…
        </button>
      </div>
    </div>
  );
}
