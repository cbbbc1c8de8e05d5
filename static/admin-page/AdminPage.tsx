import SectionMessage from '@atlaskit/section-message';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { Heading } from '../shared/ui/Heading';
import { token } from '@atlaskit/tokens';
import { useCallback, useEffect, useState } from 'react';
import type { ApiError, ProgramSettings, Viewer } from '../../src/contract';
import { call } from '../shared/call';
import { Column, pageStyle } from '../shared/layout';
import { PageErrorMessage } from '../shared/ak/PageErrorMessage';
import { Loading } from '../shared/loading';
import { ImportForm } from './ImportForm';
import { AnnouncedContext } from './ProgramUpdates';
import { SettingsForm } from './SettingsForm';

/** Atlassian's tab panel has no width of its own; the forms take the page's. */
const TAB_PANEL = { width: '100%', paddingTop: token('space.150') } as const;

type Load =
  | { status: 'loading' }
  | { status: 'failed'; error: ApiError }
  | { status: 'ready'; settings: ProgramSettings; viewer: Viewer; announcedUpdates: string[] };

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
        {load.status === 'failed' && <PageErrorMessage error={load.error} onRetry={() => void fetchSettings()} />}
        {load.status === 'ready' && (
          <>
            {!load.viewer.isAdmin && (
              <SectionMessage appearance="information">
                <p style={{ margin: 0 }}>
                  Only Jira administrators can change the program's settings or import apps. You can read them here.
                </p>
              </SectionMessage>
            )}
            <Tabs id="admin-tabs">
              <TabList>
                <Tab testId="tab-settings">Program settings</Tab>
                <Tab testId="tab-import">Import approved apps</Tab>
              </TabList>
              <TabPanel>
                <div style={TAB_PANEL}>
                  <AnnouncedContext.Provider value={load.announcedUpdates}>
                    <SettingsForm
                      settings={load.settings}
                      readOnly={!load.viewer.isAdmin}
                      onSaved={(settings) => setLoad({ ...load, settings })}
                    />
                  </AnnouncedContext.Provider>
                </div>
              </TabPanel>
              <TabPanel>
                <div style={TAB_PANEL}>
                  <ImportForm readOnly={!load.viewer.isAdmin} />
                </div>
              </TabPanel>
            </Tabs>
          </>
        )}
      </Column>
    </div>
  );
}
