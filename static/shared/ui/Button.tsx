import type { ReactNode } from 'react';
import { useStyles } from './styles';

export type ButtonAppearance = 'default' | 'primary' | 'subtle' | 'warning' | 'danger';

/** Atlassian's button look on design tokens, with the props the pages use. */
export function Button(props: {
  children: ReactNode;
  appearance?: ButtonAppearance;
  spacing?: 'default' | 'compact';
  isDisabled?: boolean;
  isSelected?: boolean;
  type?: 'button' | 'submit';
  testId?: string;
  title?: string;
  onClick?: () => void;
}) {
  useStyles();
  const classes = ['cf-btn'];
  if (props.appearance && props.appearance !== 'default') classes.push(`cf-btn--${props.appearance}`);
  if (props.spacing === 'compact') classes.push('cf-btn--compact');
  return (
    <button
      type={props.type ?? 'button'}
      className={classes.join(' ')}
      disabled={props.isDisabled}
      aria-pressed={props.isSelected === undefined ? undefined : props.isSelected}
      data-testid={props.testId}
      title={props.title}
      onClick={props.onClick}
    >
      {props.children}
    </button>
  );
}

/** Buttons joined edge to edge, for a choice between a few actions. */
export function ButtonGroup({ label, children }: { label: string; children: ReactNode }) {
  useStyles();
  return (
    <div className="cf-group" role="group" aria-label={label}>
      {children}
    </div>
  );
}
