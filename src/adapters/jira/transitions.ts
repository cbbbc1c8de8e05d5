import { route } from '@forge/api';
import { z } from 'zod';
import type { JiraClient } from './jira-client';

const transitionsSchema = z.object({
  transitions: z.array(
    z.object({
      id: z.union([z.string(), z.number()]).transform(String),
      name: z.string().optional(),
      to: z.object({ name: z.string() }),
    }),
  ),
});
const statusSchema = z.object({ fields: z.object({ status: z.object({ name: z.string() }) }) });

/**
 * Moves the ticket to one of `statusNames` (case-insensitive) through the workflow. The
 * workflow decides: when no available transition leads there, the answer names where the
 * ticket is so the agent knows why.
 */
export async function transitionTo(
  jira: JiraClient,
  issueKey: string,
  statusNames: string[],
): Promise<{ ok: true; status: string } | { ok: false; reason: string }> {
  const wanted = new Set(statusNames.map((name) => name.toLowerCase()));
  const { transitions } = await jira.read(
    { method: 'GET', path: route`/rest/api/3/issue/${issueKey}/transitions` },
    transitionsSchema,
  );
  const transition = transitions.find((t) => wanted.has(t.to.name.toLowerCase()));
  if (transition) {
    await jira.send({
      method: 'POST',
      path: route`/rest/api/3/issue/${issueKey}/transitions`,
      json: { transition: { id: transition.id } },
    });
    return { ok: true, status: transition.to.name };
  }
  const current = await jira.read(
    { method: 'GET', path: route`/rest/api/3/issue/${issueKey}?fields=status` },
    statusSchema,
  );
  const status = current.fields.status.name;
  if (wanted.has(status.toLowerCase())) return { ok: true, status };
  const targets = statusNames.length ? statusNames.map((name) => `"${name}"`).join(' or ') : 'a mapped status';
  return {
    ok: false,
    reason: `${issueKey} is in "${status}" and its workflow offers no transition from there to ${targets}.`,
  };
}
