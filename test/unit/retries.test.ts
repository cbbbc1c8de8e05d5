import { route } from '@forge/api';
import { JiraClient, type Timing } from '../../src/adapters/jira/jira-client';
import { JiraApiError } from '../../src/adapters/jira/jira-errors';
import { handleTicketEvent } from '../../src/services/ticket-events';
import { onTicketEvent } from '../../src/entry/ticket-events';

jest.mock('../../src/adapters/forge-ports', () => ({ forgePorts: () => ({}) }));
jest.mock('../../src/services/ticket-events', () => ({ handleTicketEvent: jest.fn() }));
const handle = handleTicketEvent as jest.MockedFunction<typeof handleTicketEvent>;

/** A clock that moves only when the client waits: no real time passes in these tests. */
function fakeTiming(remaining?: (elapsed: number) => number): Timing & { slept: number } {
  const timing = {
    slept: 0,
    now: () => timing.slept,
    sleep: async (ms: number) => {
      timing.slept += ms;
    },
    remainingMs: () => (remaining ? remaining(timing.slept) : undefined),
  };
  return timing;
}

const unavailable = async () => ({
  status: 503,
  text: async () => '{"errorMessages":["down"]}',
  headers: { get: () => null },
});
const slowPolicy = { attempts: 10, baseDelayMs: 4_000, maxDelayMs: 10_000 };

describe('the Jira client’s retries stay within the resolver’s 25 s', () => {
  beforeEach(() => jest.spyOn(Math, 'random').mockReturnValue(1));
  afterEach(() => jest.restoreAllMocks());

  test('counting the time the invocation already spent, as the runtime reports it', async () => {
    // 12 s of the 25 s already gone before the first request.
    const timing = fakeTiming((elapsed) => 13_000 - elapsed);
    const client = new JiraClient(unavailable, slowPolicy, timing);
    await expect(client.send({ method: 'GET', path: route`/rest/api/3/myself` })).rejects.toBeInstanceOf(JiraApiError);
    expect(timing.slept).toBeLessThanOrEqual(10_000);
    expect(timing.slept).toBeGreaterThan(0);
  });

  test('from the client’s start when the runtime does not say', async () => {
    const timing = fakeTiming();
    const client = new JiraClient(unavailable, slowPolicy, timing);
    await expect(client.send({ method: 'GET', path: route`/rest/api/3/myself` })).rejects.toBeInstanceOf(JiraApiError);
    expect(timing.slept).toBeLessThan(25_000);
    expect(timing.slept).toBeGreaterThanOrEqual(12_000);
  });
});

describe('the comment trigger asks Forge for a retry only when it may help', () => {
  const event = (retryCount?: number) => ({
    eventType: 'avi:jira:commented:issue',
    ...(retryCount !== undefined ? { retryContext: { retryCount } } : {}),
  });
  beforeEach(() => jest.spyOn(console, 'warn').mockImplementation(() => undefined));
  beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  test('a transient failure returns an InvocationError, later each time, never past 900 s', async () => {
    handle.mockRejectedValue(new JiraApiError(503, 'GET', '/rest/api/3/issue/CFP-1', ['down']));
    const delays: number[] = [];
    for (const retryCount of [undefined, 1, 2, 3]) {
      const answer = (await onTicketEvent(event(retryCount))) as unknown as {
        _retry?: boolean;
        retryOptions?: { retryAfter: number };
      };
      expect(answer?._retry).toBe(true);
      delays.push(answer.retryOptions!.retryAfter);
    }
    expect(delays).toEqual([60, 120, 240, 480]);
  });

  test('past the fourth retry, or on a failure that would repeat, the event is left to the review worker', async () => {
    handle.mockRejectedValue(new JiraApiError(503, 'GET', '/rest/api/3/issue/CFP-1', ['down']));
    expect(await onTicketEvent(event(4))).toBeUndefined();
    handle.mockRejectedValue(new JiraApiError(403, 'GET', '/rest/api/3/issue/CFP-1', ['no']));
    expect(await onTicketEvent(event())).toBeUndefined();
  });
});
