import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';

const FONT = { large: token('font.heading.large'), medium: token('font.heading.medium'), small: token('font.heading.small') } as const;

export function Heading({ size, as: Tag, children }: { size: keyof typeof FONT; as: 'h1' | 'h2'; children: ReactNode }) {
  return <Tag style={{ margin: 0, font: FONT[size], color: token('color.text'), overflowWrap: 'anywhere' }}>{children}</Tag>;
}
