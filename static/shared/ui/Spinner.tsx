import { token } from '@atlaskit/tokens';
import { useStyles } from './styles';

/** A small loading spinner drawn with the subtle icon colour. */
export function Spinner({ label }: { label: string }) {
  useStyles();
  return (
    <svg className="cf-spinner" width="16" height="16" viewBox="0 0 16 16" role="img" aria-label={label}>
      <circle cx="8" cy="8" r="6.5" fill="none" stroke={token('color.icon.subtle')} strokeWidth="1.5" strokeLinecap="round" strokeDasharray="30 12" />
    </svg>
  );
}
