import { messageFor } from '../api/errors.ts';
import { Button } from './Button.tsx';

export interface ErrorStateProps {
  error: unknown;
  title?: string;
  /** Offers "Try again", e.g. a query's refetch. */
  onRetry?: () => void;
}

/** What a page shows instead of its content when loading its data failed. */
export function ErrorState({ error, title = 'This could not be loaded', onRetry }: ErrorStateProps) {
  return (
    <div className="error-state" role="alert">
      <p className="error-state__title">{title}</p>
      <p>{messageFor(error)}</p>
      {onRetry && (
        <Button size="sm" onClick={onRetry}>
          Try again
        </Button>
      )}
    </div>
  );
}
