import type { Sandbox } from '../index';
import { esc } from './html';
import { THEME_ATTRIBUTE } from './theme-css';

export interface LocalUser {
  accountId: string;
  displayName: string;
  kind: string;
}

export interface PageContext {
  sandbox: Sandbox;
  as: string;
  users: LocalUser[];
}

const STYLE = `
body { margin: 0; font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, sans-serif; font-size: 14px;
  background: var(--ds-surface, #fff); color: var(--ds-text, #172b4d); }
a { color: var(--ds-link, #0c66e4); }
header.top { display: flex; gap: 16px; align-items: center; flex-wrap: wrap; padding: 8px 16px;
  background: var(--ds-surface-sunken, #f7f8f9); border-bottom: 1px solid var(--ds-border, #dcdfe4); }
header.top .brand { font-weight: 600; }
header.top form { display: inline-flex; gap: 4px; align-items: center; margin: 0; }
main { padding: 16px; }
.ticket { display: grid; grid-template-columns: minmax(0, 1fr) 350px; gap: 24px; align-items: start; }
.ticket > * { min-width: 0; }
/* A narrow window (a phone, a split screen) stacks the issue panel under the ticket, as Jira does. */
@media (max-width: 760px) {
  main { padding: 8px; }
  .ticket { grid-template-columns: minmax(0, 1fr); }
  header.top { gap: 8px; padding: 8px; }
}
h1 { overflow-wrap: anywhere; }
.reply textarea { width: 100%; box-sizing: border-box; }
.table-scroll { overflow-x: auto; }
.portal-note { padding: 8px 12px; border-radius: 6px; background: var(--ds-background-information, #e9f2ff); }
.panel-frame { width: 100%; border: 1px solid var(--ds-border, #dcdfe4); border-radius: 6px; min-height: 200px; background: var(--ds-surface, #fff); }
.page-frame { width: 100%; border: none; min-height: 600px; }
.comment { border: 1px solid var(--ds-border, #dcdfe4); border-radius: 6px; padding: 8px 12px; margin: 8px 0; }
.comment.internal { background: var(--ds-background-warning, #fff7d6); }
.comment.focused { outline: 2px solid var(--ds-border-focused, #388bff); }
.comment .meta { color: var(--ds-text-subtle, #44546f); font-size: 12px; margin-bottom: 4px; }
.comment .body { white-space: pre-wrap; overflow-wrap: anywhere; }
.badge { display: inline-block; padding: 0 6px; border-radius: 3px; font-size: 11px; font-weight: 700; text-transform: uppercase;
  background: var(--ds-background-neutral, #091e420f); }
table.list { border-collapse: collapse; width: 100%; }
table.list td, table.list th { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--ds-border, #dcdfe4); }
textarea, select, input, button { font: inherit; color: var(--ds-text, #172b4d); background: var(--ds-background-input, #fff);
  border: 1px solid var(--ds-border-input, #8590a2); border-radius: 3px; }
button { cursor: pointer; background: var(--ds-background-neutral, #f1f2f4); border-color: transparent; padding: 4px 10px; }
`;

/** Applies the saved colour mode before first paint, and resizes the app frames to their content. */
const SCRIPT = `
(function () {
  var mode = localStorage.getItem('cf-color-mode') || 'light';
  document.documentElement.setAttribute('data-color-mode', mode);
  document.documentElement.setAttribute('data-theme', ${JSON.stringify(THEME_ATTRIBUTE)});
  window.toggleTheme = function () {
    var next = (localStorage.getItem('cf-color-mode') || 'light') === 'dark' ? 'light' : 'dark';
    localStorage.setItem('cf-color-mode', next);
    document.documentElement.setAttribute('data-color-mode', next);
    document.querySelectorAll('iframe').forEach(function (f) {
      try { f.contentWindow.__applyLocalTheme && f.contentWindow.__applyLocalTheme(); } catch (e) {}
    });
  };
  window.chooseUser = function (accountId) {
    document.cookie = 'cf_as=' + encodeURIComponent(accountId) + '; path=/; SameSite=Strict';
    location.reload();
  };
  window.fitFrame = function (frame) {
    try {
      var doc = frame.contentDocument;
      var fit = function () { frame.style.height = Math.max(200, doc.documentElement.scrollHeight) + 'px'; };
      new ResizeObserver(fit).observe(doc.body);
      fit();
    } catch (e) {}
  };
})();
`;

function layout(ctx: PageContext, title: string, body: string): string {
  const today = ctx.sandbox.clock.today();
  const options = ctx.users
    .map(
      (u) =>
        `<option value="${esc(u.accountId)}"${u.accountId === ctx.as ? ' selected' : ''}>${esc(u.displayName)} (${esc(u.kind)})</option>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)} · Cloud Fortified Tracker (local)</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="/local/tokens.css"><style>${STYLE}</style><script>${SCRIPT}</script></head>
<body>
<header class="top">
  <span class="brand">Cloud Fortified Tracker · local site</span>
  <a href="/">Tickets</a> <a href="/apps">All apps</a> <a href="/settings">Settings</a>
  <span data-testid="today">Today: <strong>${esc(today)}</strong></span>
  <form method="post" action="/local/clock"><input type="hidden" name="days" value="1"><button type="submit" data-testid="advance-day">+1 day &amp; sweep</button></form>
  <form method="post" action="/local/clock"><input type="hidden" name="days" value="7"><button type="submit" data-testid="advance-week">+1 week &amp; sweep</button></form>
  <label>Acting as <select data-testid="acting-as" onchange="chooseUser(this.value)">${options}</select></label>
  <button type="button" data-testid="theme-switch" onclick="toggleTheme()">Light / dark</button>
</header>
<main>${body}</main>
</body></html>`;
}

function frameSrc(page: string, params: Record<string, string>): string {
  return `/frame/${page}/?${new URLSearchParams(params).toString()}`;
}

export function ticketListPage(ctx: PageContext): string {
  const jira = ctx.sandbox.jira;
  const rows = jira
    .issueKeys()
    .map((key) => jira.issue(key))
    .filter((i): i is NonNullable<typeof i> => i !== undefined)
    // The portal lists a customer's own requests only.
    .filter((i) => !isCustomer(ctx) || i.reporterId === ctx.as || i.participants.includes(ctx.as))
    .map((i) => {
      const summary = jira.property(i.key, 'cf-tracker-summary') as Record<string, unknown> | undefined;
      const tracked = summary
        ? `${esc(summary.stage)}${summary.reviewState ? ` · review ${esc(summary.reviewState)}` : ''}`
        : 'not tracked';
      return `<tr><td><a href="/browse/${esc(i.key)}">${esc(i.key)}</a></td><td>${esc(i.summary)}</td><td>${esc(i.status)}</td><td>${tracked}</td></tr>`;
    })
    .join('');
  return layout(
    ctx,
    'Tickets',
    `<h1>Tickets</h1><div class="table-scroll"><table class="list" data-testid="ticket-list"><thead><tr><th>Key</th><th>Summary</th><th>Status</th><th>Tracker</th></tr></thead><tbody>${rows}</tbody></table></div>`,
  );
}

/**
 * A ticket as Jira shows it to the person acting: an agent or an admin sees the agent view (every
 * comment, internal notes marked, the issue panel); a partner sees what the JSM portal shows a
 * customer on their own request: public comments only, and no issue panel.
 */
export function ticketPage(ctx: PageContext, issueKey: string, focusedCommentId: string | undefined): string | null {
  const jira = ctx.sandbox.jira;
  const issue = jira.issue(issueKey);
  if (!issue) return null;
  const name = (id: string) =>
    id === ctx.sandbox.appAccountId ? 'Cloud Fortified Tracker (app)' : (jira.users.get(id)?.displayName ?? id);
  const customer = isCustomer(ctx);
  if (customer && issue.reporterId !== ctx.as && !issue.participants.includes(ctx.as)) {
    return layout(
      ctx,
      issue.key,
      `<p data-testid="portal-no-access">${esc(name(ctx.as))} is not on ${esc(issue.key)}: the portal shows customers only the requests they raised or were added to.</p>`,
    );
  }
  const comments = jira
    .comments(issueKey)
    .filter((c) => c.public || !customer)
    .map(
      (
        c,
      ) => `<div class="comment${c.public ? '' : ' internal'}${c.id === focusedCommentId ? ' focused' : ''}" id="comment-${esc(c.id)}" data-testid="comment">
  <div class="meta">${esc(name(c.author))} · ${esc(c.created)}${customer ? '' : ` · <span class="badge">${c.public ? 'reply to customer' : 'internal note'}</span>`}</div>
  <div class="body">${esc(c.text)}</div></div>`,
    )
    .join('');
  const attachments = jira
    .attachments(issueKey)
    .map(
      (a) =>
        `<li data-testid="attachment"><a href="/local/attachment/${esc(issueKey)}/${esc(a.id)}">${esc(a.filename)}</a> (${a.size} bytes)</li>`,
    )
    .join('');
  const reporter = issue.reporterId;
  // A partner sees the request as on the customer portal: the app's portal panel, never the agents' issue panel.
  const side = customer
    ? `<aside>
    <h3>Cloud Fortified</h3>
    <iframe class="panel-frame" title="Cloud Fortified on the portal" src="${esc(frameSrc('portal-panel', { module: 'cf-tracker-portal-panel', type: 'jiraServiceManagement:portalRequestDetailPanel', issueKey, issueId: issue.id, as: ctx.as }))}" onload="fitFrame(this)" data-testid="portal-panel-frame"></iframe>
  </aside>`
    : `<aside>
    <h3>Cloud Fortified</h3>
    <iframe class="panel-frame" title="Cloud Fortified issue panel" src="${esc(frameSrc('issue-panel', { module: 'cf-tracker-panel', type: 'jira:issuePanel', issueKey, issueId: issue.id, as: ctx.as }))}" onload="fitFrame(this)" data-testid="panel-frame"></iframe>
  </aside>`;
  const body = `
<div class="ticket">
  <section>
    <div><a href="/">${customer ? 'Requests' : 'Tickets'}</a> / ${esc(issue.key)}</div>
    ${customer ? `<p class="portal-note" data-testid="portal-view">The customer portal, as ${esc(name(ctx.as))} sees this request: replies to the customer only, never the agents' internal notes.</p>` : ''}
    <h1 data-testid="summary">${esc(issue.summary)}</h1>
    <p>Status: <strong data-testid="status">${esc(issue.status)}</strong> · Request type: ${esc(issue.requestType ?? '—')} · Reporter: ${esc(name(reporter))}</p>
    <h3>Attachments</h3>
    ${attachments ? `<ul>${attachments}</ul>` : '<p>None.</p>'}
    <h3>Activity</h3>
    <form method="post" action="/local/comment" class="reply" data-testid="partner-comment-form">
      <input type="hidden" name="issueKey" value="${esc(issue.key)}">
      <label for="partner-comment">Reply as the partner (${esc(name(reporter))}), as if by e-mail:</label><br>
      <textarea id="partner-comment" name="body" rows="4" data-testid="partner-comment"></textarea><br>
      <button type="submit" data-testid="post-partner-comment">Send reply</button>
    </form>
    ${comments || '<p>No comments yet.</p>'}
  </section>
  ${side}
</div>
${focusedCommentId ? `<script>var el = document.getElementById('comment-${esc(focusedCommentId)}'); if (el) el.scrollIntoView();</script>` : ''}`;
  return layout(ctx, issue.key, body);
}

/** A partner is a JSM customer: the portal, not the agent view. */
function isCustomer(ctx: PageContext): boolean {
  return ctx.users.find((u) => u.accountId === ctx.as)?.kind === 'partner';
}

export function framedPage(ctx: PageContext, title: string, page: 'global-page' | 'admin-page'): string {
  const module =
    page === 'global-page'
      ? { module: 'cf-tracker-apps', type: 'jira:globalPage' }
      : { module: 'cf-tracker-settings', type: 'jira:adminPage' };
  const src = frameSrc(page, { ...module, as: ctx.as });
  return layout(
    ctx,
    title,
    `<iframe class="page-frame" title="${esc(title)}" src="${esc(src)}" onload="fitFrame(this)" data-testid="page-frame"></iframe>`,
  );
}
