import type { ResolverApi, ResolverKey, ResolverPayload, TicketView } from '../../src/contract';

/** The panel's view of a tracked ticket. */
export type Tracked = Extract<TicketView, { tracked: true }>;

/** Resolvers that change the ticket and answer its new state. */
export type TicketAction = {
  [K in ResolverKey]: ResolverApi[K]['result'] extends TicketView ? K : never;
}[ResolverKey];

/** Runs an action; resolves to true when it succeeded, so forms can clear themselves. */
export type RunAction = <K extends TicketAction>(key: K, payload: ResolverPayload<K>) => Promise<boolean>;
