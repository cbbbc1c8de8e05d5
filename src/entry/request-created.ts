import type { InvocationError } from '@forge/events';
import { forgePorts } from '../adapters/forge-ports';
import { CLAIM_SECONDS, takeInConcern } from '../services/escalation-intake';
import { loadInvocationContext } from '../services/invocation-context';
import { retryAfter, retryOrDrop } from './product-event-retry';

/**
 * Product trigger on issue creation: a customer's concern about an app, raised on the program's
 * portal. Every step of the intake is safe to repeat, so a failure that may pass is redelivered.
 */
export async function onRequestCreated(event: unknown): Promise<InvocationError | undefined> {
  const key = (event as { issue?: { key?: unknown } } | null)?.issue?.key;
  if (typeof key !== 'string' || key === '') {
    console.warn('issue created: the event names no issue key; ignored');
    return undefined;
  }
  try {
    const outcome = await takeInConcern(await loadInvocationContext(forgePorts()), key);
    // Another delivery holds the request, or died holding it: ask again once its claim has lapsed.
    if (outcome.what === 'in-progress-elsewhere')
      return retryAfter(event, `customer concern ${key}`, CLAIM_SECONDS + 1);
    if (outcome.what !== 'not-a-concern') console.log(`customer concern ${key}: ${outcome.what}`);
    return undefined;
  } catch (error) {
    return retryOrDrop(
      event,
      `customer concern ${key}`,
      error,
      'the request stays in the queue for agents to link by hand',
    );
  }
}
