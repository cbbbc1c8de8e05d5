import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';

export type MessageAppearance = 'information' | 'warning' | 'error' | 'success';

const LOOK: Record<MessageAppearance, { background: string; icon: string; glyph: string }> = {
  information: { background: token('color.background.information'), icon: token('color.icon.information'), glyph: 'i' },
  warning: { background: token('color.background.warning'), icon: token('color.icon.warning'), glyph: '!' },
  error: { background: token('color.background.danger'), icon: token('color.icon.danger'), glyph: '!' },
  success: { background: token('color.background.success'), icon: token('color.icon.success'), glyph: '✓' },
};

/** A message box in the look of Atlassian's section message: tinted background, round icon. */
export function SectionMessage({
  appearance = 'information',
  title,
  children,
}: {
  appearance?: MessageAppearance;
  title?: string;
  children: ReactNode;
}) {
  const look = LOOK[appearance];
  return (
    <section
      style={{
        display: 'flex',
        gap: token('space.100'),
        padding: token('space.150'),
        borderRadius: token('radius.small', '3px'),
        background: look.background,
        color: token('color.text'),
        overflowWrap: 'anywhere',
      }}
    >
      <span
        aria-hidden
        style={{
          flex: '0 0 auto',
          width: '16px',
          height: '16px',
          marginTop: '2px',
          borderRadius: '50%',
          background: look.icon,
          color: token('elevation.surface'),
          font: token('font.body.small'),
          fontWeight: token('font.weight.bold', '700'),
          lineHeight: '16px',
          textAlign: 'center',
        }}
      >
        {look.glyph}
      </span>
      <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.050'), minWidth: 0 }}>
        {title && <strong style={{ font: token('font.heading.xsmall') }}>{title}</strong>}
        {children}
      </div>
    </section>
  );
}
