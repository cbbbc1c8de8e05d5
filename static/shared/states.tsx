import { SectionMessage } from './ui/SectionMessage';
import { Button } from './ui/Button';
import { errorMessage } from './error-message';

export { Loading } from './loading';

/** The panel's error message, in the light look-alikes. */
export const ErrorMessage = errorMessage({ SectionMessage, Button });
