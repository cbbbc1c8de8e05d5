import type { JiraPort } from '../../ports';
import { SUMMARY_PROPERTY_KEY } from '../../services/summary-property';
import { attachFileOnce } from './attachments';
import { commentsSince, getComment, postCommentOnce, type PostLog } from './comments';
import { addFormOnce, readFormAnswers } from './forms';
import { linkIssues, readRequestText } from './issue-links';
import { getIssue } from './issues';
import type { JiraClient } from './jira-client';
import { callerOnProgram, callerOnTicket, isServiceDeskAgent } from './permissions';
import { writeIssueProperty, writeIssuePropertyBulk } from './properties';
import { transitionTo } from './transitions';

export interface JiraPortDeps {
  /** Acts as the app: everything the app does on tickets. */
  app: JiraClient;
  /** Acts as the user of the current invocation: what that user may do, only. */
  user: JiraClient;
  /** Notes of posting attempts, so a first post skips searching the ticket for its mark. */
  postLog?: PostLog;
}

/** The Jira port: each method is one small module under `src/adapters/jira/`. */
export function createJiraPort({ app, user, postLog }: JiraPortDeps): JiraPort {
  // One answer per account and ticket is enough within an invocation.
  const agents = new Map<string, Promise<boolean>>();
  return {
    getIssue: (issueKey, options) => getIssue(app, issueKey, options),
    postCommentOnce: (mark, body, visibility, options) =>
      postCommentOnce(app, postLog, mark, body, visibility, options),
    attachFileOnce: (issueKey, fileName, content, mimeType, options) =>
      attachFileOnce(app, issueKey, fileName, content, mimeType, options),
    addFormOnce: (issueKey, templateId) => addFormOnce(app, issueKey, templateId),
    readFormAnswers: (issueKey, formId) => readFormAnswers(app, issueKey, formId),
    getComment: (issueKey, commentId) => getComment(app, issueKey, commentId),
    commentsSince: (issueKey, since) => commentsSince(app, issueKey, since),
    writeSummaryProperty: (issueKey, summary) => writeIssueProperty(app, issueKey, SUMMARY_PROPERTY_KEY, summary),
    writeSummaryProperties: (summaries) =>
      writeIssuePropertyBulk(
        app,
        SUMMARY_PROPERTY_KEY,
        summaries.map((s) => ({ issueId: s.issueId, value: s.summary })),
      ),
    transitionTo: (issueKey, statusNames) => transitionTo(app, issueKey, statusNames),
    // The platform asks as the invoking user; the account id names who that is.
    callerOnTicket: (issueKey, accountId) => callerOnTicket(user, app, issueKey, accountId),
    callerOnProgram: (_accountId, projectKeys) => callerOnProgram(user, projectKeys),
    isAgent: (issueKey, accountId) => {
      const key = `${issueKey}|${accountId}`;
      let answer = agents.get(key);
      if (!answer) {
        answer = isServiceDeskAgent(app, issueKey, accountId);
        agents.set(key, answer);
        answer.catch(() => agents.delete(key));
      }
      return answer;
    },
    readRequestText: (issueKey) => readRequestText(app, issueKey),
    linkIssues: (issueKey, relatedKey) => linkIssues(app, issueKey, relatedKey),
  };
}
