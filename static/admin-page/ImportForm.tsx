import Button from '@atlaskit/button/new';
import TextArea from '@atlaskit/textarea';
import { useState } from 'react';
import type { ApiError, ImportReport } from '../../src/contract';
import { call } from '../shared/call';
import { formatDay } from '../shared/format';
import { Column, Subtle } from '../shared/layout';
import { LabelledField } from '../shared/ak/LabelledField';
import { PageErrorMessage } from '../shared/ak/PageErrorMessage';

/** Apps approved before the app was installed: pasted as CSV, reported line by line. */
export function ImportForm({ readOnly }: { readOnly: boolean }) {
  const [csv, setCsv] = useState('');
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  return (
    <form
      data-testid="import-form"
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        void call('importApproved', { csv }).then((answer) => {
          setBusy(false);
          if (answer.ok) setReport(answer.data);
          else setError(answer.error);
        });
      }}
    >
      <Column gap="space.100">
        <span id="import-csv-format">
          Paste one app per line: <code>issue key, approval date (YYYY-MM-DD), app name</code>. A header line is
          allowed. Each approved app gets its annual review scheduled from its approval month.
        </span>
        <LabelledField id="import-csv" label="Apps to import, as CSV">
          <TextArea
            id="import-csv"
            testId="import-csv"
            aria-describedby="import-csv-format"
            value={csv}
            onChange={(e) => setCsv(e.currentTarget.value)}
            minimumRows={6}
            resize="vertical"
            isMonospaced
            isReadOnly={readOnly}
          />
        </LabelledField>
        <div>
          <Button
            type="submit"
            appearance="primary"
            isDisabled={readOnly || busy || csv.trim() === ''}
            testId="import-button"
          >
            Import
          </Button>
        </div>
        {error && <PageErrorMessage error={error} onDismiss={() => setError(null)} />}
        {report && (
          <div data-testid="import-report">
            <Column gap="space.075">
              <strong>
                {report.imported.length} imported, {report.rejected.length} rejected
              </strong>
              {report.imported.length === 0 && report.rejected.length === 0 && <Subtle>No lines to import.</Subtle>}
              <ul style={{ margin: 0 }}>
                {report.imported.map((r) => (
                  <li key={`i${r.line}`} data-testid="import-ok">
                    Line {r.line}: {r.issueKey} imported, approved {formatDay(r.approvedOn)}
                  </li>
                ))}
                {report.rejected.map((r) => (
                  <li key={`r${r.line}`} data-testid="import-rejected">
                    Line {r.line} rejected: {r.reason} <Subtle>({r.text})</Subtle>
                  </li>
                ))}
              </ul>
            </Column>
          </div>
        )}
      </Column>
    </form>
  );
}
