'use client';

import { useMemo, useState } from 'react';
import { ENTITY_KIND_INFO, isEntityKind } from '@steppe/domain';
import { edgeRows, nextSort, nodeRows, sortRows, type EdgeRow, type NodeRow, type SortOrder } from '../table/rows';
import type { ViewContext } from '../explorer/views';
import { edgeId } from '../workspace/ids';
import styles from './TableView.module.css';

type NodeKey = 'name' | 'kind' | 'relations';
type EdgeKey = 'from' | 'label' | 'to' | 'sortDate' | 'sources' | 'stance';

export interface TableViewProps {
  nodes: readonly NodeRow[];
  edges: readonly EdgeRow[];
  selection: readonly string[];
  onSelectEntity: (id: string) => void;
  onSelectRelation: (id: string) => void;
}

function SortHeader<K extends string>({
  label,
  column,
  order,
  onSort,
}: {
  label: string;
  column: K;
  order: SortOrder<K>;
  onSort: (key: K) => void;
}) {
  const active = order.key === column;
  return (
    <th scope="col" aria-sort={active ? order.direction : 'none'}>
      <button type="button" className={styles.sortButton} onClick={() => onSort(column)}>
        {label}
        <span aria-hidden="true">{active ? (order.direction === 'ascending' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );
}

/**
 * The canvas as two sortable tables, for screen readers and keyboards: every
 * visible entity and relation, each row a button that selects it (and so opens
 * its details).
 */
export function TableView({ nodes, edges, selection, onSelectEntity, onSelectRelation }: TableViewProps) {
  const [nodeOrder, setNodeOrder] = useState<SortOrder<NodeKey>>({ key: 'name', direction: 'ascending' });
  const [edgeOrder, setEdgeOrder] = useState<SortOrder<EdgeKey>>({ key: 'from', direction: 'ascending' });
  const sortedNodes = useMemo(() => sortRows(nodes, nodeOrder), [nodes, nodeOrder]);
  const sortedEdges = useMemo(() => sortRows(edges, edgeOrder), [edges, edgeOrder]);
  const selected = new Set(selection);

  return (
    <div className={styles.tableView}>
      <table aria-label="Entities on the canvas">
        <caption>Entities ({nodes.length})</caption>
        <thead>
          <tr>
            <SortHeader label="Name" column="name" order={nodeOrder} onSort={(k) => setNodeOrder(nextSort(nodeOrder, k))} />
            <SortHeader label="Kind" column="kind" order={nodeOrder} onSort={(k) => setNodeOrder(nextSort(nodeOrder, k))} />
            <SortHeader label="Relations" column="relations" order={nodeOrder} onSort={(k) => setNodeOrder(nextSort(nodeOrder, k))} />
          </tr>
        </thead>
        <tbody>
          {sortedNodes.map((row) => (
            <tr key={row.id} className={selected.has(row.id) ? styles.selected : undefined} data-entity-id={row.id}>
              <th scope="row">
                <button type="button" className="link-button" onClick={() => onSelectEntity(row.id)}>
                  {row.name}
                </button>
                {row.pinned ? <span className="muted"> (pinned)</span> : null}
              </th>
              <td>{isEntityKind(row.kind) ? ENTITY_KIND_INFO[row.kind].kind : row.kind}</td>
              <td>{row.relations}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table aria-label="Relations on the canvas">
        <caption>Relations ({edges.length})</caption>
        <thead>
          <tr>
            <SortHeader label="From" column="from" order={edgeOrder} onSort={(k) => setEdgeOrder(nextSort(edgeOrder, k))} />
            <SortHeader label="Relation" column="label" order={edgeOrder} onSort={(k) => setEdgeOrder(nextSort(edgeOrder, k))} />
            <SortHeader label="To" column="to" order={edgeOrder} onSort={(k) => setEdgeOrder(nextSort(edgeOrder, k))} />
            <SortHeader label="When" column="sortDate" order={edgeOrder} onSort={(k) => setEdgeOrder(nextSort(edgeOrder, k))} />
            <SortHeader label="Sources" column="sources" order={edgeOrder} onSort={(k) => setEdgeOrder(nextSort(edgeOrder, k))} />
            <SortHeader label="Stance" column="stance" order={edgeOrder} onSort={(k) => setEdgeOrder(nextSort(edgeOrder, k))} />
          </tr>
        </thead>
        <tbody>
          {sortedEdges.map((row) => (
            <tr key={row.id} className={selected.has(`relation:${row.id}`) ? styles.selected : undefined} data-relation-id={row.id}>
              <td>{row.from}</td>
              <th scope="row">
                <button type="button" className="link-button" onClick={() => onSelectRelation(row.id)}>
                  {row.label}
                </button>
              </th>
              <td>{row.to}</td>
              <td>{row.when}</td>
              <td>{row.sources}</td>
              <td>
                {row.stance}
                {row.contested ? ' (contested)' : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The table as a registered view (explorer/views.tsx): the canvas's entities and relations, as the filters show them. */
export function TableViewPanel({ ctx }: { ctx: ViewContext }) {
  const { state, view, visible, commands } = ctx;
  const nodes = useMemo(() => nodeRows(state.data, view, visible), [state.data, view, visible]);
  const edges = useMemo(() => edgeRows(state.data, view, visible), [state.data, view, visible]);
  return (
    <TableView
      nodes={nodes}
      edges={edges}
      selection={state.selection}
      onSelectEntity={(id) => commands.select([id])}
      onSelectRelation={(id) => commands.select([edgeId(id)])}
    />
  );
}
