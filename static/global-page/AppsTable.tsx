import { DynamicTableStateless } from '@atlaskit/dynamic-table';
import type { ReactNode } from 'react';
import type { SortKey, SortOrder } from './app-rows';

export interface Column {
  key: SortKey;
  title: string;
  /** Per cent of the table's width. */
  width: number;
}

/**
 * Atlassian's dynamic table: each column's header is a button (Tab to it, Enter or Space sorts,
 * again reverses) and the sorted column carries `aria-sort` for screen readers. The rows come
 * in the order `sortRows` decided (the CSV's order); the sorted column's cells carry their place
 * as the table's sort value, so the table shows that order rather than its own.
 */
export function AppsTable(props: {
  label: string;
  columns: Column[];
  rows: { key: string; cells: ReactNode[] }[];
  sortKey: SortKey;
  sortOrder: SortOrder;
  onSort: (key: SortKey, order: SortOrder) => void;
  empty: ReactNode;
}) {
  const { columns, rows, sortKey, sortOrder } = props;
  const sortIndex = columns.findIndex((c) => c.key === sortKey);
  return (
    <div data-testid="apps-table">
      <DynamicTableStateless
        label={props.label}
        isFixedSize
        head={{ cells: columns.map((c) => ({ key: c.key, content: c.title, isSortable: true, width: c.width })) }}
        rows={rows.map((r, place) => ({
          key: r.key,
          testId: `row-${r.key}`,
          cells: r.cells.map((content, i) => ({
            key: i === sortIndex ? (sortOrder === 'ASC' ? place : rows.length - place) : undefined,
            // App names can be one long word; the page must not scroll sideways.
            content: <span style={{ overflowWrap: 'anywhere' }}>{content}</span>,
          })),
        }))}
        sortKey={sortKey}
        sortOrder={sortOrder}
        onSort={({ key, sortOrder: order }: { key: SortKey; sortOrder: SortOrder }) => props.onSort(key, order)}
        emptyView={<div>{props.empty}</div>}
      />
    </div>
  );
}
