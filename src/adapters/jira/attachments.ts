import { route } from '@forge/api';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { listAttachments } from './issues';
import type { JiraClient } from './jira-client';
import { JiraApiError, JiraUnreachableError } from './jira-errors';

const ATTACH_ATTEMPTS = 3;

const requestSchema = z.object({ serviceDeskId: z.string() }).passthrough();
const issueAttachedSchema = z
  .array(z.object({ id: z.union([z.string(), z.number()]).transform(String), filename: z.string() }))
  .min(1, 'no attachment in the answer');
const temporarySchema = z.object({
  temporaryAttachments: z
    .array(z.object({ temporaryAttachmentId: z.string() }).passthrough())
    .min(1, 'no temporary file in the answer'),
});
const attachedSchema = z.object({
  attachments: z.object({
    values: z
      .array(z.object({ filename: z.string(), _links: z.object({ jiraRest: z.string() }).passthrough() }).passthrough())
      .min(1, 'no attachment in the answer'),
  }),
});

/**
 * Attaches a text document once: a file of the same name already on the ticket is the one. It
 * goes through JSM's own request attachment, public, so the partner sees it on the portal (a
 * file attached with the platform endpoint may stay hidden from customers).
 */
export async function attachFileOnce(
  jira: JiraClient,
  issueKey: string,
  fileName: string,
  content: string,
  mimeType: string,
  options: { knownAbsent?: boolean } = {},
): Promise<{ id: string; alreadyThere: boolean }> {
  if (!options.knownAbsent) {
    const existing = (await listAttachments(jira, issueKey)).find((a) => a.filename === fileName);
    if (existing) return { id: existing.id, alreadyThere: true };
  }

  const { body, contentType } = multipartFile(fileName, content, mimeType);
  const serviceDeskId = await serviceDeskOf(jira, issueKey);
  for (let attempt = 1; ; attempt++) {
    try {
      const id = serviceDeskId
        ? await attachToRequest(jira, serviceDeskId, issueKey, body, contentType)
        : await attachToIssue(jira, issueKey, body, contentType);
      return { id, alreadyThere: false };
    } catch (error) {
      const mayHaveAttached =
        error instanceof JiraUnreachableError || (error instanceof JiraApiError && error.transient);
      if (!mayHaveAttached || attempt >= ATTACH_ATTEMPTS) throw error;
      const landed = (await listAttachments(jira, issueKey)).find((a) => a.filename === fileName);
      if (landed) return { id: landed.id, alreadyThere: true };
    }
  }
}

/** The service desk of the ticket's JSM request; undefined for an issue that is not a portal request. */
async function serviceDeskOf(jira: JiraClient, issueKey: string): Promise<string | undefined> {
  try {
    return (await jira.read({ method: 'GET', path: route`/rest/servicedeskapi/request/${issueKey}` }, requestSchema))
      .serviceDeskId;
  } catch (error) {
    if (error instanceof JiraApiError && (error.status === 404 || error.status === 400)) return undefined;
    throw error;
  }
}

/** JSM's way, public: a temporary file on the service desk, then attached to the request. */
async function attachToRequest(
  jira: JiraClient,
  serviceDeskId: string,
  issueKey: string,
  body: string,
  contentType: string,
): Promise<string> {
  // A temporary file that is never attached expires on its own: uploading it again is harmless.
  const uploaded = await jira.read(
    {
      method: 'POST',
      path: route`/rest/servicedeskapi/servicedesk/${serviceDeskId}/attachTemporaryFile`,
      raw: { body, contentType },
      headers: { 'X-Atlassian-Token': 'no-check', 'X-ExperimentalApi': 'opt-in' },
    },
    temporarySchema,
  );
  const attached = await jira.read(
    {
      method: 'POST',
      path: route`/rest/servicedeskapi/request/${issueKey}/attachment`,
      json: { temporaryAttachmentIds: uploaded.temporaryAttachments.map((t) => t.temporaryAttachmentId), public: true },
      unsafe: true,
    },
    attachedSchema,
  );
  const link = attached.attachments.values[0]!._links.jiraRest;
  return /\/attachment\/(\d+)/.exec(link)?.[1] ?? link;
}

/** An issue that is not a portal request has no customer to show the file to: the platform endpoint. */
async function attachToIssue(jira: JiraClient, issueKey: string, body: string, contentType: string): Promise<string> {
  const attached = await jira.read(
    {
      method: 'POST',
      path: route`/rest/api/3/issue/${issueKey}/attachments`,
      raw: { body, contentType },
      headers: { 'X-Atlassian-Token': 'no-check' },
      unsafe: true,
    },
    issueAttachedSchema,
  );
  return attached[0]!.id;
}

/**
 * A multipart/form-data body with one part named `file`, built by hand because the platform's
 * requestJira takes no FormData.
 */
export function multipartFile(
  fileName: string,
  content: string,
  mimeType: string,
): { body: string; contentType: string } {
  const boundary = `cf-tracker-${randomUUID()}`;
  const safeName = fileName.replace(/[\r\n"\\]/g, '_');
  const body =
    `--${boundary}\r\n` +
    `Content-Disposition: form-data; name="file"; filename="${safeName}"\r\n` +
    `Content-Type: ${mimeType}\r\n\r\n` +
    `${content}\r\n` +
    `--${boundary}--\r\n`;
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}
