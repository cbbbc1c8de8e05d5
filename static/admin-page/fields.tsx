import { Button } from '../shared/ui/Button';
import { TextArea, TextInput } from '../shared/ui/TextInput';
import { token } from '@atlaskit/tokens';
import { createContext, useContext, type ReactNode } from 'react';
import type { SettingsProblem } from '../../src/contract';
import { Card, Column, NativeSelect, Row } from '../shared/layout';
import { getAt, problemsAt, type Json } from './draft';

export interface DraftApi {
  draft: Json;
  update: (path: string, value: Json | undefined) => void;
  problems: SettingsProblem[];
  readOnly: boolean;
}

export const DraftContext = createContext<DraftApi | null>(null);

function useDraft(): DraftApi {
  const api = useContext(DraftContext);
  if (!api) throw new Error('settings fields need a DraftContext');
  return api;
}

export function Problems({ path }: { path: string }) {
  const { problems } = useDraft();
  const messages = problemsAt(problems, path);
  if (messages.length === 0) return null;
  return (
    <span data-testid={`problem-${path}`} role="alert" style={{ color: token('color.text.danger'), font: token('font.body.small') }}>
      {messages.join('; ')}
    </span>
  );
}

function Field({ label, path, hint, children }: { label: string; path: string; hint?: string; children: ReactNode }) {
  return (
    <div data-field={path}>
      <Column gap="space.050">
        <label style={{ font: token('font.body.small'), color: token('color.text.subtle'), fontWeight: token('font.weight.semibold', '600') }}>
          {label}
          {hint && <span style={{ fontWeight: 'normal' }}> — {hint}</span>}
        </label>
        {children}
        <Problems path={path} />
      </Column>
    </div>
  );
}

/** A text setting: empty text in an optional one is no value at all, so the setting is left out. */
function useTextSetting(path: string, optional?: boolean) {
  const { draft, update, problems, readOnly } = useDraft();
  const value = getAt(draft, path);
  return {
    value: typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value),
    isReadOnly: readOnly,
    isInvalid: problemsAt(problems, path).length > 0,
    onChange: (e: { currentTarget: { value: string } }) => {
      const text = e.currentTarget.value;
      update(path, optional && text.trim() === '' ? undefined : text);
    },
  };
}

export function TextField({ label, path, hint, optional }: { label: string; path: string; hint?: string; optional?: boolean }) {
  const setting = useTextSetting(path, optional);
  return (
    <Field label={label} path={path} hint={hint}>
      <TextInput aria-label={label} testId={`field-${path}`} isCompact {...setting} />
    </Field>
  );
}

export function LongTextField({ label, path, hint, optional }: { label: string; path: string; hint?: string; optional?: boolean }) {
  const setting = useTextSetting(path, optional);
  return (
    <Field label={label} path={path} hint={hint}>
      <TextArea aria-label={label} testId={`field-${path}`} minimumRows={3} {...setting} />
    </Field>
  );
}

/** A number; what cannot be read as one is kept as typed, so the server names the problem. */
export function NumberField({ label, path, hint, optional }: { label: string; path: string; hint?: string; optional?: boolean }) {
  const { draft, update, problems, readOnly } = useDraft();
  const value = getAt(draft, path);
  return (
    <Field label={label} path={path} hint={hint}>
      <TextInput
        aria-label={label}
        testId={`field-${path}`}
        inputMode="numeric"
        width="small"
        value={value === undefined || value === null ? '' : String(value)}
        isReadOnly={readOnly}
        isInvalid={problemsAt(problems, path).length > 0}
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
export function ListField({ label, path, hint, separator }: { label: string; path: string; hint?: string; separator: 'line' | 'comma' }) {
  const { draft, update, problems, readOnly } = useDraft();
  const value = getAt(draft, path);
  const list = Array.isArray(value) ? value.map((v) => String(v)) : [];
  const text = list.join(separator === 'line' ? '\n' : ', ');
  const itemProblems = problems.filter((p) => p.path.startsWith(`${path}.`));
  const parse = (raw: string): Json => raw.split(separator === 'line' ? /\r?\n/ : /,/).map((s) => s.trim()).filter((s) => s !== '');
  return (
    <Field label={label} path={path} hint={hint}>
      {separator === 'line' ? (
        <TextArea aria-label={label} testId={`field-${path}`} defaultValue={text} isReadOnly={readOnly} minimumRows={2} onBlur={(e) => update(path, parse(e.currentTarget.value))} />
      ) : (
        <TextInput aria-label={label} testId={`field-${path}`} defaultValue={text} isReadOnly={readOnly} isCompact onBlur={(e) => update(path, parse(e.currentTarget.value))} />
      )}
      {itemProblems.map((p) => (
        <span key={p.path} role="alert" style={{ color: token('color.text.danger'), font: token('font.body.small') }}>
          {list[Number(p.path.split('.')[1])] ?? p.path}: {p.message}
        </span>
      ))}
    </Field>
  );
}

export function ChoiceField<T extends string>({ label, path, options }: { label: string; path: string; options: { value: T; label: string }[] }) {
  const { draft, update, readOnly } = useDraft();
  const value = getAt(draft, path);
  return (
    <Field label={label} path={path}>
      <NativeSelect label={label} testId={`field-${path}`} disabled={readOnly} value={(typeof value === 'string' ? value : '') as T | ''} options={options} onChange={(v) => update(path, v)} />
    </Field>
  );
}

export function CheckboxField({ label, path }: { label: string; path: string }) {
  const { draft, update, readOnly } = useDraft();
  return (
    <div data-field={path}>
      <label>
        <input type="checkbox" data-testid={`field-${path}`} disabled={readOnly} checked={getAt(draft, path) === true} onChange={(e) => update(path, e.target.checked)} /> {label}
      </label>
      <Problems path={path} />
    </div>
  );
}

/** A list of objects: each item rendered by `item`, with add and remove. */
export function ListEditor({ path, title, newItem, item }: { path: string; title: string; newItem: Json; item: (itemPath: string, index: number) => ReactNode }) {
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
                  <Button spacing="compact" appearance="subtle" onClick={() => update(path, list.filter((__, j) => j !== i))}>
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
