import { createContext, useContext } from 'react';
import { Lozenge } from '../shared/ui/Lozenge';
import { Column, NativeSelect, Row } from '../shared/layout';
import { getAt } from './draft';
import { ListEditor, LongTextField, TextField, useDraft } from './fields';
import { LISTS, NEW_CHECK_FIELDS } from './settings-labels';

/** The ids of the updates already announced to every approved app, as the app recorded them. */
export const AnnouncedContext = createContext<readonly string[]>([]);

const f = LISTS.programUpdates.fields;
const KINDS = [
  { value: 'check', label: 'A new review check' },
  { value: 'general', label: 'A general update' },
] as const;

/** One update: its days, and either a new check or a general text (a new check may carry a text too). */
function UpdateItem({ path }: { path: string }) {
  const { draft, update, readOnly } = useDraft();
  const announced = useContext(AnnouncedContext);
  const id = getAt(draft, `${path}.id`);
  const isCheck = getAt(draft, `${path}.addCheck`) !== undefined;
  const done = typeof id === 'string' && announced.includes(id);
  return (
    <Column gap="space.100">
      <div data-testid={`update-status-${typeof id === 'string' ? id : ''}`}>
        {done ? (
          <Lozenge appearance="success">Announced</Lozenge>
        ) : (
          <Lozenge appearance="new">Pending announcement</Lozenge>
        )}
      </div>
      <Row gap="space.150">
        <TextField label={f.id} path={`${path}.id`} hint="lower-case letters, digits and dashes" />
        <TextField
          label={f.announcedOn}
          path={`${path}.announcedOn`}
          hint="YYYY-MM-DD: a public comment on every approved app's ticket"
        />
        <TextField
          label={f.effectiveFrom}
          path={`${path}.effectiveFrom`}
          hint="YYYY-MM-DD: at least 30 days after the announcement"
        />
      </Row>
      <NativeSelect
        label="Kind of update"
        testId={`field-${path}.kind`}
        disabled={readOnly}
        value={isCheck ? 'check' : 'general'}
        options={[...KINDS]}
        onChange={(kind) => update(`${path}.addCheck`, kind === 'check' ? { id: '', title: '' } : undefined)}
      />
      {isCheck && (
        <Row gap="space.150">
          <TextField label={NEW_CHECK_FIELDS.id} path={`${path}.addCheck.id`} />
          <TextField label={NEW_CHECK_FIELDS.title} path={`${path}.addCheck.title`} />
        </Row>
      )}
      {isCheck && <LongTextField label={NEW_CHECK_FIELDS.description} path={`${path}.addCheck.description`} optional />}
      <LongTextField
        label={f.text}
        path={`${path}.text`}
        optional
        hint={isCheck ? 'optional: more about the new check' : 'told to every approved partner'}
      />
    </Column>
  );
}

/** Program updates: told ahead of time to every approved app's ticket, on their announcement day. */
export function ProgramUpdates() {
  return (
    <ListEditor
      path="programUpdates"
      title="an update"
      newItem={{ id: '', announcedOn: '', effectiveFrom: '', addCheck: { id: '', title: '' } }}
      item={(p) => <UpdateItem path={p} />}
    />
  );
}
