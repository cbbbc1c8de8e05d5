import AkHeading from '@atlaskit/heading';
import type { ReactNode } from 'react';

export function Heading({
  size,
  as,
  children,
}: {
  size: 'large' | 'medium' | 'small';
  as: 'h1' | 'h2';
  children: ReactNode;
}) {
  return (
    <AkHeading size={size} as={as}>
      {/* App names can be one long word; the sidebar must not scroll sideways. */}
      <span style={{ overflowWrap: 'anywhere' }}>{children}</span>
    </AkHeading>
  );
}
