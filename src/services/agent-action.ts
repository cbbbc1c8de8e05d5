import type { AgentAction } from '../domain/decide';
import type { Result } from '../domain/result';
import type { TrackedApp } from '../domain/tracked-app';
import { record } from './executor';
import type { InvocationContext } from './invocation-context';

export interface AgentActionParams {
  issueKey: string;
  /** The agent's account id. */
  by: string;
  action: AgentAction;
}

/** An agent records a check, sets the partner's answer, raises an escalation or changes a requirement. */
export async function actOnTicket(
  ctx: InvocationContext,
  { issueKey, by, action }: AgentActionParams,
): Promise<Result<TrackedApp>> {
  return record(ctx, issueKey, { kind: 'agent', action }, by);
}
