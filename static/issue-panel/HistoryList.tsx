import { Button } from '../shared/ui/Button';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import { useWho } from './names';
import type { AuditEntry } from '../../src/contract';
import { formatInstant } from '../shared/format';
import { SectionTitle, Subtle } from '../shared/layout';

const FIRST = 15;

/** Every change and every message, newest first (the resolver sends them in that order). */
export function HistoryList({ history }: { history: AuditEntry[] }) {
  const who = useWho();
  const [all, setAll] = useState(false);
  const shown = all ? history : history.slice(0, FIRST);
  return (
    <section data-testid="history" aria-label="History">
      <SectionTitle>History</SectionTitle>
      {history.length === 0 && <Subtle>Nothing has happened yet.</Subtle>}
      <ol style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {shown.map((entry, i) => (
          <li
            key={`${entry.at}-${i}`}
            data-testid="history-entry"
            data-kind={entry.kind}
            style={{ padding: `${token('space.050')} 0`, borderBottom: `1px solid ${token('color.border')}` }}
          >
            <div>{entry.summary}</div>
            <Subtle>
              {formatInstant(entry.at)} · {who(entry.by)}
            </Subtle>
          </li>
        ))}
      </ol>
      {!all && history.length > FIRST && (
        <Button spacing="compact" appearance="subtle" onClick={() => setAll(true)}>
          Show all {history.length}
        </Button>
      )}
    </section>
  );
}
