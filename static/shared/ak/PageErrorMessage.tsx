import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { errorMessage } from '../error-message';

/**
 * The pages' error message, in Atlassian's section message (its icon tells error from warning
 * without colour) with Atlassian's buttons. Not the section message's own action: that is a link
 * component that brings the theme runtime (about 5 KiB gzipped more) into the page.
 */
export const PageErrorMessage = errorMessage({ SectionMessage, Button });
