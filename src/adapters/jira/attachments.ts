import { route } from '@forge/api';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { listAttachments } from './issues';
import type { JiraClient } from './jira-client';
import { JiraApiError, JiraUnreachableError } from './jira-errors';

const ATTACH_ATTEMPTS = 3;

const attachedSchema = z
  .array(z.object({ id: z.union([z.string(), z.number()]).transform(String), filename: z.string() }))
  .min(1, 'no attachment in the answer');

/** Attaches a text document once: a file of the same name already on the ticket is the one. */
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
  for (let attempt = 1; ; attempt++) {
    try {
      const attached = await jira.read(
        {
          method: 'POST',
          path: route`/rest/api/3/issue/${issueKey}/attachments`,
          raw: { body, contentType },
          headers: { 'X-Atlassian-Token': 'no-check' },
          unsafe: true,
        },
        attachedSchema,
      );
      return { id: attached[0]!.id, alreadyThere: false };
    } catch (error) {
      const mayHaveAttached = error instanceof JiraUnreachableError || (error instanceof JiraApiError && error.transient);
      if (!mayHaveAttached || attempt >= ATTACH_ATTEMPTS) throw error;
      const landed = (await listAttachments(jira, issueKey)).find((a) => a.filename === fileName);
      if (landed) return { id: landed.id, alreadyThere: true };
    }
  }
}

/**
 * A multipart/form-data body with one part named `file`, built by hand because the platform's
 * requestJira takes no FormData.
 */
export function multipartFile(fileName: string, content: string, mimeType: string): { body: string; contentType: string } {
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
