import type { JiraRoute } from './jira-emulator';

const PROPERTY_MAX_BYTES = 32768;
const ISSUES_MAX = 100;
const PROPERTIES_MAX = 10;

type BulkRoute = JiraRoute;

let tasks = 0;
/** The tasks Jira keeps for the bulk writes, until asked (`GET /rest/api/3/task/{taskId}`). */
const TASKS = new Map<string, { submitted: number; finished: number; skipped: number }>();

/**
 * `POST /rest/api/3/issue/properties/multi`: sets up to 10 properties on each of up to 100 issues.
 * Jira runs it as an asynchronous, non-transactional task and answers 303 with the task's
 * location; here the task is done before the answer, and an issue the caller may not edit is
 * skipped, as the task would report it.
 */
export const BULK_PROPERTY_ROUTES: BulkRoute[] = [
  {
    method: 'POST',
    template: '/rest/api/3/issue/properties/multi',
    pattern: /^\/rest\/api\/3\/issue\/properties\/multi$/,
    run(ctx) {
      const { jira } = ctx;
      const body = ctx.json as { issues?: { issueID?: unknown; properties?: Record<string, unknown> }[] } | undefined;
      const issues = body?.issues;
      if (!Array.isArray(issues) || issues.length === 0) return jira.error(400, 'issues must list at least one issue.');
      if (issues.length > ISSUES_MAX)
        return jira.error(400, `At most ${ISSUES_MAX} issues can be updated in one request.`);
      for (const entry of issues) {
        const properties = entry.properties ?? {};
        if (Object.keys(properties).length === 0 || Object.keys(properties).length > PROPERTIES_MAX) {
          return jira.error(400, `Each issue takes 1 to ${PROPERTIES_MAX} properties.`);
        }
        for (const [key, value] of Object.entries(properties)) {
          const size = Buffer.byteLength(JSON.stringify(value));
          if (size > PROPERTY_MAX_BYTES)
            return jira.error(400, `The property ${key} (${size} bytes) is larger than ${PROPERTY_MAX_BYTES} bytes.`);
        }
      }
      let done = 0;
      for (const entry of issues) {
        const issue = jira.findIssue(String(entry.issueID));
        if (!issue || !jira.canSee(ctx.req.callerId, issue) || !jira.can(ctx.req.callerId, 'EDIT_ISSUES', issue))
          continue;
        done++;
        for (const [key, value] of Object.entries(entry.properties ?? {}))
          issue.properties[key] = JSON.parse(JSON.stringify(value));
      }
      const taskId = String(10000 + ++tasks);
      TASKS.set(taskId, { submitted: jira.now(), finished: jira.now(), skipped: issues.length - done });
      return new Response(null, { status: 303, headers: { location: `${jira.baseUrl}/rest/api/3/task/${taskId}` } });
    },
  },
  {
    method: 'GET',
    template: '/rest/api/3/task/{taskId}',
    pattern: /^\/rest\/api\/3\/task\/([^/]+)$/,
    run(ctx) {
      const taskId = ctx.params[0] as string;
      const task = TASKS.get(taskId);
      if (!task) return ctx.jira.error(404, `The task ${taskId} does not exist.`);
      return Response.json({
        self: `${ctx.jira.baseUrl}/rest/api/3/task/${taskId}`,
        id: taskId,
        description: 'Bulk issue property update',
        status: 'COMPLETE',
        result: task.skipped > 0 ? `${task.skipped} issue(s) could not be updated` : 'All issues updated',
        submittedBy: 0,
        progress: 100,
        elapsedRuntime: task.finished - task.submitted,
        submitted: task.submitted,
        started: task.submitted,
        finished: task.finished,
        lastUpdate: task.finished,
      });
    },
  },
];
