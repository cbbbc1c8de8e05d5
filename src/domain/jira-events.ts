import { z } from 'zod';

/** The product events the app listens to, as Forge delivers them: only the fields the app reads are required. */

const user = z.object({ accountId: z.string().min(1), accountType: z.string().optional() }).passthrough();

const issueSchema = z
  .object({
    id: z.union([z.string(), z.number()]).transform(String),
    key: z.string().min(1),
    fields: z.object({ reporter: user.nullish(), updated: z.string().nullish() }).passthrough().optional(),
  })
  .passthrough();

export const commentEventSchema = z
  .object({
    eventType: z.literal('avi:jira:commented:issue'),
    issue: issueSchema,
    comment: z
      .object({
        id: z.union([z.string(), z.number()]).transform(String),
        author: user.optional(),
        body: z.unknown().optional(),
        created: z.string().optional(),
        updated: z.string().optional(),
        jsdPublic: z.boolean().optional(),
      })
      .passthrough(),
    atlassianId: z.string().optional(),
  })
  .passthrough();

export const updateEventSchema = z
  .object({
    eventType: z.literal('avi:jira:updated:issue'),
    issue: issueSchema,
    atlassianId: z.string().optional(),
    changelog: z
      .object({
        id: z.union([z.string(), z.number()]).optional(),
        items: z.array(
          z
            .object({ field: z.string().optional(), fieldId: z.string().optional(), toString: z.string().nullish() })
            .passthrough(),
        ),
      })
      .passthrough()
      .optional(),
  })
  .passthrough();

export type CommentEvent = z.infer<typeof commentEventSchema>;
export type UpdateEvent = z.infer<typeof updateEventSchema>;
