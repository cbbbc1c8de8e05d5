import { route } from '@forge/api';
import { z } from 'zod';
import type { AdfDoc } from '../../domain/messages/adf';
import { PROGRAM_EFFECTS } from '../../domain/program-effects';
import { REVIEW_EFFECTS } from '../../domain/review-types';
import type { EffectMark, PostedComment } from '../../ports';
import { adfText } from './adf-text';
import type { JiraClient } from './jira-client';
import { JiraApiError, JiraUnreachableError } from './jira-errors';

/** Comment property that marks what the app posted, so a retry can find it. */
export const EFFECT_PROPERTY = 'cf-tracker.effect';
/** JSM's comment property: `{ internal: true }` makes a comment an internal note. */
export const JSM_VISIBILITY_PROPERTY = 'sd.public.comment';

const PAGE_SIZE = 100;
/** A ticket with more comments than this is not searched further for a mark. */
const MAX_PAGES = 20;
const POST_ATTEMPTS = 3;

const markSchema = z.object({
  issueKey: z.string(),
  cycleId: z.string(),
  effect: z.enum([...REVIEW_EFFECTS, ...PROGRAM_EFFECTS]),
});

const commentSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  author: z.object({ accountId: z.string(), accountType: z.string().optional() }).passthrough().nullish(),
  body: z.unknown(),
  created: z.string(),
  updated: z.string().optional(),
  jsdPublic: z.boolean().optional(),
  properties: z.array(z.object({ key: z.string(), value: z.unknown() })).optional(),
});
type JiraComment = z.infer<typeof commentSchema>;

const commentPageSchema = z.object({
  comments: z.array(commentSchema),
  startAt: z.number().optional(),
  total: z.number().optional(),
});

/** What a previous attempt to post left behind; lets a first attempt skip the search of the ticket. */
export interface PostLog {
  read(key: string): Promise<{ state: 'started' } | { state: 'posted'; id: string } | undefined>;
  write(key: string, value: { state: 'started' } | { state: 'posted'; id: string }): Promise<void>;
}

export function markKey(mark: EffectMark): string {
  return `${mark.issueKey}:${mark.cycleId}:${mark.effect}`;
}

/**
 * Posts a marked comment exactly once. Searching the ticket for the mark costs requests, so it
 * is done only when a previous attempt was started and did not record its result (a crash, a
 * timeout, a 5xx after which Jira may have posted it anyway). Without a log, it always searches.
 */
export async function postCommentOnce(
  jira: JiraClient,
  log: PostLog | undefined,
  mark: EffectMark,
  body: AdfDoc,
  visibility: 'public' | 'internal',
  options: { lookFirst?: boolean } = {},
): Promise<{ id: string; alreadyThere: boolean; firstAttempt?: boolean }> {
  if (options.lookFirst) log = undefined;
  const key = markKey(mark);
  const prior = log ? await log.read(key) : undefined;
  if (prior?.state === 'posted') return { id: prior.id, alreadyThere: true };
  if (!log || prior?.state === 'started') {
    const found = await findMarkedComment(jira, mark);
    if (found) {
      await recordQuietly(log, key, found);
      return { id: found, alreadyThere: true };
    }
  }
  await log?.write(key, { state: 'started' });

  for (let attempt = 1; ; attempt++) {
    try {
      const posted = await jira.read(
        {
          method: 'POST',
          path: route`/rest/api/3/issue/${mark.issueKey}/comment`,
          json: {
            body,
            properties: [
              { key: JSM_VISIBILITY_PROPERTY, value: { internal: visibility === 'internal' } },
              { key: EFFECT_PROPERTY, value: { issueKey: mark.issueKey, cycleId: mark.cycleId, effect: mark.effect } },
            ],
          },
          unsafe: true,
        },
        z.object({ id: z.union([z.string(), z.number()]).transform(String) }),
      );
      await recordQuietly(log, key, posted.id);
      // Only the log can tell that nothing was attempted before: without one, assume it was.
      return { id: posted.id, alreadyThere: false, firstAttempt: !!log && prior === undefined && attempt === 1 };
    } catch (error) {
      const mayHavePosted = error instanceof JiraUnreachableError || (error instanceof JiraApiError && error.transient);
      if (!mayHavePosted || attempt >= POST_ATTEMPTS) throw error;
      const found = await findMarkedComment(jira, mark);
      if (found) {
        await recordQuietly(log, key, found);
        return { id: found, alreadyThere: true };
      }
    }
  }
}

/** The id of the comment carrying `mark`, newest first, paging as needed. */
export async function findMarkedComment(jira: JiraClient, mark: EffectMark): Promise<string | undefined> {
  for (let page = 0, startAt = 0; page < MAX_PAGES; page++) {
    const result = await readCommentPage(jira, mark.issueKey, startAt);
    const hit = result.comments.find((comment) => sameMark(readMark(comment, result.appAccountId), mark));
    if (hit) return hit.id;
    startAt += result.comments.length;
    if (result.comments.length === 0 || (result.total !== undefined && startAt >= result.total)) return undefined;
  }
  console.warn(
    `${mark.issueKey}: stopped looking for the ${mark.effect} comment after ${MAX_PAGES * PAGE_SIZE} comments`,
  );
  return undefined;
}

const appAccounts = new WeakMap<JiraClient, Promise<string>>();

/** The app's own account (`myself` asked as the app), once per client. */
function appAccountIdOf(jira: JiraClient): Promise<string> {
  let id = appAccounts.get(jira);
  if (!id) {
    id = jira
      .read({ method: 'GET', path: route`/rest/api/3/myself` }, z.object({ accountId: z.string() }))
      .then((me) => me.accountId);
    appAccounts.set(jira, id);
    id.catch(() => appAccounts.delete(jira));
  }
  return id;
}

/**
 * One page of the ticket's comments, newest first. Their properties are read with Jira's
 * documented `comment/list` (the comment list itself has no properties to expand), and only for
 * the app's own comments: marks on anyone else's comment are not the app's and are not read.
 */
async function readCommentPage(
  jira: JiraClient,
  issueKey: string,
  startAt: number,
): Promise<{ comments: JiraComment[]; total?: number; appAccountId?: string }> {
  const result = await jira.read(
    {
      method: 'GET',
      path: route`/rest/api/3/issue/${issueKey}/comment?orderBy=-created&startAt=${startAt}&maxResults=${PAGE_SIZE}`,
    },
    commentPageSchema,
  );
  if (!result.comments.some((c) => c.author?.accountType === 'app')) return result;
  const { comments, appAccountId } = await readCommentsById(jira, result.comments);
  return { ...result, comments, appAccountId };
}

/**
 * The ticket's comments posted after `since` (the notice), newest first: pages of Jira's list
 * newest first, stopping at the notice itself or the first comment older than it. Each comment
 * keeps its raw body, so a reply reads the same as in the comment event.
 */
export async function commentsSince(
  jira: JiraClient,
  issueKey: string,
  since: { commentId?: string; at: string },
): Promise<PostedComment[]> {
  const out: PostedComment[] = [];
  const sinceMs = Date.parse(since.at);
  for (let page = 0, startAt = 0; page < MAX_PAGES; page++) {
    const result = await readCommentPage(jira, issueKey, startAt);
    for (const comment of result.comments) {
      const created = Date.parse(comment.created.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
      if (comment.id === since.commentId || (Number.isFinite(created) && created < sinceMs)) return out;
      out.push({ ...toPostedComment(comment, result.appAccountId), body: comment.body });
    }
    startAt += result.comments.length;
    if (result.comments.length === 0 || (result.total !== undefined && startAt >= result.total)) return out;
  }
  console.warn(`${issueKey}: read the newest ${MAX_PAGES * PAGE_SIZE} comments since the notice, not further`);
  return out;
}

export async function getComment(jira: JiraClient, issueKey: string, commentId: string): Promise<PostedComment | null> {
  let comment: JiraComment;
  try {
    comment = await jira.read(
      { method: 'GET', path: route`/rest/api/3/issue/${issueKey}/comment/${commentId}` },
      commentSchema,
    );
  } catch (error) {
    if (error instanceof JiraApiError && error.status === 404) return null;
    throw error;
  }
  if (comment.author?.accountType !== 'app') return toPostedComment(comment);
  const { comments, appAccountId } = await readCommentsById(jira, [comment]);
  return toPostedComment(comments[0] ?? comment, appAccountId);
}

/** The properties of the app's own comments among `comments` (documented `comment/list`). */
async function readCommentsById(
  jira: JiraClient,
  comments: JiraComment[],
): Promise<{ comments: JiraComment[]; appAccountId: string }> {
  const appAccountId = await appAccountIdOf(jira);
  const ids = comments.filter((c) => c.author?.accountId === appAccountId).map((c) => Number(c.id));
  if (ids.length === 0) return { comments, appAccountId };
  const listed = await jira.read(
    { method: 'POST', path: route`/rest/api/3/comment/list?expand=properties`, json: { ids } },
    z.object({ values: z.array(commentSchema) }),
  );
  const properties = new Map(listed.values.map((c) => [c.id, c.properties]));
  return {
    appAccountId,
    comments: comments.map((c) => (properties.get(c.id) ? { ...c, properties: properties.get(c.id) } : c)),
  };
}

function toPostedComment(comment: JiraComment, appAccountId?: string): PostedComment {
  const visibility = comment.properties?.find((p) => p.key === JSM_VISIBILITY_PROPERTY)?.value as
    { internal?: unknown } | undefined;
  const internal =
    visibility && typeof visibility === 'object' ? visibility.internal === true : comment.jsdPublic === false;
  const posted: PostedComment = {
    id: comment.id,
    authorAccountId: comment.author?.accountId ?? '',
    text: typeof comment.body === 'string' ? comment.body : adfText(comment.body),
    public: !internal,
    created: comment.created,
    updated: comment.updated ?? comment.created,
  };
  if (comment.author?.accountType) posted.authorAccountType = comment.author.accountType;
  const mark = readMark(comment, appAccountId);
  if (mark) posted.mark = mark;
  return posted;
}

/** The app's mark, trusted only on the app's own comments: anyone may set properties on theirs. */
function readMark(comment: JiraComment, appAccountId: string | undefined): EffectMark | undefined {
  if (!appAccountId || comment.author?.accountId !== appAccountId) return undefined;
  const value = comment.properties?.find((p) => p.key === EFFECT_PROPERTY)?.value;
  const parsed = markSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

function sameMark(a: EffectMark | undefined, b: EffectMark): boolean {
  return !!a && a.issueKey === b.issueKey && a.cycleId === b.cycleId && a.effect === b.effect;
}

/** The comment is on the ticket; failing to note it only costs a search next time. */
async function recordQuietly(log: PostLog | undefined, key: string, id: string): Promise<void> {
  try {
    await log?.write(key, { state: 'posted', id });
  } catch (error) {
    console.warn(`posted comment ${id} not noted (${key}): ${error instanceof Error ? error.message : String(error)}`);
  }
}
