import { Button } from '../shared/ui/Button';
import { SectionMessage } from '../shared/ui/SectionMessage';
import { TextInput } from '../shared/ui/TextInput';
import { useState } from 'react';
import type { TicketView } from '../../src/contract';
import { Column } from '../shared/layout';
import type { RunAction } from './panel-types';

type Untracked = Extract<TicketView, { tracked: false }>;

export function UntrackedPanel({ view, run, busy }: { view: Untracked; run: RunAction; busy: boolean }) {
  const [appName, setAppName] = useState(view.suggestedAppName);

  if (!view.eligible) {
    return (
      <div data-testid="not-eligible">
        <SectionMessage appearance="information" title="Not a program submission">
          <p style={{ margin: 0 }}>
            {view.ineligibleReason ?? 'The program settings do not treat this ticket as an app submission.'}
          </p>
          <p style={{ margin: 0 }}>
            A Jira administrator can change which projects and request types count as submissions in the app's settings.
          </p>
        </SectionMessage>
      </div>
    );
  }
  if (!view.viewer.canEdit) {
    return (
      <div data-testid="untracked-readonly">
        <SectionMessage appearance="information">
          <p style={{ margin: 0 }}>This ticket is not tracked yet. An agent of the program can start tracking it.</p>
        </SectionMessage>
      </div>
    );
  }
  const name = appName.trim();
  return (
    <form
      data-testid="start-tracking"
      onSubmit={(e) => {
        e.preventDefault();
        if (name) void run('startTracking', { issueKey: view.issueKey, appName: name });
      }}
    >
      <Column>
        <span>This ticket is not tracked yet. Track it as a Cloud Fortified app submission:</span>
        <label htmlFor="app-name">App name</label>
        <TextInput
          id="app-name"
          testId="app-name"
          value={appName}
          onChange={(e) => setAppName(e.currentTarget.value)}
          isRequired
          maxLength={200}
        />
        {!name && <span role="note">Give the app's name to start tracking.</span>}
        <div>
          <Button type="submit" appearance="primary" isDisabled={!name || busy} testId="start-tracking-button">
            Start tracking
          </Button>
        </div>
      </Column>
    </form>
  );
}
