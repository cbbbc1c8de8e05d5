import type { DocNode } from '@atlaskit/adf-schema';

/** An Atlassian Document Format document, as Jira's REST API takes it. */
export type AdfDoc = DocNode;
