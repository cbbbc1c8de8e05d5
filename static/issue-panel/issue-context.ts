import { view } from '@forge/bridge';

/** The ticket the panel is shown on, from the host's context. */
export async function currentIssueKey(): Promise<string | null> {
  const context = (await view.getContext()) as { extension?: { issue?: { key?: unknown } } } | null;
  const key = context?.extension?.issue?.key;
  return typeof key === 'string' && key.length > 0 ? key : null;
}
