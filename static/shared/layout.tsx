import { token } from '@atlaskit/tokens';
import type { CSSProperties, ReactNode } from 'react';

/** Small layout helpers on design tokens: the pages need rows and columns, nothing more. */
export function Column({
  gap = 'space.100',
  children,
  style,
}: {
  gap?: SpaceToken;
  children: ReactNode;
  style?: CSSProperties;
}) {
  return <div style={{ display: 'flex', flexDirection: 'column', gap: token(gap), ...style }}>{children}</div>;
}

export function Row({
  gap = 'space.100',
  children,
  wrap = true,
  style,
}: {
  gap?: SpaceToken;
  children: ReactNode;
  wrap?: boolean;
  style?: CSSProperties;
}) {
  return (
    <div
      style={{
        display: 'flex',
        flexDirection: 'row',
        alignItems: 'center',
        flexWrap: wrap ? 'wrap' : 'nowrap',
        gap: token(gap),
        ...style,
      }}
    >
      {children}
    </div>
  );
}

type SpaceToken = 'space.050' | 'space.075' | 'space.100' | 'space.150' | 'space.200' | 'space.300';

export function Subtle({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <span data-testid={testId} style={{ color: token('color.text.subtle'), font: token('font.body.small') }}>
      {children}
    </span>
  );
}

export function SectionTitle({ children }: { children: ReactNode }) {
  return (
    <h3
      style={{
        margin: `${token('space.150')} 0 ${token('space.050')}`,
        font: token('font.heading.xsmall'),
        color: token('color.text'),
      }}
    >
      {children}
    </h3>
  );
}

export function Card({
  children,
  testId,
  tone,
}: {
  children: ReactNode;
  testId?: string;
  tone?: 'warning' | 'danger';
}) {
  const border =
    tone === 'danger'
      ? token('color.border.danger')
      : tone === 'warning'
        ? token('color.border.warning')
        : token('color.border');
  return (
    <div
      data-testid={testId}
      style={{
        border: `1px solid ${border}`,
        borderRadius: token('radius.medium', '6px'),
        padding: token('space.100'),
        background: token('elevation.surface'),
      }}
    >
      {children}
    </div>
  );
}

export const pageStyle: CSSProperties = {
  color: token('color.text'),
  background: token('elevation.surface'),
  font: token('font.body'),
  padding: token('space.100'),
  minHeight: '100%',
};

/** A native select styled with tokens: light on the panel's bundle, themed in dark mode. */
export function NativeSelect<T extends string>(props: {
  label: string;
  /** With a visible `<label htmlFor>`, which then names the select. */
  id?: string;
  value: T | '';
  options: { value: T; label: string }[];
  onChange: (value: T) => void;
  placeholder?: string;
  testId?: string;
  disabled?: boolean;
}) {
  return (
    <select
      id={props.id}
      aria-label={props.id ? undefined : props.label}
      data-testid={props.testId}
      value={props.value}
      disabled={props.disabled}
      onChange={(e) => props.onChange(e.target.value as T)}
      style={{
        font: token('font.body'),
        color: token('color.text'),
        background: token('color.background.input'),
        border: `1px solid ${token('color.border.input')}`,
        borderRadius: token('radius.small', '3px'),
        padding: `${token('space.050')} ${token('space.075')}`,
        maxWidth: '100%',
      }}
    >
      {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
      {props.options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
