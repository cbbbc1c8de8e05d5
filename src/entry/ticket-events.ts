import type { InvocationError } from '@forge/events';
import { forgePorts } from '../adapters/forge-ports';
import { handleTicketEvent } from '../services/ticket-events';
import { retryOrDrop } from './product-event-retry';

/**
 * Product trigger for comments and issue updates. A bad payload is dropped by the service; a
 * reply whose event is dropped is still on the ticket, and the review worker reads the comments
 * since the notice before the answer reminder and before closing the window.
 */
export async function onTicketEvent(event: unknown): Promise<InvocationError | undefined> {
  try {
    const outcome = await handleTicketEvent(forgePorts(), event);
    if (outcome.handled)
      console.log(
        `ticket event on ${outcome.issueKey}: ${outcome.what}${outcome.detail ? ` (${outcome.detail})` : ''}`,
      );
    return undefined;
  } catch (error) {
    return retryOrDrop(event, 'ticket event', error, 'left for the review worker to read from the ticket');
  }
}
