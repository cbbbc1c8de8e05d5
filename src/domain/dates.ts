/** A calendar day in the program's time zone, written `YYYY-MM-DD`. */
export type IsoDate = string;
/** An instant, written as an ISO 8601 timestamp in UTC. */
export type IsoDateTime = string;
