import type { AppListRow } from '../../src/contract';
import { toCsv } from '../shared/csv';
import { OWNER_LABEL, REVIEW_STATE_LABEL, STAGE_LABEL } from '../shared/labels';

export type SortKey = 'app' | 'ticket' | 'state' | 'owner' | 'next';
export type SortOrder = 'ASC' | 'DESC';

/** The stage, or the review state once approved: what the table calls "state". */
export function stateLabel(row: AppListRow): string {
  if (row.stage === 'approved' && row.reviewState) return `Review: ${REVIEW_STATE_LABEL[row.reviewState]}`;
  return STAGE_LABEL[row.stage];
}

export function sortValue(row: AppListRow, key: SortKey): string {
  switch (key) {
    case 'app':
      return row.appName.toLowerCase();
    case 'ticket': {
      // PROJ-9 before PROJ-10.
      const m = /^(.*)-(\d+)$/.exec(row.issueKey);
      return m ? `${m[1]}-${m[2]!.padStart(10, '0')}` : row.issueKey;
    }
    case 'state':
      return stateLabel(row).toLowerCase();
    case 'owner':
      return OWNER_LABEL[row.nextStep].toLowerCase();
    case 'next':
      return row.nextDate ?? '9999-12-31';
  }
}

export function sortRows(rows: AppListRow[], key: SortKey, order: SortOrder): AppListRow[] {
  const sign = order === 'ASC' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    return x < y ? -sign : x > y ? sign : a.issueKey < b.issueKey ? -1 : 1;
  });
}

export const CSV_HEADER = [
  'Ticket',
  'App',
  'Stage',
  'Review state',
  'Whose move',
  'Next date',
  'Days until next',
  'Next step',
  'Approved on',
  'Overdue',
  'Unclear answer',
  'App cannot work on it',
];

export function rowsToCsv(rows: AppListRow[]): string {
  return toCsv(
    CSV_HEADER,
    rows.map((r) => [
      r.issueKey,
      r.appName,
      STAGE_LABEL[r.stage],
      r.reviewState ? REVIEW_STATE_LABEL[r.reviewState] : '',
      OWNER_LABEL[r.nextStep],
      r.nextDate ?? '',
      r.daysUntilNext ?? '',
      r.nextWhat ?? '',
      r.approvedOn ?? '',
      r.overdue ? 'yes' : 'no',
      r.unclearAnswer ? 'yes' : 'no',
      r.failing ? 'yes' : 'no',
    ]),
  );
}
