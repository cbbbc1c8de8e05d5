import { Row } from './layout';
import { Spinner } from './ui/Spinner';

export function Loading({ what }: { what: string }) {
  return (
    <Row>
      <Spinner label={`Loading ${what}`} />
      <span>Loading {what}…</span>
    </Row>
  );
}
