import { adfProblem, textToAdf } from './adf-text';
import type { JiraRoute, RouteContext } from './jira-emulator';
import {
  ISSUE_TYPE,
  jiraTime,
  KNOWN_PERMISSIONS,
  PROJECT,
  REQUEST_TYPES,
  transitionsFrom,
  type JiraAttachment,
  type JiraIssue,
} from './jira-model';
import { compareForOrder, JqlError, parseJql, type JqlValue } from './jql';
import { boundaryOf, parseMultipart } from './multipart';

type Route = JiraRoute;

const PROPERTY_MAX_BYTES = 32768;

function route(method: string, template: string, run: (ctx: RouteContext) => Response): Route {
  const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '([^/]+)')}$`);
  return { method, template, pattern, run };
}

function q(ctx: RouteContext, name: string): string | undefined {
  const v = ctx.query[name];
  return Array.isArray(v) ? v.join(',') : v;
}

function list(ctx: RouteContext, name: string): string[] {
  const v = q(ctx, name);
  return v
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
}

function int(ctx: RouteContext, name: string, dflt: number): number {
  const v = q(ctx, name);
  return v === undefined ? dflt : Number(v);
}

const notFoundIssue = (ctx: RouteContext) =>
  ctx.jira.error(404, 'Issue does not exist or you do not have permission to see it.');

/** The issue if the caller may see it. */
function visibleIssue(ctx: RouteContext, keyOrId: string): JiraIssue | undefined {
  const issue = ctx.jira.findIssue(keyOrId);
  if (!issue || !ctx.jira.canSee(ctx.req.callerId, issue)) return undefined;
  return issue;
}

function withIssue(ctx: RouteContext, run: (issue: JiraIssue) => Response, permission?: string): Response {
  const issue = visibleIssue(ctx, ctx.params[0] as string);
  if (!issue) return notFoundIssue(ctx);
  if (permission && !ctx.jira.can(ctx.req.callerId, permission, issue)) {
    return ctx.jira.error(403, `You do not have the permission ${permission} on ${issue.key}.`);
  }
  return run(issue);
}

const ALL_FIELDS = [
  'summary',
  'status',
  'project',
  'issuetype',
  'reporter',
  'creator',
  'created',
  'updated',
  'labels',
  'description',
  'comment',
  'attachment',
  'issuelinks',
  'customfield_10010',
];
/** Jira's default link types (name, inward, outward). */
const LINK_TYPES = [
  { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
  { id: '10001', name: 'Cloners', inward: 'is cloned by', outward: 'clones' },
  { id: '10002', name: 'Duplicate', inward: 'is duplicated by', outward: 'duplicates' },
  { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' },
];

function issueJson(
  ctx: RouteContext,
  issue: JiraIssue,
  fieldsParam: string[] | undefined,
  propertiesParam: string[],
  expand: string[],
): Record<string, unknown> {
  const { jira } = ctx;
  let wanted: string[];
  if (!fieldsParam || fieldsParam.length === 0 || fieldsParam.includes('*all')) wanted = [...ALL_FIELDS];
  else if (fieldsParam.includes('*navigable')) wanted = ALL_FIELDS.filter((f) => f !== 'comment');
  else wanted = fieldsParam.filter((f) => !f.startsWith('-'));
  const excluded = new Set((fieldsParam ?? []).filter((f) => f.startsWith('-')).map((f) => f.slice(1)));
  wanted = wanted.filter((f) => !excluded.has(f));
  const requestType = REQUEST_TYPES.find((r) => r.name === issue.requestType);
  const all: Record<string, () => unknown> = {
    summary: () => issue.summary,
    status: () => jira.statusJson(issue.status),
    project: () => jira.projectJson(),
    issuetype: () => ({ self: `${jira.baseUrl}/rest/api/3/issuetype/${ISSUE_TYPE.id}`, ...ISSUE_TYPE }),
    reporter: () => jira.userJson(issue.reporterId),
    creator: () => jira.userJson(issue.reporterId),
    created: () => jiraTime(issue.created),
    updated: () => jiraTime(issue.updated),
    labels: () => issue.labels,
    description: () => (issue.description ? textToAdf(issue.description) : null),
    issuelinks: () =>
      (issue.links ?? []).map((l, i) => {
        const type = LINK_TYPES.find((t) => t.name === l.type);
        const other =
          l.inwardKey === issue.key
            ? { outwardIssue: { id: jira.findIssue(l.outwardKey)?.id, key: l.outwardKey } }
            : { inwardIssue: { id: jira.findIssue(l.inwardKey)?.id, key: l.inwardKey } };
        return { id: String(20000 + i), type, ...other };
      }),
    comment: () => ({
      comments: issue.comments.map((c) => jira.commentJson(c, false, issue)),
      self: `${jira.baseUrl}/rest/api/3/issue/${issue.id}/comment`,
      maxResults: issue.comments.length,
      total: issue.comments.length,
      startAt: 0,
    }),
    attachment: () =>
      issue.attachments
        .filter((a) => a.public || jira.seesInternal(ctx.req.callerId))
        .map((a) => jira.attachmentJson(a)),
    customfield_10010: () =>
      requestType
        ? {
            _links: { web: `${jira.baseUrl}/servicedesk/customer/portal/1/${issue.key}` },
            requestType: { id: requestType.id, name: requestType.name, serviceDeskId: PROJECT.serviceDeskId },
            currentStatus: { status: issue.status },
          }
        : null,
  };
  const fields: Record<string, unknown> = {};
  for (const f of wanted) {
    const read = all[f];
    if (read) fields[f] = read();
  }
  const props: Record<string, unknown> = {};
  const propKeys = propertiesParam.includes('*all') ? Object.keys(issue.properties) : propertiesParam;
  for (const k of propKeys) if (k in issue.properties) props[k] = issue.properties[k];
  return {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: issue.id,
    self: `${jira.baseUrl}/rest/api/3/issue/${issue.id}`,
    key: issue.key,
    fields,
    ...(propertiesParam.length > 0 ? { properties: props } : {}),
    ...(expand.includes('transitions') ? { transitions: transitionsJson(ctx, issue) } : {}),
    ...(expand.includes('changelog')
      ? {
          changelog: {
            startAt: 0,
            maxResults: issue.changelog.length,
            total: issue.changelog.length,
            histories: issue.changelog.map((h) => ({
              id: h.id,
              author: jira.userJson(h.authorId),
              created: jiraTime(h.created),
              items: h.items.map((i) => ({
                field: i.field,
                fieldtype: 'jira',
                fieldId: i.field,
                fromString: i.fromString,
                toString: i.toString,
              })),
            })),
          },
        }
      : {}),
  };
}

function transitionsJson(ctx: RouteContext, issue: JiraIssue) {
  return transitionsFrom(issue.status).map((t) => ({
    id: t.id,
    name: t.name,
    to: ctx.jira.statusJson(t.to.name),
    hasScreen: false,
    isGlobal: false,
    isInitial: false,
    isAvailable: true,
    isConditional: false,
    isLooped: false,
  }));
}

function publicFromProperties(props: { key: string; value: unknown }[]): boolean {
  const p = props.find((x) => x.key === 'sd.public.comment');
  return !(p && (p.value as { internal?: unknown })?.internal === true);
}

function readProperties(raw: unknown): { key: string; value: unknown }[] | string {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) return 'properties must be a list of {key, value}';
  for (const p of raw as { key?: unknown; value?: unknown }[]) {
    if (!p || typeof p.key !== 'string' || p.key.length === 0 || p.key.length > 255)
      return 'every property needs a key of 1 to 255 characters';
    if (Buffer.byteLength(JSON.stringify(p.value ?? null)) > PROPERTY_MAX_BYTES)
      return `the value of property ${p.key} is larger than ${PROPERTY_MAX_BYTES} bytes`;
  }
  return raw as { key: string; value: unknown }[];
}

function paged<T>(items: T[], start: number, limit: number) {
  const values = items.slice(start, start + limit);
  return { size: values.length, start, limit, isLastPage: start + limit >= items.length, values };
}

function readIssueField(ctx: RouteContext, issue: JiraIssue, field: string): JqlValue | JqlValue[] {
  const f = field.toLowerCase();
  const prop = /^issue\.property\[([^\]]+)\](?:\.(.+))?$/i.exec(field);
  const alias = ctx.jira.aliases[field];
  const dig = (propertyKey: string, path?: string): JqlValue | JqlValue[] => {
    let v: unknown = issue.properties[propertyKey];
    for (const seg of path ? path.split('.') : [])
      v = v && typeof v === 'object' ? (v as Record<string, unknown>)[seg] : undefined;
    if (Array.isArray(v)) return v.filter((x) => typeof x !== 'object') as JqlValue[];
    return typeof v === 'object' ? undefined : (v as JqlValue);
  };
  if (prop) return dig(prop[1] as string, prop[2]);
  if (alias) return dig(alias.propertyKey, alias.path);
  switch (f) {
    case 'project':
      return [PROJECT.key, PROJECT.name, PROJECT.id];
    case 'key':
    case 'issuekey':
    case 'id':
      return [issue.key, issue.id];
    case 'status':
      return issue.status;
    case 'summary':
    case 'text':
      return issue.summary;
    case 'reporter':
      return issue.reporterId;
    case 'created':
      return jiraTime(issue.created);
    case 'updated':
      return jiraTime(issue.updated);
    case 'labels':
      return issue.labels;
    case 'request-type':
    case 'customer request type':
      return issue.requestType;
  }
  throw new JqlError(`Field '${field}' does not exist or you do not have permission to view it.`);
}

function search(
  ctx: RouteContext,
  params: {
    jql?: string;
    nextPageToken?: string;
    maxResults?: number;
    fields?: string[];
    properties?: string[];
    expand?: string[];
  },
): Response {
  const { jira } = ctx;
  let query;
  try {
    query = parseJql(params.jql ?? '');
  } catch (e) {
    return jira.error(400, (e as Error).message);
  }
  const start = params.nextPageToken ? Number(Buffer.from(params.nextPageToken, 'base64url').toString()) : 0;
  if (!Number.isInteger(start) || start < 0) return jira.error(400, 'The nextPageToken is not valid.');
  const fields = params.fields ?? [];
  const limit = Math.min(
    params.maxResults ?? 50,
    fields.length > 0 && !(fields.length === 1 && fields[0] === 'id') ? 100 : 5000,
  );
  const visible = [...jira.issues.values()].filter((i) => jira.canSee(ctx.req.callerId, i));
  let hits: JiraIssue[];
  try {
    hits = visible.filter((i) => query.matches((f) => readIssueField(ctx, i, f)));
    const order = query.orderBy.length > 0 ? query.orderBy : [{ field: 'key', desc: true }];
    hits.sort((a, b) => {
      for (const o of order) {
        const numeric = /^(key|issuekey|id)$/i.test(o.field);
        const c = numeric
          ? Number(a.id) - Number(b.id)
          : compareForOrder(readIssueField(ctx, a, o.field), readIssueField(ctx, b, o.field));
        if (c !== 0) return o.desc ? -c : c;
      }
      return 0;
    });
  } catch (e) {
    if (e instanceof JqlError) return jira.error(400, e.message);
    throw e;
  }
  const page = hits.slice(start, start + limit);
  const more = start + limit < hits.length;
  const onlyId = fields.length === 0;
  return Response.json({
    issues: page.map((i) =>
      onlyId && (params.properties ?? []).length === 0
        ? { id: i.id }
        : issueJson(ctx, i, fields.length > 0 ? fields : ['id'], params.properties ?? [], params.expand ?? []),
    ),
    ...(more ? { nextPageToken: Buffer.from(String(start + limit)).toString('base64url') } : {}),
    isLast: !more,
  });
}

/** The `permissions` and `issueKey`/`issueId` parameters both permission endpoints take, or Jira's refusal. */
function permissionQuery(ctx: RouteContext): { wanted: string[]; issue: JiraIssue | undefined } | Response {
  const wanted = list(ctx, 'permissions');
  if (wanted.length === 0) return ctx.jira.error(400, 'The permissions query parameter is required.');
  const unknown = wanted.find((p) => !KNOWN_PERMISSIONS.has(p));
  if (unknown) return ctx.jira.error(400, `The permission ${unknown} does not exist.`);
  const key = q(ctx, 'issueKey') ?? q(ctx, 'issueId');
  const issue = key ? ctx.jira.findIssue(key) : undefined;
  // A ticket the caller may not see is one Jira does not admit exists.
  if (key && (!issue || !ctx.jira.canSee(ctx.req.callerId, issue)))
    return ctx.jira.error(404, 'Issue does not exist or you do not have permission to see it.');
  const project = q(ctx, 'projectKey') ?? q(ctx, 'projectId');
  if (project !== undefined && project !== PROJECT.key && project !== PROJECT.id)
    return ctx.jira.error(404, `No project could be found with key '${project}'.`);
  return { wanted, issue };
}

function formIndexEntry(f: {
  id: string;
  templateId: string;
  name: string;
  visibility: string;
  status: string;
  updated: number;
}) {
  return {
    id: f.id,
    formTemplate: { id: f.templateId },
    internal: f.visibility === 'internal',
    submitted: f.status !== 'open',
    lock: f.status === 'locked',
    name: f.name,
    updated: new Date(f.updated).toISOString(),
  };
}

export const ROUTES: Route[] = [
  route('GET', '/rest/api/3/myself', (ctx) => {
    const u = ctx.jira.users.get(ctx.req.callerId);
    return u ? Response.json(ctx.jira.userJson(u.accountId)) : ctx.jira.error(401, 'You are not logged in.');
  }),

  route('GET', '/rest/api/3/user', (ctx) => {
    const id = q(ctx, 'accountId');
    if (!id) return ctx.jira.error(400, 'The accountId query parameter needs to be provided.');
    return ctx.jira.users.has(id)
      ? Response.json(ctx.jira.userJson(id))
      : ctx.jira.error(404, `The user with the account ID ${id} does not exist.`);
  }),

  // Several users in one call (repeat accountId); ids of no user are left out, as Jira does.
  route('GET', '/rest/api/3/user/bulk', (ctx) => {
    const raw = ctx.query['accountId'];
    const ids = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
    if (ids.length === 0) return ctx.jira.error(400, 'The accountId query parameter needs to be provided.');
    const startAt = int(ctx, 'startAt', 0);
    const maxResults = int(ctx, 'maxResults', 10);
    const known = [...new Set(ids)].filter((id) => ctx.jira.users.has(id));
    const values = known.slice(startAt, startAt + maxResults).map((id) => ctx.jira.userJson(id));
    return Response.json({
      self: ctx.url.href,
      maxResults,
      startAt,
      total: known.length,
      isLast: startAt + maxResults >= known.length,
      values,
    });
  }),

  // Users who hold every listed permission (on the issue or project when named), e.g. SERVICEDESK_AGENT.
  route('GET', '/rest/api/3/user/permission/search', (ctx) => {
    const { jira } = ctx;
    // Needs Administer Jira (or Browse users and groups): an installed app has neither.
    if (!jira.can(ctx.req.callerId, 'ADMINISTER'))
      return jira.error(
        403,
        'You do not have the permission to search users by permission (Administer Jira or Browse users and groups).',
      );
    const asked = permissionQuery(ctx);
    if (asked instanceof Response) return asked;
    const { wanted, issue } = asked;
    const accountId = q(ctx, 'accountId');
    const startAt = int(ctx, 'startAt', 0);
    const maxResults = int(ctx, 'maxResults', 50);
    const found = [...jira.users.keys()]
      .filter((id) => !accountId || id === accountId)
      .filter((id) => wanted.every((p) => jira.can(id, p, issue)))
      .slice(startAt, startAt + maxResults)
      .map((id) => jira.userJson(id));
    return Response.json(found);
  }),

  route('GET', '/rest/api/3/mypermissions', (ctx) => {
    const { jira } = ctx;
    const asked = permissionQuery(ctx);
    if (asked instanceof Response) return asked;
    const { wanted, issue } = asked;
    const permissions: Record<string, unknown> = {};
    for (const p of wanted) {
      permissions[p] = {
        id: String(wanted.indexOf(p) + 1),
        key: p,
        name: p.replace(/_/g, ' ').toLowerCase(),
        type: p === 'ADMINISTER' ? 'GLOBAL' : 'PROJECT',
        description: '',
        havePermission: jira.can(ctx.req.callerId, p, issue),
      };
    }
    return Response.json({ permissions });
  }),

  // The projects where the caller holds every listed permission (the user's own answer, asked asUser).
  route('POST', '/rest/api/3/permissions/project', (ctx) => {
    const wanted = (ctx.json as { permissions?: unknown })?.permissions;
    if (!Array.isArray(wanted) || wanted.length === 0 || !wanted.every((p) => typeof p === 'string'))
      return ctx.jira.error(400, 'permissions must list at least one permission key.');
    const unknown = wanted.find((p) => !KNOWN_PERMISSIONS.has(p));
    if (unknown) return ctx.jira.error(400, `The permission ${unknown} does not exist.`);
    const held = wanted.every((p) => ctx.jira.can(ctx.req.callerId, p));
    return Response.json({ projects: held ? [{ id: Number(PROJECT.id), key: PROJECT.key }] : [] });
  }),

  route('GET', '/rest/api/3/issue/{issueIdOrKey}', (ctx) =>
    withIssue(ctx, (issue) =>
      Response.json(issueJson(ctx, issue, list(ctx, 'fields'), list(ctx, 'properties'), list(ctx, 'expand'))),
    ),
  ),

  // Jira links the same two issues again when asked twice: the caller must look first.
  route('POST', '/rest/api/3/issueLink', (ctx) => {
    const body = (ctx.json ?? {}) as {
      type?: { name?: string; id?: string };
      inwardIssue?: { key?: string };
      outwardIssue?: { key?: string };
    };
    const type = LINK_TYPES.find((t) => t.name === body.type?.name || t.id === body.type?.id);
    if (!type) return ctx.jira.error(404, 'No issue link type with name or id given.');
    const inward = visibleIssue(ctx, body.inwardIssue?.key ?? '');
    const outward = visibleIssue(ctx, body.outwardIssue?.key ?? '');
    if (!inward || !outward) return notFoundIssue(ctx);
    if (
      !ctx.jira.can(ctx.req.callerId, 'LINK_ISSUES', inward) ||
      !ctx.jira.can(ctx.req.callerId, 'LINK_ISSUES', outward)
    ) {
      return ctx.jira.error(403, 'You do not have the permission to link issues.');
    }
    const link = { type: type.name, inwardKey: inward.key, outwardKey: outward.key };
    (inward.links ??= []).push(link);
    if (outward !== inward) (outward.links ??= []).push(link);
    return new Response(null, { status: 201 });
  }),

  route('GET', '/rest/api/3/issue/{issueIdOrKey}/transitions', (ctx) =>
    withIssue(ctx, (issue) =>
      Response.json({
        expand: 'transitions',
        transitions: ctx.jira.can(ctx.req.callerId, 'TRANSITION_ISSUES', issue) ? transitionsJson(ctx, issue) : [],
      }),
    ),
  ),

  route('POST', '/rest/api/3/issue/{issueIdOrKey}/transitions', (ctx) =>
    withIssue(
      ctx,
      (issue) => {
        const id = (ctx.json as { transition?: { id?: unknown } })?.transition?.id;
        const t = transitionsFrom(issue.status).find((x) => x.id === String(id));
        if (!t) return ctx.jira.error(400, `Transition id '${String(id)}' is not valid for this issue.`);
        ctx.jira.changeStatus(issue, t.to.name, ctx.req.callerId, ctx.req.selfCaused);
        return new Response(null, { status: 204 });
      },
      'TRANSITION_ISSUES',
    ),
  ),

  route('GET', '/rest/api/3/issue/{issueIdOrKey}/comment', (ctx) =>
    withIssue(ctx, (issue) => {
      const startAt = int(ctx, 'startAt', 0);
      const maxResults = Math.min(int(ctx, 'maxResults', 5000), 5000);
      const orderBy = q(ctx, 'orderBy') ?? 'created';
      const undocumented = undocumentedExpand(ctx);
      if (undocumented) return undocumented;
      const caller = ctx.jira.users.get(ctx.req.callerId);
      let comments = issue.comments.filter((c) => c.jsdPublic || caller?.kind !== 'partner');
      comments = [...comments].sort((a, b) => a.created - b.created || Number(a.id) - Number(b.id));
      if (orderBy.startsWith('-')) comments.reverse();
      const page = comments.slice(startAt, startAt + maxResults);
      return Response.json({
        startAt,
        maxResults,
        total: comments.length,
        comments: page.map((c) => ctx.jira.commentJson(c, false, issue)),
      });
    }),
  ),

  route('POST', '/rest/api/3/issue/{issueIdOrKey}/comment', (ctx) =>
    withIssue(
      ctx,
      (issue) => {
        const body = ctx.json as { body?: unknown; properties?: unknown; visibility?: unknown };
        const problem = adfProblem(body?.body);
        if (problem) return ctx.jira.error(400, `Comment body is not valid: ${problem}.`);
        const props = readProperties(body.properties);
        if (typeof props === 'string') return ctx.jira.error(400, props);
        const asMap = Object.fromEntries(props.map((p) => [p.key, p.value]));
        const c = ctx.jira.createComment(
          issue,
          ctx.req.callerId,
          body.body as never,
          publicFromProperties(props),
          asMap,
        );
        ctx.jira.emitComment(issue, c, ctx.req.callerId, ctx.req.selfCaused);
        return Response.json(ctx.jira.commentJson(c, true, issue), { status: 201 });
      },
      'ADD_COMMENTS',
    ),
  ),

  route('GET', '/rest/api/3/issue/{issueIdOrKey}/comment/{id}', (ctx) =>
    withIssue(ctx, (issue) => {
      const c = issue.comments.find((x) => x.id === ctx.params[1]);
      const caller = ctx.jira.users.get(ctx.req.callerId);
      if (!c || (!c.jsdPublic && caller?.kind === 'partner'))
        return ctx.jira.error(404, `Can not find a comment for the id: ${ctx.params[1]}.`);
      return undocumentedExpand(ctx) ?? Response.json(ctx.jira.commentJson(c, false, issue));
    }),
  ),

  route('PUT', '/rest/api/3/issue/{issueIdOrKey}/comment/{id}', (ctx) =>
    withIssue(ctx, (issue) => {
      const c = issue.comments.find((x) => x.id === ctx.params[1]);
      if (!c) return ctx.jira.error(404, `Can not find a comment for the id: ${ctx.params[1]}.`);
      if (c.authorId !== ctx.req.callerId && !ctx.jira.can(ctx.req.callerId, 'EDIT_ALL_COMMENTS', issue))
        return ctx.jira.error(403, 'You do not have the permission to edit this comment.');
      const body = ctx.json as { body?: unknown; properties?: unknown };
      const problem = adfProblem(body?.body);
      if (problem) return ctx.jira.error(400, `Comment body is not valid: ${problem}.`);
      const props = readProperties(body.properties);
      if (typeof props === 'string') return ctx.jira.error(400, props);
      c.body = JSON.parse(JSON.stringify(body.body)) as typeof c.body;
      for (const p of props) c.properties[p.key] = p.value;
      if (props.some((p) => p.key === 'sd.public.comment')) c.jsdPublic = publicFromProperties(props);
      c.updated = ctx.jira.now();
      c.updateAuthorId = ctx.req.callerId;
      ctx.jira.emitComment(issue, c, ctx.req.callerId, ctx.req.selfCaused);
      return Response.json(ctx.jira.commentJson(c, true, issue));
    }),
  ),

  // Comments by id, with their properties when asked (`expand=properties` is documented here).
  route('POST', '/rest/api/3/comment/list', (ctx) => {
    const ids = (ctx.json as { ids?: unknown })?.ids;
    if (!Array.isArray(ids) || ids.length === 0 || ids.length > 1000)
      return ctx.jira.error(400, 'ids must list 1 to 1000 comment ids.');
    const withProps = list(ctx, 'expand').includes('properties');
    const startAt = int(ctx, 'startAt', 0);
    const maxResults = Math.min(int(ctx, 'maxResults', 5000), 5000);
    const found = ids.flatMap((id) => {
      const c = findComment(ctx, String(id));
      const issue = c ? ctx.jira.ownerOf('c', c.id) : undefined;
      return c && issue ? [ctx.jira.commentJson(c, withProps, issue)] : [];
    });
    const values = found.slice(startAt, startAt + maxResults);
    return Response.json({
      startAt,
      maxResults,
      total: found.length,
      isLast: startAt + maxResults >= found.length,
      values,
    });
  }),

  route('GET', '/rest/api/3/comment/{commentId}/properties', (ctx) => {
    const found = findComment(ctx, ctx.params[0] as string);
    if (!found) return ctx.jira.error(404, 'The comment does not exist or you do not have permission to see it.');
    return Response.json({
      keys: Object.keys(found.properties).map((key) => ({
        self: `${ctx.jira.baseUrl}/rest/api/3/comment/${found.id}/properties/${key}`,
        key,
      })),
    });
  }),

  route('GET', '/rest/api/3/comment/{commentId}/properties/{propertyKey}', (ctx) => {
    const found = findComment(ctx, ctx.params[0] as string);
    const key = ctx.params[1] as string;
    if (!found) return ctx.jira.error(404, 'The comment does not exist or you do not have permission to see it.');
    if (!(key in found.properties)) return ctx.jira.error(404, `The property with key ${key} does not exist.`);
    return Response.json({ key, value: found.properties[key] });
  }),

  route('PUT', '/rest/api/3/comment/{commentId}/properties/{propertyKey}', (ctx) => {
    const found = findComment(ctx, ctx.params[0] as string);
    const key = ctx.params[1] as string;
    if (!found) return ctx.jira.error(404, 'The comment does not exist or you do not have permission to see it.');
    if (Buffer.byteLength(JSON.stringify(ctx.json ?? null)) > PROPERTY_MAX_BYTES)
      return ctx.jira.error(400, `The property value is larger than ${PROPERTY_MAX_BYTES} bytes.`);
    const existed = key in found.properties;
    found.properties[key] = ctx.json;
    return new Response(existed ? '{}' : '{}', {
      status: existed ? 200 : 201,
      headers: { 'content-type': 'application/json' },
    });
  }),

  route('POST', '/rest/api/3/issue/{issueIdOrKey}/attachments', (ctx) =>
    withIssue(
      ctx,
      (issue) => {
        const { jira, req } = ctx;
        const files = multipartFiles(ctx, 'POST /rest/api/3/issue/{issueIdOrKey}/attachments');
        if (files instanceof Response) return files;
        // Not necessarily shown on the portal: the sandbox keeps such files from customers.
        const created = files.map((f) => jira.addAttachment(issue, req.callerId, f.filename, f.contentType, f.data));
        return Response.json(created.map((a) => jira.attachmentJson(a)));
      },
      'CREATE_ATTACHMENTS',
    ),
  ),

  route('GET', '/rest/api/3/attachment/{id}', (ctx) => {
    const a = findAttachment(ctx, ctx.params[0] as string);
    return a ? Response.json(ctx.jira.attachmentJson(a)) : ctx.jira.error(404, 'The attachment does not exist.');
  }),

  route('GET', '/rest/api/3/attachment/content/{id}', (ctx) => {
    const a = findAttachment(ctx, ctx.params[0] as string);
    return a
      ? new Response(Buffer.from(a.contentBase64, 'base64'), { headers: { 'content-type': a.mimeType } })
      : ctx.jira.error(404, 'The attachment does not exist.');
  }),

  route('GET', '/rest/api/3/issue/{issueIdOrKey}/properties', (ctx) =>
    withIssue(ctx, (issue) =>
      Response.json({
        keys: Object.keys(issue.properties).map((key) => ({
          self: `${ctx.jira.baseUrl}/rest/api/3/issue/${issue.id}/properties/${key}`,
          key,
        })),
      }),
    ),
  ),

  route('GET', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', (ctx) =>
    withIssue(ctx, (issue) => {
      const key = ctx.params[1] as string;
      if (!(key in issue.properties)) return ctx.jira.error(404, `The property with key ${key} does not exist.`);
      return Response.json({ key, value: issue.properties[key] });
    }),
  ),

  route('PUT', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', (ctx) =>
    withIssue(
      ctx,
      (issue) => {
        const key = ctx.params[1] as string;
        if (key.length > 255) return ctx.jira.error(400, 'The property key is longer than 255 characters.');
        if (ctx.json === undefined) return ctx.jira.error(400, 'The property value is missing.');
        const size = Buffer.byteLength(JSON.stringify(ctx.json));
        if (size > PROPERTY_MAX_BYTES)
          return ctx.jira.error(400, `The property value (${size} bytes) is larger than ${PROPERTY_MAX_BYTES} bytes.`);
        const existed = key in issue.properties;
        issue.properties[key] = ctx.json;
        return new Response(null, { status: existed ? 200 : 201 });
      },
      'EDIT_ISSUES',
    ),
  ),

  route('DELETE', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', (ctx) =>
    withIssue(
      ctx,
      (issue) => {
        const key = ctx.params[1] as string;
        if (!(key in issue.properties)) return ctx.jira.error(404, `The property with key ${key} does not exist.`);
        delete issue.properties[key];
        return new Response(null, { status: 204 });
      },
      'EDIT_ISSUES',
    ),
  ),

  route('GET', '/rest/api/3/search/jql', (ctx) =>
    search(ctx, {
      jql: q(ctx, 'jql'),
      nextPageToken: q(ctx, 'nextPageToken'),
      maxResults: ctx.query.maxResults === undefined ? undefined : int(ctx, 'maxResults', 50),
      fields: list(ctx, 'fields'),
      properties: list(ctx, 'properties'),
      expand: list(ctx, 'expand'),
    }),
  ),

  route('POST', '/rest/api/3/search/jql', (ctx) => {
    const b = (ctx.json ?? {}) as {
      jql?: string;
      nextPageToken?: string;
      maxResults?: number;
      fields?: string[];
      properties?: string[];
      expand?: string;
    };
    return search(ctx, {
      jql: b.jql,
      nextPageToken: b.nextPageToken,
      maxResults: b.maxResults,
      fields: b.fields ?? [],
      properties: b.properties ?? [],
      expand: b.expand ? b.expand.split(',') : [],
    });
  }),

  route('GET', '/rest/api/3/project/{projectIdOrKey}/role', (ctx) => {
    if (ctx.params[0] !== PROJECT.key && ctx.params[0] !== PROJECT.id)
      return ctx.jira.error(404, `No project could be found with key '${ctx.params[0]}'.`);
    const base = `${ctx.jira.baseUrl}/rest/api/3/project/${PROJECT.id}/role`;
    return Response.json({
      Administrators: `${base}/10002`,
      'Service Desk Team': `${base}/10100`,
      'Service Desk Customers': `${base}/10101`,
    });
  }),

  route('GET', '/rest/servicedeskapi/request/{issueIdOrKey}', (ctx) =>
    withIssue(ctx, (issue) => {
      const rt = REQUEST_TYPES.find((r) => r.name === issue.requestType);
      if (!rt) return ctx.jira.error(404, `${issue.key} is not a customer request.`);
      const reporter = ctx.jira.userJson(issue.reporterId);
      const date = (ms: number) => ({
        iso8601: jiraTime(ms),
        jira: jiraTime(ms),
        friendly: jiraTime(ms),
        epochMillis: ms,
      });
      return Response.json({
        issueId: issue.id,
        issueKey: issue.key,
        requestTypeId: rt.id,
        serviceDeskId: PROJECT.serviceDeskId,
        // JSM adds the request type itself when asked with expand=requestType.
        ...(list(ctx, 'expand').includes('requestType')
          ? { requestType: { id: rt.id, name: rt.name, serviceDeskId: PROJECT.serviceDeskId } }
          : {}),
        createdDate: date(issue.created),
        reporter: {
          accountId: reporter.accountId,
          displayName: reporter.displayName,
          emailAddress: reporter.emailAddress,
          active: reporter.active,
          timeZone: 'UTC',
        },
        requestFieldValues: [{ fieldId: 'summary', label: 'Summary', value: issue.summary }],
        currentStatus: {
          status: issue.status,
          statusCategory: (ctx.jira.statusJson(issue.status).statusCategory as { key: string }).key.toUpperCase(),
          statusDate: date(issue.updated),
        },
        _links: {
          web: `${ctx.jira.baseUrl}/servicedesk/customer/portal/1/${issue.key}`,
          self: `${ctx.jira.baseUrl}/rest/servicedeskapi/request/${issue.id}`,
        },
      });
    }),
  ),

  route('GET', '/rest/servicedeskapi/request/{issueIdOrKey}/participant', (ctx) =>
    withIssue(ctx, (issue) =>
      Response.json(
        paged(
          issue.participants.map((id) => ctx.jira.userJson(id)),
          int(ctx, 'start', 0),
          int(ctx, 'limit', 50),
        ),
      ),
    ),
  ),

  route('GET', '/rest/servicedeskapi/servicedesk/{serviceDeskId}/customer', (ctx) => {
    if (ctx.params[0] !== PROJECT.serviceDeskId) return ctx.jira.error(404, 'The service desk does not exist.');
    if (!ctx.jira.can(ctx.req.callerId, 'SERVICEDESK_AGENT'))
      return ctx.jira.error(403, 'Only agents can list the customers.');
    const customers = [...ctx.jira.users.values()]
      .filter((u) => u.kind === 'partner')
      .map((u) => ctx.jira.userJson(u.accountId));
    return Response.json(paged(customers, int(ctx, 'start', 0), int(ctx, 'limit', 50)));
  }),

  // JSM forms (no published OpenAPI spec: shapes from the Forms REST API reference)
  route('GET', '/forms/issue/{issueIdOrKey}/form', (ctx) =>
    withIssue(ctx, (issue) => Response.json(issue.forms.map(formIndexEntry))),
  ),

  route('POST', '/forms/issue/{issueIdOrKey}/form', (ctx) =>
    withIssue(
      ctx,
      (issue) => {
        const id = (ctx.json as { formTemplate?: { id?: unknown } })?.formTemplate?.id;
        if (typeof id !== 'string') return ctx.jira.error(400, 'formTemplate.id is required.');
        const template = ctx.jira.formTemplates.get(id);
        if (!template) return ctx.jira.error(404, `No form template ${id} in project ${PROJECT.key}.`);
        const form = ctx.jira.addForm(issue, template);
        return Response.json(formJson(ctx, form), { status: 200 });
      },
      'EDIT_ISSUES',
    ),
  ),

  route('GET', '/forms/issue/{issueIdOrKey}/form/{formId}', (ctx) =>
    withIssue(ctx, (issue) => {
      const form = issue.forms.find((f) => f.id === ctx.params[1]);
      return form
        ? Response.json(formJson(ctx, form))
        : ctx.jira.error(404, `No form ${ctx.params[1]} on ${issue.key}.`);
    }),
  ),

  route('GET', '/forms/issue/{issueIdOrKey}/form/{formId}/format/answers', (ctx) =>
    withIssue(ctx, (issue) => {
      const form = issue.forms.find((f) => f.id === ctx.params[1]);
      if (!form) return ctx.jira.error(404, `No form ${ctx.params[1]} on ${issue.key}.`);
      const template = ctx.jira.formTemplates.get(form.templateId);
      return Response.json(
        (template?.questions ?? []).map((qn) => ({
          label: qn.label,
          fieldKey: qn.id,
          answer: form.answers[qn.id] ?? '',
        })),
      );
    }),
  ),

  ...(['external', 'internal'] as const).map((visibility) =>
    route('PUT', `/forms/issue/{issueIdOrKey}/form/{formId}/action/${visibility}`, (ctx) =>
      withIssue(
        ctx,
        (issue) => {
          const form = issue.forms.find((f) => f.id === ctx.params[1]);
          if (!form) return ctx.jira.error(404, `No form ${ctx.params[1]} on ${issue.key}.`);
          form.visibility = visibility;
          form.updated = ctx.jira.now();
          return Response.json(formIndexEntry(form));
        },
        'EDIT_ISSUES',
      ),
    ),
  ),
];

function formJson(
  ctx: RouteContext,
  form: {
    id: string;
    templateId: string;
    name: string;
    visibility: string;
    status: string;
    answers: Record<string, string>;
    updated: number;
  },
) {
  const template = ctx.jira.formTemplates.get(form.templateId);
  const questions = Object.fromEntries(
    (template?.questions ?? []).map((qn, i) => [String(i + 1), { label: qn.label, type: 'pt', questionKey: qn.id }]),
  );
  const answers = Object.fromEntries(
    (template?.questions ?? []).map((qn, i) => [String(i + 1), { text: form.answers[qn.id] ?? '' }]),
  );
  return {
    id: form.id,
    updated: new Date(form.updated).toISOString(),
    design: {
      settings: { templateId: form.templateId, name: form.name, submit: { lock: false, pdf: false } },
      questions,
      layout: [],
      conditions: {},
      sections: {},
    },
    state: {
      visibility: form.visibility === 'external' ? 'e' : 'i',
      status: form.status === 'open' ? 'o' : form.status === 'submitted' ? 's' : 'l',
      answers,
    },
  };
}

/**
 * `expand=properties` on an issue's comments is not in Jira's documentation (it accepts
 * `renderedBody` only); real sites happen to answer it, but nothing promises they will. The
 * documented ways are `POST /rest/api/3/comment/list?expand=properties` and the comment
 * property endpoints, so the sandbox refuses the rest.
 */
function undocumentedExpand(ctx: RouteContext): Response | undefined {
  const other = list(ctx, 'expand').find((e) => e !== 'renderedBody');
  if (!other) return undefined;
  return ctx.jira.reject(
    ctx.req.method,
    ctx.url.pathname,
    `GET ${ctx.url.pathname}`,
    400,
    `expand=${other} is not documented for an issue's comments (only renderedBody); read comment properties with POST /rest/api/3/comment/list?expand=properties`,
  );
}

function findComment(ctx: RouteContext, commentId: string) {
  const issue = ctx.jira.ownerOf('c', commentId);
  if (!issue || !ctx.jira.canSee(ctx.req.callerId, issue)) return undefined;
  const c = issue.comments.find((x) => x.id === commentId);
  const caller = ctx.jira.users.get(ctx.req.callerId);
  return c && (c.jsdPublic || caller?.kind !== 'partner') ? c : undefined;
}

function findAttachment(ctx: RouteContext, id: string) {
  const issue = ctx.jira.ownerOf('a', id);
  if (!issue || !ctx.jira.canSee(ctx.req.callerId, issue)) return undefined;
  return issue.attachments.find((x) => x.id === id && (x.public || ctx.jira.seesInternal(ctx.req.callerId)));
}

/** The multipart body's `file` parts, or the refusal Jira gives (token header, boundary, field name). */
function multipartFiles(
  ctx: RouteContext,
  route: string,
): { filename: string; contentType: string; data: Buffer }[] | Response {
  const { jira, req } = ctx;
  if ((req.headers.get('x-atlassian-token') ?? '').toLowerCase() !== 'no-check') {
    return jira.reject(
      req.method,
      ctx.url.pathname,
      route,
      403,
      'XSRF check failed: the X-Atlassian-Token: no-check header is required',
    );
  }
  const boundary = boundaryOf(req.headers.get('content-type'));
  if (!boundary)
    return jira.reject(
      req.method,
      ctx.url.pathname,
      route,
      415,
      'attachments need a multipart/form-data body with a boundary',
    );
  let parts;
  try {
    parts = parseMultipart(req.body ?? Buffer.alloc(0), boundary);
  } catch (e) {
    return jira.reject(req.method, ctx.url.pathname, route, 400, `malformed multipart body: ${(e as Error).message}`);
  }
  const files = parts.filter((p) => p.name === 'file');
  if (files.length === 0)
    return jira.reject(
      req.method,
      ctx.url.pathname,
      route,
      400,
      `no part named "file" (got ${parts.map((p) => `"${p.name}"`).join(', ') || 'none'})`,
    );
  return files.map((f) => ({
    filename: f.filename ?? 'attachment',
    contentType: f.contentType ?? 'application/octet-stream',
    data: f.data,
  }));
}

function jsmAttachmentJson(ctx: RouteContext, a: JiraAttachment) {
  const base = ctx.jira.baseUrl;
  return {
    filename: a.filename,
    author: { accountId: a.authorId, displayName: ctx.jira.users.get(a.authorId)?.displayName ?? 'Former user' },
    created: {
      iso8601: jiraTime(a.created),
      jira: jiraTime(a.created),
      friendly: jiraTime(a.created),
      epochMillis: a.created,
    },
    size: a.size,
    mimeType: a.mimeType,
    _links: {
      self: `${base}/rest/servicedeskapi/request/attachment/${a.id}`,
      jiraRest: `${base}/rest/api/2/attachment/${a.id}`,
      content: `${base}/secure/attachment/${a.id}/${encodeURIComponent(a.filename)}`,
    },
  };
}

let temporaryFiles = 0;

/** JSM's two-step attachment: a temporary file on the service desk, then attached to a request, public or not. */
export const JSM_ATTACHMENT_ROUTES: Route[] = [
  route('POST', '/rest/servicedeskapi/servicedesk/{serviceDeskId}/attachTemporaryFile', (ctx) => {
    const where = 'POST /rest/servicedeskapi/servicedesk/{serviceDeskId}/attachTemporaryFile';
    if (ctx.params[0] !== PROJECT.serviceDeskId) return ctx.jira.error(404, 'The service desk does not exist.');
    // An experimental API: JSM refuses the call without the opt-in header.
    if ((ctx.req.headers.get('x-experimentalapi') ?? '').toLowerCase() !== 'opt-in') {
      return ctx.jira.reject(
        ctx.req.method,
        ctx.url.pathname,
        where,
        400,
        'This is an experimental API: send the header X-ExperimentalApi: opt-in',
      );
    }
    if (!ctx.jira.can(ctx.req.callerId, 'CREATE_ATTACHMENTS'))
      return ctx.jira.error(403, 'You do not have the permission to attach files.');
    const files = multipartFiles(ctx, where);
    if (files instanceof Response) return files;
    const temporaryAttachments = files.map((f) => {
      const temporaryAttachmentId = `temp${++temporaryFiles}${Date.now()}`;
      ctx.jira.temporaryFiles.set(temporaryAttachmentId, {
        serviceDeskId: PROJECT.serviceDeskId,
        filename: f.filename,
        mimeType: f.contentType,
        data: f.data,
      });
      return { temporaryAttachmentId, fileName: f.filename };
    });
    return Response.json({ temporaryAttachments }, { status: 201 });
  }),

  route('POST', '/rest/servicedeskapi/request/{issueIdOrKey}/attachment', (ctx) =>
    withIssue(
      ctx,
      (issue) => {
        if (!issue.requestType) return ctx.jira.error(404, `${issue.key} is not a customer request.`);
        const body = (ctx.json ?? {}) as { temporaryAttachmentIds?: unknown; public?: unknown };
        const ids = body.temporaryAttachmentIds;
        if (!Array.isArray(ids) || ids.length === 0)
          return ctx.jira.error(400, 'temporaryAttachmentIds must list at least one temporary file.');
        const files = ids.map((id) => ctx.jira.temporaryFiles.get(String(id)));
        if (files.some((f) => !f)) return ctx.jira.error(400, 'A temporary file does not exist or has expired.');
        // A customer's attachments are always public; staff choose.
        const isPublic = body.public === true || !ctx.jira.seesInternal(ctx.req.callerId);
        const attached = files.map((f) =>
          ctx.jira.addAttachment(issue, ctx.req.callerId, f!.filename, f!.mimeType, f!.data, isPublic),
        );
        for (const id of ids) ctx.jira.temporaryFiles.delete(String(id));
        const values = attached.map((a) => jsmAttachmentJson(ctx, a));
        return Response.json(
          { attachments: { size: values.length, start: 0, limit: values.length, isLastPage: true, values } },
          { status: 201 },
        );
      },
      'CREATE_ATTACHMENTS',
    ),
  ),

  route('GET', '/rest/servicedeskapi/request/{issueIdOrKey}/attachment', (ctx) =>
    withIssue(ctx, (issue) => {
      const visible = issue.attachments.filter((a) => a.public || ctx.jira.seesInternal(ctx.req.callerId));
      return Response.json(
        paged(
          visible.map((a) => jsmAttachmentJson(ctx, a)),
          int(ctx, 'start', 0),
          int(ctx, 'limit', 50),
        ),
      );
    }),
  ),
];
