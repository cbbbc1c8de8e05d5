import { randomUUID } from 'crypto';
import { adfToText, textToAdf, type AdfNode } from './adf-text';
import { ContractChecker, type Violation } from './contract-check';
import {
  ISSUE_TYPE,
  jiraTime,
  PERMISSIONS_BY_KIND,
  PROJECT,
  REQUEST_TYPES,
  statusByName,
  STATUSES,
  type FormTemplate,
  type IssueForm,
  type JiraAttachment,
  type JiraComment,
  type JiraIssue,
  type JiraUser,
  type UserKind,
} from './jira-model';

export interface ProductEvent {
  eventType: 'avi:jira:commented:issue' | 'avi:jira:updated:issue' | 'avi:jira:created:issue';
  payload: Record<string, unknown>;
  /** Caused by the app itself (filtered out by `ignoreSelf`). */
  selfCaused: boolean;
}

export interface JiraRequest {
  method: string;
  /** Path with query string, as `@forge/api` sends it (already encoded). */
  path: string;
  headers: Headers;
  body?: Buffer;
  /** Whose rights the request has: the user for `asUser()`, else the app. */
  callerId: string;
  /** Sent by the app (asApp or asUser): its writes are "self" for `ignoreSelf`. */
  selfCaused: boolean;
}

/** What a route of the emulated REST API gets to answer one request. */
export interface RouteContext {
  jira: JiraEmulator;
  params: string[];
  query: Record<string, string | string[]>;
  json: unknown;
  req: JiraRequest;
  url: URL;
}

/** One REST operation (jira-routes.ts, bulk-properties.ts), given to the emulator when it is made. */
export interface JiraRoute {
  method: string;
  template: string;
  pattern: RegExp;
  run(ctx: RouteContext): Response;
}

export interface JiraStats {
  requests: number;
  byRoute: Record<string, number>;
  violations: Violation[];
  unchecked: number;
}

/** A property's JQL search alias, from the manifest's `jira:entityProperty` modules. */
export interface SearchAlias {
  propertyKey: string;
  path: string;
  type: string;
}

export interface JiraSnapshot {
  users: JiraUser[];
  issues: JiraIssue[];
  formTemplates: FormTemplate[];
  counters: { issue: number; comment: number; attachment: number; changelog: number };
  outbox: ProductEvent[];
}

export interface CommentView {
  id: string;
  author: string;
  text: string;
  body: AdfNode;
  public: boolean;
  created: string;
  updated: string;
  properties: Record<string, unknown>;
}

/**
 * A Jira Service Management site with one service project (CFP), its workflow, tickets,
 * comments, attachments, properties, forms and users, answering Jira's REST API.
 * Seeding and inspection methods act as people in the browser would; REST calls act as the app.
 */
export class JiraEmulator {
  readonly users = new Map<string, JiraUser>();
  readonly issues = new Map<string, JiraIssue>();
  readonly formTemplates = new Map<string, FormTemplate>();
  readonly counters = { issue: 0, comment: 10000, attachment: 10000, changelog: 10000 };
  outbox: ProductEvent[] = [];
  /** comment or attachment id → issue key: finding one never scans every ticket */
  private readonly owners = new Map<string, string>();
  stats: JiraStats = { requests: 0, byRoute: {}, violations: [], unchecked: 0 };

  constructor(
    readonly appAccountId: string,
    readonly now: () => number,
    readonly contract: ContractChecker,
    private readonly routes: readonly JiraRoute[],
    readonly aliases: Record<string, SearchAlias> = {},
    readonly baseUrl = 'https://cf-sandbox.atlassian.net',
  ) {
    this.users.set(appAccountId, { accountId: appAccountId, displayName: 'Cloud Fortified Tracker', kind: 'app' });
  }

  // ---------- seeding (as people would, in the browser or by e-mail) ----------

  addUser(u: {
    accountId: string;
    displayName: string;
    kind: UserKind;
    email?: string;
    consented?: boolean;
  }): JiraUser {
    const user: JiraUser = {
      accountId: u.accountId,
      displayName: u.displayName,
      kind: u.kind,
      ...(u.email ? { email: u.email } : {}),
      ...(u.consented === false ? { consented: false } : {}),
    };
    this.users.set(u.accountId, user);
    return user;
  }

  addIssue(i: {
    key?: string;
    summary: string;
    status?: string;
    requestType?: string;
    reporter: string;
    created?: string;
    participants?: string[];
    labels?: string[];
  }): string {
    if (!this.users.has(i.reporter)) throw new Error(`addIssue: unknown reporter ${i.reporter} (addUser first)`);
    const status = statusByName(i.status ?? 'Open');
    if (!status)
      throw new Error(`addIssue: no status "${i.status}" in the workflow (${STATUSES.map((s) => s.name).join(', ')})`);
    if (i.requestType && !REQUEST_TYPES.some((r) => r.name === i.requestType))
      throw new Error(`addIssue: no request type "${i.requestType}"`);
    let key = i.key;
    if (key) {
      const m = /^CFP-(\d+)$/.exec(key);
      if (!m) throw new Error(`addIssue: key must look like CFP-<number>, not ${key}`);
      if (this.issues.has(key)) throw new Error(`addIssue: ${key} already exists`);
      this.counters.issue = Math.max(this.counters.issue, Number(m[1]));
    } else {
      key = `CFP-${++this.counters.issue}`;
    }
    const created = i.created ? Date.parse(i.created) : this.now();
    if (Number.isNaN(created)) throw new Error(`addIssue: created is not a date: ${i.created}`);
    this.issues.set(key, {
      id: String(10000 + Number(key.slice(4))),
      key,
      summary: i.summary,
      status: status.name,
      ...(i.requestType ? { requestType: i.requestType } : {}),
      reporterId: i.reporter,
      participants: i.participants ?? [],
      created,
      updated: created,
      labels: i.labels ?? [],
      properties: {},
      comments: [],
      attachments: [],
      forms: [],
      changelog: [],
    });
    return key;
  }

  /**
   * A customer raises a request on the portal: the issue, then `avi:jira:created:issue` (seeding
   * with `addIssue` sends no event).
   */
  createRequest(i: { summary: string; description?: string; requestType: string; reporter: string }): string {
    const key = this.addIssue({ summary: i.summary, requestType: i.requestType, reporter: i.reporter });
    const issue = this.mustIssue(key);
    if (i.description) issue.description = i.description;
    this.outbox.push({
      eventType: 'avi:jira:created:issue',
      selfCaused: false,
      payload: {
        eventType: 'avi:jira:created:issue',
        atlassianId: i.reporter,
        issue: this.eventIssue(issue),
        associatedUsers: [{ accountId: i.reporter }],
      },
    });
    return key;
  }

  /** The keys of the issues linked to `key`, with the link type. */
  links(key: string): { type: string; inwardKey: string; outwardKey: string }[] {
    return [...(this.mustIssue(key).links ?? [])];
  }

  /** A comment typed by a person (partner by portal/e-mail, or agent); queues the product event. */
  addComment(
    issueKey: string,
    c: { author: string; body: string | AdfNode; public?: boolean; created?: string },
  ): string {
    const issue = this.mustIssue(issueKey);
    const author = this.users.get(c.author);
    if (!author) throw new Error(`addComment: unknown author ${c.author}`);
    const isPublic = author.kind === 'partner' ? true : (c.public ?? true);
    const at = c.created ? Date.parse(c.created) : this.now();
    const comment = this.createComment(
      issue,
      c.author,
      typeof c.body === 'string' ? textToAdf(c.body) : c.body,
      isPublic,
      {},
      at,
    );
    this.emitComment(issue, comment, c.author, false);
    return comment.id;
  }

  /** A person edits their comment (Forge sends avi:jira:commented:issue again). */
  editComment(issueKey: string, commentId: string, body: string | AdfNode, by?: string): void {
    const issue = this.mustIssue(issueKey);
    const comment = issue.comments.find((c) => c.id === commentId);
    if (!comment) throw new Error(`editComment: no comment ${commentId} on ${issueKey}`);
    comment.body = typeof body === 'string' ? textToAdf(body) : body;
    comment.updated = this.now();
    comment.updateAuthorId = by ?? comment.authorId;
    this.emitComment(issue, comment, comment.updateAuthorId, false);
  }

  /** A person moves the ticket (any status, as an admin could); queues avi:jira:updated:issue. */
  setStatus(issueKey: string, status: string, by: string): void {
    const issue = this.mustIssue(issueKey);
    const s = statusByName(status);
    if (!s) throw new Error(`setStatus: no status "${status}" in the workflow`);
    this.changeStatus(issue, s.name, by, false);
  }

  addParticipant(issueKey: string, accountId: string): void {
    const issue = this.mustIssue(issueKey);
    if (!issue.participants.includes(accountId)) issue.participants.push(accountId);
  }

  addFormTemplate(t: FormTemplate): void {
    this.formTemplates.set(t.id, t);
  }

  /** The partner fills in and submits a form on the portal. */
  submitForm(issueKey: string, formId: string, answers: Record<string, string>, by: string): void {
    const issue = this.mustIssue(issueKey);
    const form = issue.forms.find((f) => f.id === formId);
    if (!form) throw new Error(`submitForm: no form ${formId} on ${issueKey}`);
    if (form.visibility !== 'external' && this.users.get(by)?.kind === 'partner')
      throw new Error(`submitForm: form ${formId} is not visible to customers`);
    form.answers = { ...answers };
    form.status = 'submitted';
    form.updated = this.now();
    issue.updated = this.now();
  }

  setProperty(issueKey: string, propertyKey: string, value: unknown): void {
    this.mustIssue(issueKey).properties[propertyKey] = JSON.parse(JSON.stringify(value));
  }

  // ---------- inspection ----------

  issue(key: string): JiraIssue | undefined {
    return this.issues.get(key);
  }

  issueKeys(): string[] {
    return [...this.issues.keys()];
  }

  comments(key: string): CommentView[] {
    return this.mustIssue(key).comments.map((c) => ({
      id: c.id,
      author: c.authorId,
      text: adfToText(c.body),
      body: c.body,
      public: c.jsdPublic,
      created: jiraTime(c.created),
      updated: jiraTime(c.updated),
      properties: c.properties,
    }));
  }

  attachments(key: string): {
    id: string;
    filename: string;
    mimeType: string;
    size: number;
    author: string;
    content: Buffer;
    text: string;
    public: boolean;
  }[] {
    return this.mustIssue(key).attachments.map((a) => {
      const content = Buffer.from(a.contentBase64, 'base64');
      return {
        id: a.id,
        filename: a.filename,
        mimeType: a.mimeType,
        size: a.size,
        author: a.authorId,
        content,
        text: content.toString('utf8'),
        public: a.public === true,
      };
    });
  }

  property(key: string, propertyKey: string): unknown {
    return this.mustIssue(key).properties[propertyKey];
  }

  forms(key: string): IssueForm[] {
    return this.mustIssue(key).forms;
  }

  takeEvents(): ProductEvent[] {
    const out = this.outbox;
    this.outbox = [];
    return out;
  }

  // ---------- REST ----------

  handle(req: JiraRequest): Response {
    this.stats.requests++;
    const url = new URL(req.path, this.baseUrl);
    const pathname = url.pathname.replace(/\/+$/, '') || '/';
    const query: Record<string, string | string[]> = {};
    for (const [k, v] of url.searchParams) {
      const had = query[k];
      query[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v];
    }
    const method = req.method.toUpperCase();
    const contentType = req.headers.get('content-type');
    const multipart = /^multipart\//i.test(contentType ?? '');
    let json: unknown;
    if (req.body && req.body.length > 0 && !multipart) {
      try {
        json = JSON.parse(req.body.toString('utf8'));
      } catch {
        return this.reject(method, pathname, `${method} ${pathname}`, 400, 'the body is not valid JSON');
      }
      if (contentType && !/json/i.test(contentType))
        return this.reject(method, pathname, `${method} ${pathname}`, 415, `Content-Type ${contentType} is not JSON`);
    }
    const verdict = this.contract.check(method, pathname, query, req.headers, json, multipart);
    // Jira turns away an account without access to the site before anything else.
    if (this.users.get(req.callerId)?.kind === 'unlicensed') {
      this.count(verdict.route);
      return this.error(403, 'You do not have access to Jira on this site.');
    }
    if (verdict.kind === 'violation')
      return this.reject(method, pathname, verdict.route, verdict.status, verdict.reason);
    if (verdict.kind === 'unchecked') this.stats.unchecked++;

    for (const r of this.routes) {
      if (r.method !== method) continue;
      const m = r.pattern.exec(pathname);
      if (!m) continue;
      this.count(`${method} ${r.template}`);
      const ctx: RouteContext = { jira: this, params: m.slice(1).map(decodeURIComponent), query, json, req, url };
      const result = r.run(ctx);
      return result;
    }
    this.count(verdict.route);
    return this.error(404, `The sandbox does not emulate ${method} ${pathname}.`);
  }

  private count(route: string): void {
    this.stats.byRoute[route] = (this.stats.byRoute[route] ?? 0) + 1;
  }

  reject(method: string, path: string, route: string, status: number, reason: string): Response {
    this.count(route);
    this.stats.violations.push({ method, path, reason });
    return this.error(status, reason);
  }

  error(status: number, ...messages: string[]): Response {
    return Response.json({ errorMessages: messages, errors: {} }, { status });
  }

  // ---------- shared by the routes ----------

  mustIssue(key: string): JiraIssue {
    const issue = this.findIssue(key);
    if (!issue) throw new Error(`no issue ${key}`);
    return issue;
  }

  findIssue(keyOrId: string): JiraIssue | undefined {
    const byKey = this.issues.get(keyOrId.toUpperCase());
    if (byKey) return byKey;
    // ids are 10000 + the key's number
    if (/^\d+$/.test(keyOrId)) return this.issues.get(`CFP-${Number(keyOrId) - 10000}`);
    return undefined;
  }

  /** The issue holding a comment (`kind` 'c') or an attachment ('a'). */
  ownerOf(kind: 'c' | 'a', id: string): JiraIssue | undefined {
    const key = this.owners.get(`${kind}${id}`);
    return key ? this.issues.get(key) : undefined;
  }

  permissionsOf(accountId: string): string[] {
    const u = this.users.get(accountId);
    return u ? PERMISSIONS_BY_KIND[u.kind] : [];
  }

  canSee(accountId: string, issue: JiraIssue): boolean {
    const u = this.users.get(accountId);
    if (!u || u.kind === 'unlicensed') return false;
    if (u.kind !== 'partner') return true;
    return issue.reporterId === accountId || issue.participants.includes(accountId);
  }

  /** A portal customer sees public comments and public attachments only; staff see everything. */
  seesInternal(accountId: string): boolean {
    return this.users.get(accountId)?.kind !== 'partner';
  }

  can(accountId: string, permission: string, issue?: JiraIssue): boolean {
    if (issue && !this.canSee(accountId, issue)) return false;
    return this.permissionsOf(accountId).includes(permission);
  }

  userJson(accountId: string): Record<string, unknown> {
    const u = this.users.get(accountId);
    const kind = u?.kind ?? 'agent';
    return {
      self: `${this.baseUrl}/rest/api/3/user?accountId=${encodeURIComponent(accountId)}`,
      accountId,
      accountType: kind === 'app' ? 'app' : kind === 'partner' ? 'customer' : 'atlassian',
      ...(u?.email ? { emailAddress: u.email } : {}),
      avatarUrls: { '48x48': `${this.baseUrl}/avatar/${encodeURIComponent(accountId)}.png` },
      displayName: u?.displayName ?? 'Former user',
      active: Boolean(u),
      timeZone: 'UTC',
    };
  }

  statusJson(name: string): Record<string, unknown> {
    const s = statusByName(name) ?? defaultStatus();
    const cat = {
      new: { id: 2, key: 'new', name: 'To Do', colorName: 'blue-gray' },
      indeterminate: { id: 4, key: 'indeterminate', name: 'In Progress', colorName: 'yellow' },
      done: { id: 3, key: 'done', name: 'Done', colorName: 'green' },
    }[s.category];
    return {
      self: `${this.baseUrl}/rest/api/3/status/${s.id}`,
      id: s.id,
      name: s.name,
      description: '',
      statusCategory: { self: `${this.baseUrl}/rest/api/3/statuscategory/${cat.id}`, ...cat },
    };
  }

  projectJson(): Record<string, unknown> {
    return {
      self: `${this.baseUrl}/rest/api/3/project/${PROJECT.id}`,
      id: PROJECT.id,
      key: PROJECT.key,
      name: PROJECT.name,
      projectTypeKey: 'service_desk',
      simplified: false,
    };
  }

  commentJson(c: JiraComment, withProperties: boolean, issue: JiraIssue): Record<string, unknown> {
    return {
      self: `${this.baseUrl}/rest/api/3/issue/${issue.id}/comment/${c.id}`,
      id: c.id,
      author: this.userJson(c.authorId),
      body: c.body,
      updateAuthor: this.userJson(c.updateAuthorId),
      created: jiraTime(c.created),
      updated: jiraTime(c.updated),
      jsdPublic: c.jsdPublic,
      ...(withProperties ? { properties: Object.entries(c.properties).map(([key, value]) => ({ key, value })) } : {}),
    };
  }

  attachmentJson(a: JiraAttachment): Record<string, unknown> {
    return {
      self: `${this.baseUrl}/rest/api/3/attachment/${a.id}`,
      id: a.id,
      filename: a.filename,
      author: this.userJson(a.authorId),
      created: jiraTime(a.created),
      size: a.size,
      mimeType: a.mimeType,
      content: `${this.baseUrl}/rest/api/3/attachment/content/${a.id}`,
    };
  }

  createComment(
    issue: JiraIssue,
    authorId: string,
    body: AdfNode,
    jsdPublic: boolean,
    properties: Record<string, unknown>,
    at = this.now(),
  ): JiraComment {
    const comment: JiraComment = {
      id: String(++this.counters.comment),
      authorId,
      updateAuthorId: authorId,
      body: JSON.parse(JSON.stringify(body)) as AdfNode,
      created: at,
      updated: at,
      jsdPublic,
      properties,
    };
    issue.comments.push(comment);
    this.owners.set(`c${comment.id}`, issue.key);
    issue.updated = Math.max(issue.updated, at);
    return comment;
  }

  /** Files uploaded with attachTemporaryFile, waiting to be attached to a request. */
  readonly temporaryFiles = new Map<
    string,
    { serviceDeskId: string; filename: string; mimeType: string; data: Buffer }
  >();

  addAttachment(
    issue: JiraIssue,
    authorId: string,
    filename: string,
    mimeType: string,
    data: Buffer,
    isPublic = false,
  ): JiraAttachment {
    const a: JiraAttachment = {
      id: String(++this.counters.attachment),
      filename,
      mimeType,
      size: data.length,
      contentBase64: data.toString('base64'),
      authorId,
      created: this.now(),
      ...(isPublic ? { public: true } : {}),
    };
    issue.attachments.push(a);
    this.owners.set(`a${a.id}`, issue.key);
    issue.updated = this.now();
    return a;
  }

  addForm(issue: JiraIssue, template: FormTemplate): IssueForm {
    const form: IssueForm = {
      id: randomUUID(),
      templateId: template.id,
      name: template.name,
      visibility: 'internal',
      status: 'open',
      answers: {},
      updated: this.now(),
    };
    issue.forms.push(form);
    issue.updated = this.now();
    return form;
  }

  changeStatus(issue: JiraIssue, to: string, by: string, selfCaused: boolean): void {
    const from = issue.status;
    if (from === to) return;
    issue.status = to;
    issue.updated = this.now();
    const entry = {
      id: String(++this.counters.changelog),
      authorId: by,
      created: this.now(),
      items: [{ field: 'status', fromString: from, toString: to }],
    };
    issue.changelog.push(entry);
    const fromS = statusByName(from);
    const toS = statusByName(to);
    this.outbox.push({
      eventType: 'avi:jira:updated:issue',
      selfCaused,
      payload: {
        eventType: 'avi:jira:updated:issue',
        atlassianId: by,
        issue: this.eventIssue(issue),
        associatedUsers: [{ accountId: by }],
        changelog: {
          id: entry.id,
          items: [
            {
              field: 'status',
              fieldtype: 'jira',
              fieldId: 'status',
              from: fromS?.id ?? null,
              fromString: from,
              to: toS?.id ?? null,
              toString: to,
            },
          ],
        },
      },
    });
  }

  emitComment(issue: JiraIssue, comment: JiraComment, actor: string, selfCaused: boolean): void {
    this.outbox.push({
      eventType: 'avi:jira:commented:issue',
      selfCaused,
      payload: {
        eventType: 'avi:jira:commented:issue',
        atlassianId: actor,
        issue: this.eventIssue(issue),
        associatedUsers: [{ accountId: actor }],
        comment: {
          id: comment.id,
          author: { accountId: comment.authorId, accountType: this.userJson(comment.authorId).accountType },
          body: comment.body,
          updateAuthor: {
            accountId: comment.updateAuthorId,
            accountType: this.userJson(comment.updateAuthorId).accountType,
          },
          created: jiraTime(comment.created),
          updated: jiraTime(comment.updated),
          jsdPublic: comment.jsdPublic,
        },
      },
    });
  }

  eventIssue(issue: JiraIssue): Record<string, unknown> {
    return {
      id: issue.id,
      key: issue.key,
      fields: {
        summary: issue.summary,
        issuetype: { id: ISSUE_TYPE.id, name: ISSUE_TYPE.name, subtask: false },
        creator: { accountId: issue.reporterId },
        created: jiraTime(issue.created),
        project: { id: PROJECT.id, key: PROJECT.key, name: PROJECT.name, projectTypeKey: 'service_desk' },
        reporter: { accountId: issue.reporterId },
        assignee: null,
        updated: jiraTime(issue.updated),
        status: { id: statusByName(issue.status)?.id, name: issue.status },
      },
    };
  }

  snapshot(): JiraSnapshot {
    return {
      users: [...this.users.values()],
      issues: [...this.issues.values()],
      formTemplates: [...this.formTemplates.values()],
      counters: { ...this.counters },
      outbox: this.outbox,
    };
  }

  restore(s: JiraSnapshot): void {
    for (const u of s.users) this.users.set(u.accountId, u);
    for (const i of s.issues) {
      this.issues.set(i.key, i);
      for (const c of i.comments) this.owners.set(`c${c.id}`, i.key);
      for (const a of i.attachments) this.owners.set(`a${a.id}`, i.key);
    }
    for (const t of s.formTemplates) this.formTemplates.set(t.id, t);
    Object.assign(this.counters, s.counters);
    this.outbox = s.outbox ?? [];
  }
}

/** The first status of the workflow: where an issue whose status is unknown is shown. */
function defaultStatus(): (typeof STATUSES)[number] {
  const [first] = STATUSES;
  if (!first) throw new Error('the sandbox workflow has no status');
  return first;
}
