// The manifest's handlers: index.resolver, index.portalResolver, index.runSweep, index.onTicketEvent, index.processReviewWork, index.onRequestCreated.
export { resolver } from './entry/resolver';
export { portalResolver } from './entry/portal-resolver';
export { runSweep } from './entry/sweep';
export { onTicketEvent } from './entry/ticket-events';
export { processReviewWork } from './entry/review-worker';
export { onRequestCreated } from './entry/request-created';
