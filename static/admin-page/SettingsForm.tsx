import { Button } from '../shared/ui/Button';
import { SectionMessage } from '../shared/ui/SectionMessage';
import { useState } from 'react';
import type { ApiError, ProgramSettings, SettingsProblem, Stage } from '../../src/contract';
import { call } from '../shared/call';
import { STAGE_LABEL } from '../shared/labels';
import { Column, Row, SectionTitle } from '../shared/layout';
import { ErrorMessage } from '../shared/states';
import { setAt, type Json } from './draft';
import { CheckboxField, ChoiceField, DraftContext, ListEditor, ListField, LongTextField, NumberField, TextField } from './fields';

const STAGE_OPTIONS = (Object.keys(STAGE_LABEL) as Stage[]).map((s) => ({ value: s, label: STAGE_LABEL[s] }));
const AREA_OPTIONS = [
  { value: 'security', label: 'Security' },
  { value: 'reliability', label: 'Reliability' },
  { value: 'support', label: 'Support' },
];

function asJson(settings: ProgramSettings): Json {
  return JSON.parse(JSON.stringify(settings)) as Json;
}

export function SettingsForm({ settings, readOnly, onSaved }: { settings: ProgramSettings; readOnly: boolean; onSaved: (s: ProgramSettings) => void }) {
  const [draft, setDraft] = useState<Json>(() => asJson(settings));
  const [revision, setRevision] = useState(0);
  const [problems, setProblems] = useState<SettingsProblem[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    setBusy(true);
    setSaved(false);
    setError(null);
    const answer = await call('saveSettings', { settings: draft });
    setBusy(false);
    if (answer.ok) {
      setProblems([]);
      setDraft(asJson(answer.data.settings));
      setRevision((r) => r + 1);
      setSaved(true);
      onSaved(answer.data.settings);
    } else {
      setProblems(answer.error.problems ?? []);
      setError(answer.error);
    }
  };

  return (
    <DraftContext.Provider value={{ draft, problems, readOnly, update: (path, value) => { setSaved(false); setDraft((d) => setAt(d, path, value)); } }}>
      <form
        key={revision}
        data-testid="settings-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Column gap="space.150">
          {saved && (
            <div data-testid="settings-saved">
              <SectionMessage appearance="success">
                <p style={{ margin: 0 }}>Settings saved. They apply from the next action of every ticket.</p>
              </SectionMessage>
            </div>
          )}
          {error && <ErrorMessage error={problems.length > 0 ? { ...error, message: `${error.message} Each problem is shown next to its field.` } : error} onDismiss={() => setError(null)} />}

          <SectionTitle>Program</SectionTitle>
          <TextField label="Program name" path="name" />
          <TextField label="Time zone" path="timezone" hint="IANA name such as Europe/Amsterdam; review dates are counted in it" />
          <ListField label="Projects" path="projects" separator="comma" hint="project keys, separated by commas; empty: any project" />
          <ListField label="Request types" path="requestTypes" separator="line" hint="one per line; empty: any request type" />
          <TextField label="JSM form template id" path="formTemplateId" optional hint="when set, the form is added to the ticket as well as attached" />

          <SectionTitle>Timings</SectionTitle>
          <Row gap="space.200">
            <NumberField label="Notice, days before the window" path="timings.noticeDaysBefore" />
            <NumberField label="Window, last days of the month" path="timings.windowDays" />
            <NumberField label="Remediation, days after the window" path="timings.remediationDays" />
            <NumberField label="Reminder, days before the deadline" path="timings.remediationReminderDaysBefore" />
          </Row>

          <SectionTitle>Texts</SectionTitle>
          <LongTextField label="Notice comment" path="texts.notice" hint="placeholders {app}, {windowStart}, {windowEnd}, {remediationDue}, {year}" />
          <LongTextField
            label="Escalation notice"
            path="texts.escalationNotice"
            optional
            hint="opens an extra review after a compliance concern; empty: the notice comment, introduced by a sentence on the concern"
          />
          <LongTextField label="Answer reminder" path="texts.answerReminder" />
          <LongTextField label="Remediation reminder" path="texts.remediationReminder" />
          <TextField label="Form title" path="texts.formTitle" />

          <SectionTitle>Status mapping</SectionTitle>
          <ListEditor
            path="statusMapping"
            title="a status"
            newItem={{ status: '', stage: 'triage' }}
            item={(p) => (
              <Row gap="space.150">
                <TextField label="JSM status" path={`${p}.status`} />
                <ChoiceField label="Stage" path={`${p}.stage`} options={STAGE_OPTIONS} />
              </Row>
            )}
          />

          <SectionTitle>Requirement components</SectionTitle>
          <ListEditor
            path="components"
            title="a component"
            newItem={{ id: '', title: '', area: 'security', description: '', soaks: false }}
            item={(p) => (
              <>
                <Row gap="space.150">
                  <TextField label="Id" path={`${p}.id`} />
                  <ChoiceField label="Area" path={`${p}.area`} options={AREA_OPTIONS} />
                </Row>
                <TextField label="Title" path={`${p}.title`} />
                <LongTextField label="Description" path={`${p}.description`} />
                <Row gap="space.150">
                  <CheckboxField label="Soaks before it becomes active" path={`${p}.soaks`} />
                  <NumberField label="Soak days" path={`${p}.soakDays`} optional />
                </Row>
              </>
            )}
          />

          <SectionTitle>Review checks</SectionTitle>
          <ListEditor
            path="checks"
            title="a check"
            newItem={{ id: '', title: '', description: '' }}
            item={(p) => (
              <>
                <TextField label="Id" path={`${p}.id`} />
                <TextField label="Title" path={`${p}.title`} />
                <LongTextField label="Description" path={`${p}.description`} />
              </>
            )}
          />

          <SectionTitle>Significant-change categories</SectionTitle>
          <ListEditor
            path="changeCategories"
            title="a category"
            newItem={{ id: '', title: '', examples: [] }}
            item={(p) => (
              <>
                <TextField label="Id" path={`${p}.id`} />
                <TextField label="Title" path={`${p}.title`} />
                <ListField label="Examples" path={`${p}.examples`} separator="line" hint="one per line" />
              </>
            )}
          />

          {!readOnly && (
            <Row>
              <Button type="submit" appearance="primary" isDisabled={busy} testId="save-settings">
                Save settings
              </Button>
              <Button appearance="subtle" isDisabled={busy} onClick={() => { setDraft(asJson(settings)); setProblems([]); setError(null); setRevision((r) => r + 1); }}>
                Discard changes
              </Button>
            </Row>
          )}
        </Column>
      </form>
    </DraftContext.Provider>
  );
}
