import * as path from 'path';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../sandbox';

export const FIXTURE_APP = path.join(__dirname, 'fixtures', 'sandbox-app');

export const AGENT = 'agent-ada';
export const PARTNER = 'partner-pat';
export const OTHER_PARTNER = 'partner-olga';

/** A sandbox running the fixture app, with an agent, two partners and one submission ticket. */
export async function fixtureSandbox(options: SandboxOptions = {}): Promise<{ sb: Sandbox; key: string }> {
  const sb = await createSandbox({ appRoot: FIXTURE_APP, now: '2026-03-01T09:00:00Z', ...options });
  if (!sb.jira.users.has(AGENT)) {
    sb.jira.addUser({ accountId: AGENT, displayName: 'Ada Agent', kind: 'agent' });
    sb.jira.addUser({ accountId: PARTNER, displayName: 'Pat Partner', kind: 'partner', email: 'pat@vendor.example' });
    sb.jira.addUser({ accountId: OTHER_PARTNER, displayName: 'Olga Other', kind: 'partner' });
  }
  const key =
    sb.jira.issueKeys()[0] ??
    sb.jira.addIssue({ summary: 'Acme Timesheets for Jira', reporter: PARTNER, requestType: 'App submission' });
  return { sb, key };
}

export async function kvsCall(sb: Sandbox, payload: Record<string, unknown>) {
  return (await sb.invokeResolver('kvs', payload, { accountId: AGENT })) as {
    ok: boolean;
    code?: string;
    status?: number;
    value?: unknown;
    keys?: string[];
    nextCursor?: string | null;
  };
}

// Jira answers are read field by field in the tests, in many shapes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type JiraJson = any;

export async function jiraCall(sb: Sandbox, payload: Record<string, unknown>, accountId = AGENT) {
  return (await sb.invokeResolver('jira', payload, { accountId })) as {
    status: number;
    retryAfter: string | null;
    location: string | null;
    json: JiraJson;
  };
}
