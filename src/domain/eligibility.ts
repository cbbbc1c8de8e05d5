import type { ProgramSettings } from './program';

/** What the program needs to know of a Jira ticket to decide whether it is a submission. */
export interface TicketFacts {
  key: string;
  summary: string;
  projectKey: string;
  requestType?: string;
}

/** Why the program's settings do not treat this ticket as a submission; undefined when they do. */
export function ineligibility(issue: TicketFacts, program: ProgramSettings): string | undefined {
  if (program.projects.length > 0 && !program.projects.includes(issue.projectKey)) {
    return `Project ${issue.projectKey} is not one of the program's projects (${program.projects.join(', ')}).`;
  }
  if (program.requestTypes.length > 0) {
    const type = issue.requestType?.trim().toLowerCase();
    if (!type || !program.requestTypes.some((t) => t.trim().toLowerCase() === type)) {
      return `The request type ${issue.requestType ? `"${issue.requestType}"` : '(none)'} is not one of the program's (${program.requestTypes.join(', ')}).`;
    }
  }
  return undefined;
}

/** The request type costs Jira a second request: asked only when the settings filter on it. */
export function needsRequestType(program: ProgramSettings): { requestType: boolean } {
  return { requestType: program.requestTypes.length > 0 };
}

/**
 * The app's name as partners usually write it in the ticket summary, without the program's
 * boilerplate ("[Cloud Fortified] Submission: Acme Tasks" → "Acme Tasks").
 */
export function suggestedAppName(summary: string): string {
  let name = summary
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const boilerplate =
    /\b(cloud fortified|fortified|submission|application|apply|request|approval|review|program(me)?)\b/i;
  const separator = name.search(/\s*(?::|\s[-–—|]\s)\s*/);
  if (separator > 0 && boilerplate.test(name.slice(0, separator))) {
    name = name.slice(separator).replace(/^\s*(?::|[-–—|])\s*/, '');
  }
  name = name.replace(/^(cloud fortified\s+)?(submission|application|approval request|request)\s+(for|of)\s+/i, '');
  name = name.replace(/\s+(cloud fortified\s+)?(submission|application|approval)$/i, '');
  return name.trim().slice(0, 120);
}
