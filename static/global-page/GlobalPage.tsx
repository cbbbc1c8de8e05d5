import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import Textfield from '@atlaskit/textfield';
import { Heading } from '../shared/ui/Heading';
import { router } from '@forge/bridge';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ApiError, AppListFilter, AppListRow, Stage } from '../../src/contract';
import { call } from '../shared/call';
import { countdown, formatDay } from '../shared/format';
import { OWNER_APPEARANCE, OWNER_LABEL, STAGE_LABEL } from '../shared/labels';
import { Column, NativeSelect, pageStyle, Row, Subtle } from '../shared/layout';
import { describedBy, LabelledField } from '../shared/ak/LabelledField';
import { PageErrorMessage } from '../shared/ak/PageErrorMessage';
import { Loading } from '../shared/loading';
import { AppsTable } from './AppsTable';
import { rowsToCsv, sortRows, stateLabel, type SortKey, type SortOrder } from './app-rows';

const PAGE_SIZE = 100;
/** Enough for any program; beyond this the list says it is cut short. */
const MAX_PAGES = 50;

type Load =
  | { status: 'loading' }
  | { status: 'failed'; error: ApiError }
  | { status: 'ready'; rows: AppListRow[]; total: number; tracked: number; today: string; truncated: boolean };

async function loadAll(filter: AppListFilter): Promise<Load> {
  const rows: AppListRow[] = [];
  let cursor: string | undefined;
  let total = 0;
  let today = '';
  let truncated = true;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await call('listApps', { filter, cursor, limit: PAGE_SIZE });
    if (!answer.ok) return { status: 'failed', error: answer.error };
    rows.push(...answer.data.rows);
    total = answer.data.total;
    today = answer.data.today;
    cursor = answer.data.nextCursor;
    if (!cursor) {
      truncated = false;
      break;
    }
  }
  // With a filter on, one more small call tells how many apps are tracked in all.
  let tracked = total;
  if (Object.keys(filter).length > 0) {
    const all = await call('listApps', { filter: {}, limit: 1 });
    if (!all.ok) return { status: 'failed', error: all.error };
    tracked = all.data.total;
  }
  return { status: 'ready', rows, total, tracked, today, truncated };
}

/** "16 apps", or with a filter on "16 apps, 2 shown". */
export function countLine(tracked: number, shown: number, filtered: boolean): string {
  const apps = `${tracked} ${tracked === 1 ? 'app' : 'apps'}`;
  return filtered ? `${apps}, ${shown} shown` : apps;
}

function download(csv: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const STAGES = Object.keys(STAGE_LABEL) as Stage[];
const DUE_PROBLEM = '"Due within" takes a whole number of days.';

export function GlobalPage() {
  const [stage, setStage] = useState<Stage | ''>('');
  const [dueWithin, setDueWithin] = useState('');
  const [overdue, setOverdue] = useState(false);
  const [unclear, setUnclear] = useState(false);
  const [text, setText] = useState('');
  const [appliedText, setAppliedText] = useState('');
  const [sortKey, setSortKey] = useState<SortKey>('next');
  const [sortOrder, setSortOrder] = useState<SortOrder>('ASC');
  const [load, setLoad] = useState<Load>({ status: 'loading' });

  const dueDays = /^\d{1,4}$/.test(dueWithin.trim()) ? Number(dueWithin.trim()) : undefined;
  const dueInvalid = dueWithin.trim() !== '' && dueDays === undefined;

  const filter = useMemo<AppListFilter>(() => {
    const f: AppListFilter = {};
    if (stage) f.stage = stage;
    if (dueDays !== undefined) f.dueWithinDays = dueDays;
    if (overdue) f.overdue = true;
    if (unclear) f.unclear = true;
    if (appliedText.trim()) f.text = appliedText.trim();
    return f;
  }, [stage, dueDays, overdue, unclear, appliedText]);

  const refresh = useCallback(() => {
    setLoad({ status: 'loading' });
    let live = true;
    void loadAll(filter).then((l) => live && setLoad(l));
    return () => {
      live = false;
    };
  }, [filter]);

  useEffect(() => refresh(), [refresh]);

  // Typing settles before the list reloads.
  useEffect(() => {
    const t = setTimeout(() => setAppliedText(text), 300);
    return () => clearTimeout(t);
  }, [text]);

  const rows = load.status === 'ready' ? sortRows(load.rows, sortKey, sortOrder) : [];

  return (
    <div style={pageStyle} data-testid="global-page">
      <Column gap="space.150">
        <Heading size="large" as="h1">
          Cloud Fortified apps
        </Heading>
        <form
          data-testid="filters"
          aria-label="Filters"
          onSubmit={(e) => {
            e.preventDefault();
            setAppliedText(text);
          }}
        >
          <Row gap="space.150" style={{ alignItems: 'flex-end' }}>
            <LabelledField id="filter-stage" label="Stage">
              <NativeSelect
                id="filter-stage"
                label="Stage"
                testId="filter-stage"
                value={stage}
                placeholder="Any stage"
                options={STAGES.map((s) => ({ value: s, label: STAGE_LABEL[s] }))}
                onChange={setStage}
              />
            </LabelledField>
            <LabelledField
              id="filter-due"
              label="Due within, days"
              problem={dueInvalid ? DUE_PROBLEM : undefined}
              problemTestId="filter-due-problem"
            >
              <Textfield
                id="filter-due"
                testId="filter-due"
                inputMode="numeric"
                width={96}
                isCompact
                value={dueWithin}
                onChange={(e) => setDueWithin(e.currentTarget.value)}
                isInvalid={dueInvalid}
                aria-describedby={describedBy('filter-due', { problem: dueInvalid ? DUE_PROBLEM : undefined })}
              />
            </LabelledField>
            <LabelledField id="filter-text" label="Search app or ticket">
              <Textfield
                id="filter-text"
                testId="filter-text"
                placeholder="App name or ticket key"
                width={224}
                isCompact
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
              />
            </LabelledField>
            <label>
              <input
                type="checkbox"
                data-testid="filter-overdue"
                checked={overdue}
                onChange={(e) => setOverdue(e.target.checked)}
              />{' '}
              Overdue
            </label>
            <label>
              <input
                type="checkbox"
                data-testid="filter-unclear"
                checked={unclear}
                onChange={(e) => setUnclear(e.target.checked)}
              />{' '}
              Unclear answers
            </label>
            <Button
              testId="export-csv"
              isDisabled={load.status !== 'ready' || rows.length === 0}
              onClick={() =>
                download(rowsToCsv(rows), `cloud-fortified-apps-${load.status === 'ready' ? load.today : 'export'}.csv`)
              }
            >
              Export CSV
            </Button>
          </Row>
        </form>
        {load.status === 'loading' && <Loading what="the apps" />}
        {load.status === 'failed' && <PageErrorMessage error={load.error} onRetry={refresh} />}
        {load.status === 'ready' && (
          <>
            <Subtle testId="row-count">
              {countLine(load.tracked, load.total, Object.keys(filter).length > 0)} · today {load.today}
              {load.truncated && ' · the list was cut short; narrow the filters'}
            </Subtle>
            <AppsTable
              label="Tracked apps"
              columns={[
                { key: 'app', title: 'App', width: 22 },
                { key: 'ticket', title: 'Ticket', width: 10 },
                { key: 'state', title: 'Stage or review', width: 22 },
                { key: 'owner', title: 'Whose move', width: 16 },
                { key: 'next', title: 'Next date', width: 30 },
              ]}
              rows={rows.map((r) => ({
                key: r.issueKey,
                cells: [
                  r.appName,
                  <a
                    key="ticket"
                    href={`/browse/${encodeURIComponent(r.issueKey)}`}
                    onClick={(e) => {
                      e.preventDefault();
                      void router.navigate(`/browse/${encodeURIComponent(r.issueKey)}`).catch(() => undefined);
                    }}
                  >
                    {r.issueKey}
                  </a>,
                  <Row key="state" gap="space.050">
                    <span>{stateLabel(r)}</span>
                    {r.overdue && <Lozenge appearance="removed">Overdue</Lozenge>}
                    {r.unclearAnswer && <Lozenge appearance="moved">Unclear answer</Lozenge>}
                    {r.failing && <Lozenge appearance="removed">App cannot work on it</Lozenge>}
                  </Row>,
                  <Lozenge key="owner" appearance={OWNER_APPEARANCE[r.nextStep]}>
                    {OWNER_LABEL[r.nextStep]}
                  </Lozenge>,
                  r.nextDate ? (
                    <span key="next">
                      {formatDay(r.nextDate)} ({countdown(r.daysUntilNext)}){r.nextWhat ? ` · ${r.nextWhat}` : ''}
                    </span>
                  ) : (
                    <Subtle key="next">—</Subtle>
                  ),
                ],
              }))}
              sortKey={sortKey}
              sortOrder={sortOrder}
              onSort={(key, order) => {
                setSortKey(key);
                setSortOrder(order);
              }}
              empty={
                <span data-testid="no-apps">
                  No tracked app matches these filters. Clear a filter, or start tracking a ticket from its issue panel.
                </span>
              }
            />
          </>
        )}
      </Column>
    </div>
  );
}
