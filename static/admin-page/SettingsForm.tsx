import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { useEffect, useRef, useState } from 'react';
import type { ApiError, ProgramSettings, SettingsProblem, Stage } from '../../src/contract';
import { call } from '../shared/call';
import { STAGE_LABEL } from '../shared/labels';
import { Column, Row } from '../shared/layout';
import { token } from '@atlaskit/tokens';
import { PageErrorMessage } from '../shared/ak/PageErrorMessage';
import { setAt, type Json } from './draft';
import { fieldLabel, LABEL, LISTS, SECTIONS, sectionOf, type SectionId } from './settings-labels';
import {
  CheckboxField,
  ChoiceField,
  DraftContext,
  ListEditor,
  ListField,
  LongTextField,
  NumberField,
  TextField,
} from './fields';
import { ProgramUpdates } from './ProgramUpdates';

const STAGE_OPTIONS = (Object.keys(STAGE_LABEL) as Stage[]).map((s) => ({ value: s, label: STAGE_LABEL[s] }));
const AREA_OPTIONS = [
  { value: 'security', label: 'Security' },
  { value: 'reliability', label: 'Reliability' },
  { value: 'support', label: 'Support' },
];

/**
 * The save button with its result and the problems above it; the frame is as tall as its content
 * (Forge sizes it so), so the result is scrolled into view rather than pinned.
 */
const SAVE_BAR = {
  padding: `${token('space.100')} 0`,
  background: token('elevation.surface'),
  borderTop: `1px solid ${token('color.border')}`,
} as const;

const L = LABEL;

function Section({ id }: { id: SectionId }) {
  switch (id) {
    case 'program':
      return (
        <Column gap="space.150">
          <TextField label={L.name} path="name" />
          <TextField
            label={L.startedOn}
            path="startedOn"
            optional
            hint="YYYY-MM-DD; an import refuses approvals from before it"
          />
          <TextField
            label={L.timezone}
            path="timezone"
            hint="IANA name such as Europe/Amsterdam; review dates are counted in it"
          />
          <ListField
            label={L.projects}
            path="projects"
            separator="comma"
            hint="project keys, separated by commas; empty: any project"
          />
          <ListField
            label={L.requestTypes}
            path="requestTypes"
            separator="line"
            hint="one per line; empty: any request type"
          />
          <TextField
            label={L.formTemplateId}
            path="formTemplateId"
            optional
            hint="when set, the form is added to the ticket as well as attached"
          />
          <ListField
            label={L.escalationRequestTypes}
            path="escalationRequestTypes"
            separator="line"
            hint="one per line: portal request types through which a customer raises a concern about an app, naming it"
          />
        </Column>
      );
    case 'timings':
      return (
        <Row gap="space.200">
          <NumberField label={L['timings.noticeDaysBefore']} path="timings.noticeDaysBefore" />
          <NumberField label={L['timings.windowDays']} path="timings.windowDays" />
          <NumberField label={L['timings.remediationDays']} path="timings.remediationDays" />
          <NumberField
            label={L['timings.remediationReminderDaysBefore']}
            path="timings.remediationReminderDaysBefore"
          />
        </Row>
      );
    case 'texts':
      return (
        <Column gap="space.150">
          <LongTextField
            label={L['texts.notice']}
            path="texts.notice"
            hint="placeholders {app}, {windowStart}, {windowEnd}, {remediationDue}, {year}"
          />
          <LongTextField
            label={L['texts.escalationNotice']}
            path="texts.escalationNotice"
            optional
            hint="opens an extra review after a compliance concern; empty: the notice comment, introduced by a sentence on the concern"
          />
          <LongTextField label={L['texts.answerReminder']} path="texts.answerReminder" />
          <LongTextField label={L['texts.remediationReminder']} path="texts.remediationReminder" />
          <LongTextField
            label={L['texts.progressUpdate']}
            path="texts.progressUpdate"
            optional
            hint="told to the partner when a submission's next step becomes theirs or Atlassian's again; placeholders {app}, {stage}, {nextStep}; empty: the default text"
          />
          <TextField label={L['texts.formTitle']} path="texts.formTitle" />
        </Column>
      );
    case 'statusMapping': {
      const f = LISTS.statusMapping.fields;
      return (
        <ListEditor
          path="statusMapping"
          title="a status"
          newItem={{ status: '', stage: 'triage' }}
          item={(p) => (
            <Row gap="space.150">
              <TextField label={f.status} path={`${p}.status`} />
              <ChoiceField label={f.stage} path={`${p}.stage`} options={STAGE_OPTIONS} />
            </Row>
          )}
        />
      );
    }
    case 'components': {
      const f = LISTS.components.fields;
      return (
        <ListEditor
          path="components"
          title="a component"
          newItem={{ id: '', title: '', area: 'security', description: '', soaks: false }}
          item={(p) => (
            <>
              <Row gap="space.150">
                <TextField label={f.id} path={`${p}.id`} />
                <ChoiceField label={f.area} path={`${p}.area`} options={AREA_OPTIONS} />
              </Row>
              <TextField label={f.title} path={`${p}.title`} />
              <LongTextField label={f.description} path={`${p}.description`} />
              <Row gap="space.150">
                <CheckboxField label={f.soaks} path={`${p}.soaks`} />
                <NumberField label={f.soakDays} path={`${p}.soakDays`} optional />
              </Row>
            </>
          )}
        />
      );
    }
    case 'checks': {
      const f = LISTS.checks.fields;
      return (
        <ListEditor
          path="checks"
          title="a check"
          newItem={{ id: '', title: '', description: '' }}
          item={(p) => (
            <>
              <TextField label={f.id} path={`${p}.id`} />
              <TextField label={f.title} path={`${p}.title`} />
              <LongTextField label={f.description} path={`${p}.description`} />
            </>
          )}
        />
      );
    }
    case 'programUpdates':
      return <ProgramUpdates />;
    case 'changeCategories': {
      const f = LISTS.changeCategories.fields;
      return (
        <ListEditor
          path="changeCategories"
          title="a category"
          newItem={{ id: '', title: '', examples: [] }}
          item={(p) => (
            <>
              <TextField label={f.id} path={`${p}.id`} />
              <TextField label={f.title} path={`${p}.title`} />
              <ListField label={f.examples} path={`${p}.examples`} separator="line" hint="one per line" />
            </>
          )}
        />
      );
    }
  }
}

function asJson(settings: ProgramSettings): Json {
  return JSON.parse(JSON.stringify(settings)) as Json;
}

export function SettingsForm({
  settings,
  readOnly,
  onSaved,
}: {
  settings: ProgramSettings;
  readOnly: boolean;
  onSaved: (s: ProgramSettings) => void;
}) {
  const [draft, setDraft] = useState<Json>(() => asJson(settings));
  const [revision, setRevision] = useState(0);
  const [problems, setProblems] = useState<SettingsProblem[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [sectionIndex, setSectionIndex] = useState(0);
  const resultRef = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(0);
  useEffect(() => {
    if (shown === 0) return;
    // After the host has grown the frame to the new content.
    const t = setTimeout(() => resultRef.current?.scrollIntoView({ block: 'center' }), 100);
    return () => clearTimeout(t);
  }, [shown]);

  /** Opens the section of a problem's field and puts the cursor in it. */
  const goTo = (path: string) => {
    setSectionIndex(SECTIONS.findIndex((s) => s.id === sectionOf(path)));
    setTimeout(() => {
      const field = document.querySelector<HTMLElement>(
        `[data-field="${CSS.escape(path)}"] input, [data-field="${CSS.escape(path)}"] textarea, [data-field="${CSS.escape(path)}"] select`,
      );
      field?.focus();
      field?.scrollIntoView({ block: 'center' });
    }, 0);
  };

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
      setShown((n) => n + 1);
      onSaved(answer.data.settings);
    } else {
      const found = answer.error.problems ?? [];
      setProblems(found);
      setError(answer.error);
      setShown((n) => n + 1);
      // The first problem's section opens, so the field is where the user looks next.
      if (found[0]) setSectionIndex(SECTIONS.findIndex((s) => s.id === sectionOf(found[0]!.path)));
    }
  };

  return (
    <DraftContext.Provider
      value={{
        draft,
        problems,
        readOnly,
        update: (path, value) => {
          setSaved(false);
          setDraft((d) => setAt(d, path, value));
        },
      }}
    >
      <form
        key={revision}
        data-testid="settings-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Column gap="space.150">
          <Tabs id="settings-sections" selected={sectionIndex} onChange={setSectionIndex} shouldUnmountTabPanelOnChange>
            <TabList>
              {SECTIONS.map((section) => {
                const count = problems.filter((p) => sectionOf(p.path) === section.id).length;
                return (
                  <Tab key={section.id} testId={`section-${section.id}`}>
                    {count > 0 ? `${section.title} (${count} to fix)` : section.title}
                  </Tab>
                );
              })}
            </TabList>
            {SECTIONS.map((section) => (
              <TabPanel key={section.id}>
                <div style={{ width: '100%', paddingTop: token('space.150') }}>
                  <Section id={section.id} />
                </div>
              </TabPanel>
            ))}
          </Tabs>

          <div data-testid="save-bar" style={SAVE_BAR}>
            <Column gap="space.100">
              <div aria-live="polite" ref={resultRef}>
                {saved && (
                  <div data-testid="settings-saved">
                    <SectionMessage appearance="success">
                      <p style={{ margin: 0 }}>Settings saved. They apply from the next action of every ticket.</p>
                    </SectionMessage>
                  </div>
                )}
                {error && problems.length > 0 && (
                  <div data-testid="settings-problems">
                    <SectionMessage
                      appearance="error"
                      title={`The settings were not saved: ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} to fix`}
                    >
                      <ul style={{ margin: 0, paddingLeft: '1.2em' }}>
                        {problems.map((p, i) => (
                          <li key={`${p.path}-${i}`} data-testid="settings-problem">
                            <button type="button" className="cf-link" onClick={() => goTo(p.path)}>
                              {fieldLabel(p.path)}
                            </button>
                            : {p.message}
                          </li>
                        ))}
                      </ul>
                    </SectionMessage>
                  </div>
                )}
                {error && problems.length === 0 && <PageErrorMessage error={error} onDismiss={() => setError(null)} />}
              </div>
              {!readOnly && (
                <Row>
                  <Button type="submit" appearance="primary" isDisabled={busy} testId="save-settings">
                    Save settings
                  </Button>
                  <Button
                    appearance="subtle"
                    isDisabled={busy}
                    onClick={() => {
                      setDraft(asJson(settings));
                      setProblems([]);
                      setError(null);
                      setRevision((r) => r + 1);
                    }}
                  >
                    Discard changes
                  </Button>
                </Row>
              )}
            </Column>
          </div>
        </Column>
      </form>
    </DraftContext.Provider>
  );
}
