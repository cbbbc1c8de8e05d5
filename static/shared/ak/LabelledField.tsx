import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import type { ReactNode } from 'react';

/** The ids a field's control names in `aria-describedby`: its hint and its problem, when shown. */
export function describedBy(id: string, parts: { hint?: string; problem?: ReactNode }): string | undefined {
  const ids = [parts.hint ? `${id}-hint` : '', parts.problem ? `${id}-problem` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/**
 * A control with Atlassian's form label above it (a real `<label for>`, so a click or a screen
 * reader finds the control), its hint and its problem below, both read out with the control.
 */
export function LabelledField(props: {
  id: string;
  label: string;
  hint?: string;
  problem?: ReactNode;
  problemTestId?: string;
  children: ReactNode;
}) {
  return (
    <div>
      <Label htmlFor={props.id}>{props.label}</Label>
      {/* A native select is inline; the control goes under its label like a text field. */}
      <div>{props.children}</div>
      {props.hint && (
        <div id={`${props.id}-hint`}>
          <HelperMessage>{props.hint}</HelperMessage>
        </div>
      )}
      {props.problem && (
        <div id={`${props.id}-problem`} role="alert">
          <ErrorMessage testId={props.problemTestId}>{props.problem}</ErrorMessage>
        </div>
      )}
    </div>
  );
}
