import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';
import type { SortKey, SortOrder } from './app-rows';

export interface Column {
  key: SortKey;
  title: string;
  width?: string;
}

/**
 * A table sorted by clicking a column's header (again to reverse), in the look of Atlassian's
 * dynamic table; the header says which column sorts and which way for screen readers.
 */
export function AppsTable(props: {
  columns: Column[];
  rows: { key: string; cells: ReactNode[] }[];
  sortKey: SortKey;
  sortOrder: SortOrder;
  onSort: (key: SortKey, order: SortOrder) => void;
  empty: ReactNode;
}) {
  const cell = { padding: `${token('space.075')} ${token('space.100')}`, textAlign: 'left', verticalAlign: 'top' } as const;
  return (
    <div>
      <table data-testid="apps-table" style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed' }}>
        <thead>
          <tr style={{ borderBottom: `2px solid ${token('color.border')}` }}>
            {props.columns.map((c) => {
              const sorted = c.key === props.sortKey;
              return (
                <th key={c.key} scope="col" aria-sort={sorted ? (props.sortOrder === 'ASC' ? 'ascending' : 'descending') : 'none'} style={{ ...cell, width: c.width }}>
                  <button
                    type="button"
                    data-testid={`sort-${c.key}`}
                    onClick={() => props.onSort(c.key, sorted && props.sortOrder === 'ASC' ? 'DESC' : 'ASC')}
                    style={{
                      border: 'none',
                      background: 'none',
                      padding: 0,
                      cursor: 'pointer',
                      font: token('font.body.small'),
                      fontWeight: token('font.weight.bold', '700'),
                      color: sorted ? token('color.text') : token('color.text.subtle'),
                    }}
                  >
                    {c.title} <span aria-hidden>{sorted ? (props.sortOrder === 'ASC' ? '▲' : '▼') : ''}</span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={r.key} data-testid={`row-${r.key}`} style={{ borderBottom: `1px solid ${token('color.border')}` }}>
              {r.cells.map((content, i) => (
                <td key={i} style={{ ...cell, overflowWrap: 'anywhere' }}>
                  {content}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {props.rows.length === 0 && <div style={{ padding: token('space.300'), textAlign: 'center' }}>{props.empty}</div>}
    </div>
  );
}
