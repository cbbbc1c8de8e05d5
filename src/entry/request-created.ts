import { forgePorts } from '../adapters/forge-ports';
import { takeInConcern } from '../services/escalation-intake';
import { loadInvocationContext } from '../services/invocation-context';

/** Every step of the intake is safe to repeat, so a failure is retried here: a product trigger that throws is not retried by the platform. */
const ATTEMPTS = 3;

/** Product trigger on issue creation: a customer's concern about an app, raised on the program's portal. */
export async function onRequestCreated(event: unknown): Promise<void> {
  const key = (event as { issue?: { key?: unknown } } | null)?.issue?.key;
  if (typeof key !== 'string' || key === '') {
    console.warn('issue created: the event names no issue key; ignored');
    return;
  }
  for (let attempt = 1; ; attempt++) {
    try {
      const outcome = await takeInConcern(await loadInvocationContext(forgePorts()), key);
      if (outcome.what !== 'not-a-concern') console.log(`customer concern ${key}: ${outcome.what}`);
      return;
    } catch (error) {
      console.error(`customer concern ${key}, attempt ${attempt}: ${error instanceof Error ? error.message : String(error)}`);
      if (attempt >= ATTEMPTS) throw error;
    }
  }
}
