import { Heading } from '../shared/ui/Heading';
import { SectionMessage } from '../shared/ui/SectionMessage';
import { Tabs } from '../shared/ui/Tabs';
import { useCallback, useEffect, useState } from 'react';
import type { ApiError, ProgramSettings, Viewer } from '../../src/contract';
import { call } from '../shared/call';
import { Column, pageStyle } from '../shared/layout';
import { ErrorMessage, Loading } from '../shared/states';
import { ImportForm } from './ImportForm';
import { SettingsForm } from './SettingsForm';

type Load = { status: 'loading' } | { status: 'failed'; error: ApiError } | { status: 'ready'; settings: ProgramSettings; viewer: Viewer };

export function AdminPage() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const fetchSettings = useCallback(async () => {
    setLoad({ status: 'loading' });
    const answer = await call('getSettings', {});
    setLoad(answer.ok ? { status: 'ready', ...answer.data } : { status: 'failed', error: answer.error });
  }, []);
  useEffect(() => {
    void fetchSettings();
  }, [fetchSettings]);

  return (
    <div style={pageStyle} data-testid="admin-page">
      <Column gap="space.150">
        <Heading size="large" as="h1">
          Cloud Fortified Tracker settings
        </Heading>
        {load.status === 'loading' && <Loading what="the settings" />}
        {load.status === 'failed' && <ErrorMessage error={load.error} onRetry={() => void fetchSettings()} />}
        {load.status === 'ready' && (
          <>
            {!load.viewer.isAdmin && (
              <SectionMessage appearance="information">
                <p style={{ margin: 0 }}>Only Jira administrators can change the program's settings or import apps. You can read them here.</p>
              </SectionMessage>
            )}
            <Tabs
              id="admin-tabs"
              tabs={[
                {
                  label: 'Program settings',
                  testId: 'tab-settings',
                  panel: (
                    <SettingsForm
                      settings={load.settings}
                      readOnly={!load.viewer.isAdmin}
                      onSaved={(settings) => setLoad({ status: 'ready', settings, viewer: load.viewer })}
                    />
                  ),
                },
                { label: 'Import approved apps', testId: 'tab-import', panel: <ImportForm readOnly={!load.viewer.isAdmin} /> },
              ]}
            />
          </>
        )}
      </Column>
    </div>
  );
}
