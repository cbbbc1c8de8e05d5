import AkSpinner from '@atlaskit/spinner';

/** Atlassian's spinner: a few KB, so the real component rather than a look-alike. */
export function Spinner({ label }: { label: string }) {
  return <AkSpinner size="small" label={label} />;
}
