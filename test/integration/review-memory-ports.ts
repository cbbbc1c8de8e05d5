import { CLOUD_FORTIFIED } from '../../src/domain/cloud-fortified';
import { appNextActionOn, ensureNextCycle } from '../../src/domain/review-cycle';
import { startSubmission } from '../../src/domain/submission';
import { adfToPlainText } from '../../src/domain/messages';
import type { AdfDoc } from '../../src/domain/messages/adf';
import type { AuditEntry, TrackedApp } from '../../src/domain/tracked-app';
import type { EffectMark, Ports, PostedComment } from '../../src/ports';

/** A comment as the in-memory Jira keeps it. */
export interface MemoryComment extends PostedComment {
  issueKey: string;
}

/**
 * Ports kept in memory, for testing the review services' own logic (ordering, claims, records)
 * without the sandbox. Failures are injected per call through `failNext`.
 */
export function memoryPorts(start: string) {
  let now = new Date(start);
  let ids = 100;
  const comments: MemoryComment[] = [];
  const attachments: { issueKey: string; id: string; fileName: string }[] = [];
  const apps = new Map<string, TrackedApp>();
  const audit: AuditEntry[] = [];
  const claims = new Map<string, number>();
  const announced = new Set<string>();
  const queue: string[][] = [];
  const agents = new Set<string>(['agent-1']);
  const failNext: Partial<Record<'post' | 'save', Error>> = {};
  let jiraRequests = 0;
  const markOf = (m: EffectMark) => `${m.issueKey}:${m.cycleId}:${m.effect}`;

  const ports: Ports = {
    jira: {
      async getIssue() {
        return null;
      },
      async postCommentOnce(mark, body: AdfDoc, visibility) {
        jiraRequests++;
        const found = comments.find((c) => c.mark && markOf(c.mark) === markOf(mark));
        if (found) return { id: found.id, alreadyThere: true };
        if (failNext.post) {
          const error = failNext.post;
          delete failNext.post;
          throw error;
        }
        const id = String(ids++);
        const at = now.toISOString();
        comments.push({
          issueKey: mark.issueKey,
          id,
          authorAccountId: 'app',
          authorAccountType: 'app',
          text: adfToPlainText(body),
          public: visibility === 'public',
          created: at,
          updated: at,
          mark,
        });
        return { id, alreadyThere: false };
      },
      async attachFileOnce(issueKey, fileName) {
        jiraRequests++;
        const found = attachments.find((a) => a.issueKey === issueKey && a.fileName === fileName);
        if (found) return { id: found.id, alreadyThere: true };
        const id = String(ids++);
        attachments.push({ issueKey, id, fileName });
        return { id, alreadyThere: false };
      },
      async addFormOnce() {
        throw new Error('no forms here');
      },
      async readFormAnswers() {
        return null;
      },
      async getComment(issueKey, commentId) {
        jiraRequests++;
        return comments.find((c) => c.issueKey === issueKey && c.id === commentId) ?? null;
      },
      async commentsSince(issueKey, since) {
        jiraRequests++;
        const after = comments.filter(
          (c) => c.issueKey === issueKey && c.id !== since.commentId && c.created >= since.at,
        );
        return after.reverse();
      },
      async writeSummaryProperty() {
        jiraRequests++;
      },
      async transitionTo() {
        return { ok: false, reason: 'not here' };
      },
      async callerOnTicket() {
        return { canEdit: true, isAdmin: false, isPartner: false };
      },
      async callerOnProgram() {
        return { isAdmin: false, isAgent: true };
      },
      async isAgent(_issueKey, accountId) {
        jiraRequests++;
        return agents.has(accountId);
      },
      async readRequestText() {
        return null;
      },
      async linkIssues() {
        throw new Error('no links here');
      },
    },
    apps: {
      async get(key) {
        const app = apps.get(key);
        return app ? structuredClone(app) : null;
      },
      async getMany(keys) {
        return keys.flatMap((k) => (apps.has(k) ? [structuredClone(apps.get(k) as TrackedApp)] : []));
      },
      async create(app, entries) {
        if (apps.has(app.issueKey)) return { ok: false, reason: 'exists' };
        apps.set(app.issueKey, structuredClone(app));
        audit.push(...(entries ?? []));
        return { ok: true };
      },
      async save(app, entries) {
        if (failNext.save) {
          const error = failNext.save;
          delete failNext.save;
          throw error;
        }
        const stored = apps.get(app.issueKey);
        if (!stored || stored.version !== app.version - 1) return { ok: false, reason: 'conflict' };
        apps.set(app.issueKey, structuredClone(app));
        audit.push(...(entries ?? []));
        return { ok: true, app: structuredClone(app) };
      },
      async dueOnOrBefore(day) {
        return {
          issueKeys: [...apps.values()]
            .filter((a) => a.nextActionOn !== null && a.nextActionOn <= day)
            .map((a) => a.issueKey),
        };
      },
      async list() {
        return { apps: [...apps.values()].map((a) => structuredClone(a)) };
      },
    },
    audit: {
      async append(entries) {
        audit.push(...entries);
      },
      async forIssue(issueKey) {
        return audit.filter((e) => e.issueKey === issueKey).reverse();
      },
    },
    settings: {
      async load() {
        return { settings: CLOUD_FORTIFIED };
      },
      async save() {},
    },
    once: {
      async claim(key, ttlSeconds) {
        const until = claims.get(key);
        if (until !== undefined && until > now.getTime()) return false;
        claims.set(key, ttlSeconds ? now.getTime() + ttlSeconds * 1000 : Number.MAX_SAFE_INTEGER);
        return true;
      },
      async release(key) {
        claims.delete(key);
      },
      async done(key) {
        claims.delete(key);
      },
      async sweep() {
        return 0;
      },
    },
    announcements: {
      async announced() {
        return [...announced];
      },
      async markAnnounced(id) {
        announced.add(id);
      },
    },
    queue: {
      async pushReviewWork(issueKeys) {
        queue.push([...issueKeys]);
      },
    },
    clock: { now: () => now },
  };

  return {
    ports,
    comments,
    attachments,
    apps,
    audit,
    queue,
    agents,
    failNext,
    setNow(iso: string) {
      now = new Date(iso);
    },
    requests: () => jiraRequests,
  };
}

/** An app approved on `approvedOn`, its next annual review scheduled as of `today`. */
export function approvedApp(issueKey: string, approvedOn: string, today: string): TrackedApp {
  const at = `${approvedOn}T10:00:00.000Z`;
  const app: TrackedApp = {
    issueKey,
    issueId: issueKey.replace(/\D/g, ''),
    appName: `App ${issueKey}`,
    createdAt: at,
    createdBy: 'agent-1',
    submission: { ...startSubmission(CLOUD_FORTIFIED, 'agent-1', at), stage: 'approved' },
    approval: { approvedOn, by: 'agent-1', at },
    reviews: [],
    nextActionOn: null,
    version: 1,
  };
  const scheduled = ensureNextCycle(app, today, CLOUD_FORTIFIED, at);
  return { ...scheduled, nextActionOn: appNextActionOn(scheduled, CLOUD_FORTIFIED) };
}
