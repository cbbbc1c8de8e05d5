/** The review check that holds the partner's significant-change answer (the others are Atlassian's). */
export const SIGNIFICANT_CHANGES_CHECK = 'significant-changes';
