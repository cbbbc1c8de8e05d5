import Button from '@atlaskit/button/new';
import { ErrorMessage } from '@atlaskit/form';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import { createContext, useContext, type ReactNode } from 'react';
import type { SettingsProblem } from '../../src/contract';
import { describedBy, LabelledField } from '../shared/ak/LabelledField';
import { Card, Column, NativeSelect, Row } from '../shared/layout';
import { getAt, problemsAt, type Json } from './draft';
import { LISTS } from './settings-labels';

export interface DraftApi {
  draft: Json;
  update: (path: string, value: Json | undefined) => void;
  problems: SettingsProblem[];
  readOnly: boolean;
}

export const DraftContext = createContext<DraftApi | null>(null);

export function useDraft(): DraftApi {
  const api = useContext(DraftContext);
  if (!api) throw new Error('settings fields need a DraftContext');
  return api;
}

/** A problem of a list as a whole (an item twice, none at all), above its items. */
export function Problems({ path }: { path: string }) {
  const { problems } = useDraft();
  const messages = problemsAt(problems, path);
  if (messages.length === 0) return null;
  return (
    <div role="alert">
      <ErrorMessage testId={`problem-${path}`}>{messages.join('; ')}</ErrorMessage>
    </div>
  );
}

/** The control's id: a label's `for`, and what a problem's link puts the cursor in. */
const fieldId = (path: string) => `setting-${path}`;

/** A setting's label, hint and problem around its control; `data-field` is how a problem's link finds it. */
function Field({
  label,
  path,
  hint,
  extraProblems,
  children,
}: {
  label: string;
  path: string;
  hint?: string;
  extraProblems?: string[];
  children: ReactNode;
}) {
  const { problems } = useDraft();
  const messages = [...problemsAt(problems, path), ...(extraProblems ?? [])];
  return (
    <div data-field={path}>
      <LabelledField
        id={fieldId(path)}
        label={label}
        hint={hint}
        problem={messages.length > 0 ? messages.join('; ') : undefined}
        problemTestId={`problem-${path}`}
      >
        {children}
      </LabelledField>
    </div>
  );
}

/** What every setting's control carries: its id, its test id, and what describes it. */
function useControl(path: string, hint?: string, extraProblems?: string[]) {
  const { problems, readOnly } = useDraft();
  const invalid = problemsAt(problems, path).length > 0 || (extraProblems ?? []).length > 0;
  return {
    id: fieldId(path),
    testId: `field-${path}`,
    isReadOnly: readOnly,
    isInvalid: invalid,
    'aria-describedby': describedBy(fieldId(path), { hint, problem: invalid ? 'yes' : undefined }),
  };
}

/** A text setting: empty text in an optional one is no value at all, so the setting is left out. */
function useTextSetting(path: string, optional?: boolean) {
  const { draft, update } = useDraft();
  const value = getAt(draft, path);
  return {
    value: typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value),
    onChange: (e: { currentTarget: { value: string } }) => {
      const text = e.currentTarget.value;
      update(path, optional && text.trim() === '' ? undefined : text);
    },
  };
}

export function TextField({
  label,
  path,
  hint,
  optional,
}: {
  label: string;
  path: string;
  hint?: string;
  optional?: boolean;
}) {
  const setting = useTextSetting(path, optional);
  return (
    <Field label={label} path={path} hint={hint}>
      <Textfield isCompact {...useControl(path, hint)} {...setting} />
    </Field>
  );
}

export function LongTextField({
  label,
  path,
  hint,
  optional,
}: {
  label: string;
  path: string;
  hint?: string;
  optional?: boolean;
}) {
  const setting = useTextSetting(path, optional);
  return (
    <Field label={label} path={path} hint={hint}>
      <TextArea minimumRows={3} resize="vertical" {...useControl(path, hint)} {...setting} />
    </Field>
  );
}

/** A number; what cannot be read as one is kept as typed, so the server names the problem. */
export function NumberField({
  label,
  path,
  hint,
  optional,
}: {
  label: string;
  path: string;
  hint?: string;
  optional?: boolean;
}) {
  const { draft, update } = useDraft();
  const value = getAt(draft, path);
  return (
    <Field label={label} path={path} hint={hint}>
      <Textfield
        {...useControl(path, hint)}
        inputMode="numeric"
        width="small"
        value={typeof value === 'string' || typeof value === 'number' ? String(value) : ''}
        isCompact
        onChange={(e) => {
          const text = e.currentTarget.value.trim();
          if (text === '') update(path, optional ? undefined : '');
          else update(path, /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text);
        }}
      />
    </Field>
  );
}

/** A list of strings edited as text, one per line (or separated by commas). */
export function ListField({
  label,
  path,
  hint,
  separator,
}: {
  label: string;
  path: string;
  hint?: string;
  separator: 'line' | 'comma';
}) {
  const { draft, update, problems } = useDraft();
  const value = getAt(draft, path);
  const list = Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))) : [];
  const text = list.join(separator === 'line' ? '\n' : ', ');
  // A problem of one item is told by the item as typed.
  const itemProblems = problems
    .filter((p) => p.path.startsWith(`${path}.`))
    .map((p) => `${list[Number(p.path.split('.')[1])] ?? p.path}: ${p.message}`);
  const control = useControl(path, hint, itemProblems);
  const parse = (raw: string): Json =>
    raw
      .split(separator === 'line' ? /\r?\n/ : /,/)
      .map((s) => s.trim())
      .filter((s) => s !== '');
  return (
    <Field label={label} path={path} hint={hint} extraProblems={itemProblems}>
      {separator === 'line' ? (
        <TextArea
          {...control}
          defaultValue={text}
          minimumRows={2}
          resize="vertical"
          onBlur={(e) => update(path, parse(e.currentTarget.value))}
        />
      ) : (
        <Textfield
          {...control}
          defaultValue={text}
          isCompact
          onBlur={(e) => update(path, parse(e.currentTarget.value))}
        />
      )}
    </Field>
  );
}

export function ChoiceField<T extends string>({
  label,
  path,
  options,
}: {
  label: string;
  path: string;
  options: { value: T; label: string }[];
}) {
  const { draft, update, readOnly } = useDraft();
  const value = getAt(draft, path);
  return (
    <Field label={label} path={path}>
      <NativeSelect
        id={fieldId(path)}
        label={label}
        testId={`field-${path}`}
        disabled={readOnly}
        value={(typeof value === 'string' ? value : '') as T | ''}
        options={options}
        onChange={(v) => update(path, v)}
      />
    </Field>
  );
}

export function CheckboxField({ label, path }: { label: string; path: string }) {
  const { draft, update, readOnly } = useDraft();
  return (
    <div data-field={path}>
      <label>
        <input
          type="checkbox"
          data-testid={`field-${path}`}
          disabled={readOnly}
          checked={getAt(draft, path) === true}
          onChange={(e) => update(path, e.target.checked)}
        />{' '}
        {label}
      </label>
      <Problems path={path} />
    </div>
  );
}

/** "check" for the review checks: a Remove button says which item it removes. */
const itemName = (path: string) => (path in LISTS ? LISTS[path as keyof typeof LISTS].item : 'item');

/** A list of objects: each item rendered by `item`, with add and remove. */
export function ListEditor({
  path,
  title,
  newItem,
  item,
}: {
  path: string;
  title: string;
  newItem: Json;
  item: (itemPath: string, index: number) => ReactNode;
}) {
  const { draft, update, readOnly } = useDraft();
  const value = getAt(draft, path);
  const list = Array.isArray(value) ? value : [];
  return (
    <div data-testid={`list-${path}`}>
      <Column gap="space.100">
        <Problems path={path} />
        {list.map((_, i) => (
          <Card key={i}>
            <Column gap="space.075">
              {item(`${path}.${i}`, i)}
              {!readOnly && (
                <div>
                  <Button
                    spacing="compact"
                    appearance="subtle"
                    aria-label={`Remove ${itemName(path)} ${i + 1}`}
                    onClick={() =>
                      update(
                        path,
                        list.filter((__, j) => j !== i),
                      )
                    }
                  >
                    Remove
                  </Button>
                </div>
              )}
            </Column>
          </Card>
        ))}
        {!readOnly && (
          <Row>
            <Button spacing="compact" onClick={() => update(path, [...list, newItem])} testId={`add-${path}`}>
              Add {title}
            </Button>
          </Row>
        )}
      </Column>
    </div>
  );
}
