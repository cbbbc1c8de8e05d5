import { route } from '@forge/api';
import { z } from 'zod';
import type { JiraClient } from './jira-client';
import { JiraApiError, JiraUnreachableError } from './jira-errors';

// JSM forms have no published OpenAPI spec: these few calls read only what they need, leniently.

const formIndexSchema = z.array(
  z
    .object({
      id: z.union([z.string(), z.number()]).transform(String),
      formTemplate: z.object({ id: z.union([z.string(), z.number()]).transform(String) }).nullish(),
      internal: z.boolean().optional(),
      submitted: z.boolean().optional(),
    })
    .passthrough(),
);

const addedFormSchema = z.object({ id: z.union([z.string(), z.number()]).transform(String) }).passthrough();

async function listForms(jira: JiraClient, issueKey: string) {
  return jira.read({ method: 'GET', path: route`/forms/issue/${issueKey}/form` }, formIndexSchema);
}

/** Adds the form from its template once per ticket and template, and shows it to the customer. */
export async function addFormOnce(
  jira: JiraClient,
  issueKey: string,
  templateId: string,
): Promise<{ formId: string; alreadyThere: boolean }> {
  const existing = (await listForms(jira, issueKey)).find((f) => f.formTemplate?.id === templateId);
  if (existing) {
    // A previous attempt may have stopped between adding the form and showing it.
    if (existing.internal !== false) await makeExternal(jira, issueKey, existing.id);
    return { formId: existing.id, alreadyThere: true };
  }
  let formId: string;
  try {
    const added = await jira.read(
      {
        method: 'POST',
        path: route`/forms/issue/${issueKey}/form`,
        json: { formTemplate: { id: templateId } },
        unsafe: true,
      },
      addedFormSchema,
    );
    formId = added.id;
  } catch (error) {
    const mayHaveAdded = error instanceof JiraUnreachableError || (error instanceof JiraApiError && error.transient);
    if (!mayHaveAdded) throw error;
    const landed = (await listForms(jira, issueKey)).find((f) => f.formTemplate?.id === templateId);
    if (!landed) throw error;
    formId = landed.id;
  }
  await makeExternal(jira, issueKey, formId);
  return { formId, alreadyThere: false };
}

async function makeExternal(jira: JiraClient, issueKey: string, formId: string): Promise<void> {
  await jira.send({ method: 'PUT', path: route`/forms/issue/${issueKey}/form/${formId}/action/external` });
}

const answersSchema = z.union([
  z.array(
    z
      .object({
        label: z.string().optional(),
        fieldKey: z.string().optional(),
        questionKey: z.string().optional(),
        questionId: z.union([z.string(), z.number()]).optional(),
        answer: z.unknown(),
      })
      .passthrough(),
  ),
  z.record(z.unknown()),
]);

/**
 * The form's answers keyed by question (label when it has one); null when the form is gone or
 * the partner has not submitted it yet (a form being filled in is not an answer).
 */
export async function readFormAnswers(
  jira: JiraClient,
  issueKey: string,
  formId: string,
): Promise<Record<string, unknown> | null> {
  let answers: z.infer<typeof answersSchema>;
  try {
    const form = (await listForms(jira, issueKey)).find((f) => f.id === formId);
    if (!form?.submitted) return null;
    answers = await jira.read(
      { method: 'GET', path: route`/forms/issue/${issueKey}/form/${formId}/format/answers` },
      answersSchema,
    );
  } catch (error) {
    if (error instanceof JiraApiError && error.status === 404) return null;
    throw error;
  }
  if (!Array.isArray(answers)) return answers;
  const byQuestion: Record<string, unknown> = {};
  answers.forEach((entry, i) => {
    const key =
      entry.label ??
      entry.fieldKey ??
      entry.questionKey ??
      (entry.questionId !== undefined ? String(entry.questionId) : `question-${i + 1}`);
    byQuestion[key] = entry.answer ?? null;
  });
  return byQuestion;
}
