'use client';

import type { ComponentType, RefObject } from 'react';
import type { GraphQLClient } from '../api/client';
import type { WorkspaceActions } from '../components/useWorkspace';
import type { GraphCanvasHandle } from '../components/GraphCanvas';
import { GraphView } from '../components/GraphView';
import { TableViewPanel } from '../components/TableView';
import { ReaderView } from '../components/reader/ReaderView';
import type { WorkspaceState } from '../workspace/reducer';
import type { CanvasView } from '../workspace/view';
import type { Visibility } from '../workspace/visibility';
import type { LegendCounts } from '../workspace/counts';
import type { Picture } from '../workspace/picture';
import type { CommandContext } from './commands';
import type { IconName } from './icons';

/**
 * Views of the workspace, registered once and placed by the shell (Explorer.tsx). The main view fills the
 * middle; panel views (the table today; a map, a timeline, a document reader next) open beside it on demand
 * and each gets the same ViewContext. To add a view: write its component (taking `{ ctx }`), add an entry
 * here, and if it should have a toolbar toggle, a command calling `ctx.toggleView(id)` in commands.ts.
 */
export interface ViewContext {
  client: GraphQLClient;
  state: WorkspaceState;
  /** The canvas view (undoable): entities on the canvas, filters, layout, pins… */
  view: CanvasView;
  visible: Visibility;
  commands: CommandContext;
  actions: WorkspaceActions;
  /** How many of each kind and family the canvas holds and shows (for the legend). */
  counts: LegendCounts;
  /** The canvas's handle, set by the graph view. */
  canvasRef: RefObject<GraphCanvasHandle | null>;
  /** A picture the address bar brought, for the canvas to put back; and where the canvas reports its own. */
  restoredPicture: Picture | null;
  onPicture(picture: Picture): void;
  /** Imports dropped files (one expected). */
  importFiles(files: readonly File[]): void;
  /** "Try again" for the last failed load. */
  retryFailure(): void;
}

export interface ViewDef {
  id: string;
  label: string;
  icon: IconName;
  /** `main` fills the middle of the screen; `panel` views open on demand beside or below it. */
  placement: 'main' | 'panel';
  Component: ComponentType<{ ctx: ViewContext }>;
}

export const VIEWS: readonly ViewDef[] = [
  { id: 'graph', label: 'Graph', icon: 'graph', placement: 'main', Component: GraphView },
  { id: 'table', label: 'Table view', icon: 'table', placement: 'panel', Component: TableViewPanel },
  // Opened by "Read in source" (CommandContext.openReader), over the canvas; it draws nothing while no document is open.
  { id: 'reader', label: 'Document reader', icon: 'document', placement: 'panel', Component: ReaderView },
];

export const MAIN_VIEW: ViewDef = VIEWS.find((v) => v.placement === 'main')!;
export const PANEL_VIEWS: readonly ViewDef[] = VIEWS.filter((v) => v.placement === 'panel');
