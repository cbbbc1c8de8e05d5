import { token } from '@atlaskit/tokens';
import type { CSSProperties, ReactNode } from 'react';
import type { LozengeAppearance } from '../labels';

const SUBTLE: Record<LozengeAppearance, [string, string]> = {
  default: [token('color.background.neutral'), token('color.text.subtle')],
  inprogress: [token('color.background.information'), token('color.text.information')],
  moved: [token('color.background.warning'), token('color.text.warning')],
  new: [token('color.background.discovery'), token('color.text.discovery')],
  removed: [token('color.background.danger'), token('color.text.danger')],
  success: [token('color.background.success'), token('color.text.success')],
};

const BOLD: Record<LozengeAppearance, [string, string]> = {
  default: [token('color.background.neutral.bold'), token('color.text.inverse')],
  inprogress: [token('color.background.information.bold'), token('color.text.inverse')],
  moved: [token('color.background.warning.bold'), token('color.text.warning.inverse')],
  new: [token('color.background.discovery.bold'), token('color.text.inverse')],
  removed: [token('color.background.danger.bold'), token('color.text.inverse')],
  success: [token('color.background.success.bold'), token('color.text.inverse')],
};

/** A status label in Atlassian's lozenge look. */
export function Lozenge({
  appearance = 'default',
  isBold,
  children,
}: {
  appearance?: LozengeAppearance;
  isBold?: boolean;
  children: ReactNode;
}) {
  const [background, color] = (isBold ? BOLD : SUBTLE)[appearance];
  const style: CSSProperties = {
    display: 'inline-block',
    boxSizing: 'border-box',
    maxWidth: '100%',
    padding: `0 ${token('space.050')}`,
    borderRadius: token('radius.small', '3px'),
    background,
    color,
    font: token('font.body.small'),
    fontWeight: token('font.weight.bold', '700'),
    lineHeight: '16px',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    verticalAlign: 'middle',
  };
  return <span style={style}>{children}</span>;
}
