import { forgePorts } from '../adapters/forge-ports';
import { handleTicketEvent } from '../services/ticket-events';

/**
 * Product trigger for comments and issue updates. A bad payload is dropped by the service; a
 * failure while recording is logged and thrown so the platform's retry can deliver it again.
 */
export async function onTicketEvent(event: unknown): Promise<void> {
  const outcome = await handleTicketEvent(forgePorts(), event);
  if (outcome.handled) console.log(`ticket event on ${outcome.issueKey}: ${outcome.what}${outcome.detail ? ` (${outcome.detail})` : ''}`);
}
