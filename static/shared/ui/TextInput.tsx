import type { ChangeEvent, FocusEvent } from 'react';
import { useStyles } from './styles';

type Field = HTMLInputElement & HTMLTextAreaElement;

/** Controlled (`value` + `onChange`) or read when the field is left (`defaultValue` + `onBlur`). */
interface Common {
  value?: string;
  defaultValue?: string;
  onChange?: (e: ChangeEvent<Field>) => void;
  onBlur?: (e: FocusEvent<Field>) => void;
  'aria-label'?: string;
  id?: string;
  placeholder?: string;
  testId?: string;
  isReadOnly?: boolean;
  isInvalid?: boolean;
  isRequired?: boolean;
  maxLength?: number;
}

/** The attributes a one-line field and a text area share. */
function commonAttributes(props: Common) {
  return {
    id: props.id,
    'aria-label': props['aria-label'],
    'aria-invalid': props.isInvalid || undefined,
    placeholder: props.placeholder,
    'data-testid': props.testId,
    readOnly: props.isReadOnly,
    required: props.isRequired,
    maxLength: props.maxLength,
    value: props.value,
    defaultValue: props.defaultValue,
    onChange: props.onChange,
    onBlur: props.onBlur,
  };
}

const WIDTH = { small: '8em', medium: '16em' } as const;

/** A one-line text field in Atlassian's look. */
export function TextInput(
  props: Common & { isCompact?: boolean; width?: keyof typeof WIDTH; inputMode?: 'numeric' | 'text' },
) {
  useStyles();
  return (
    <input
      className={props.isCompact ? 'cf-input cf-input--compact' : 'cf-input'}
      type="text"
      {...commonAttributes(props)}
      inputMode={props.inputMode}
      style={props.width ? { maxWidth: WIDTH[props.width] } : undefined}
    />
  );
}

/** A text area in Atlassian's look. */
export function TextArea(props: Common & { minimumRows?: number; monospace?: boolean }) {
  useStyles();
  return (
    <textarea
      className="cf-input"
      {...commonAttributes(props)}
      rows={props.minimumRows ?? 3}
      style={props.monospace ? { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' } : undefined}
    />
  );
}
