import { Link } from 'wouter';
import type { ApiError } from '../api/client.ts';

/** A quiet loading line; announced to screen readers. */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

/** An API error as a readable message, with a retry when one makes sense. */
export function ErrorBox({
  error,
  onRetry,
  title,
}: {
  error: ApiError;
  onRetry?: () => void;
  title?: string;
}) {
  return (
    <div className="error-box" role="alert">
      <p className="error-box-title">{title ?? headingFor(error.status)}</p>
      <p>{error.detail}</p>
      {onRetry !== undefined && error.status !== 404 && error.status !== 403 && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
      {(error.status === 404 || error.status === 403) && (
        <Link href="/" className="button">
          Go to your processes
        </Link>
      )}
    </div>
  );
}

/** A failed filtered read: the server's reason for refusing the filters (a 400) with a way out. */
export function FilterErrorBox({
  error,
  onRetry,
  onClear,
}: {
  error: ApiError;
  onRetry: () => void;
  onClear: () => void;
}) {
  if (error.status !== 400) return <ErrorBox error={error} onRetry={onRetry} />;
  return (
    <div className="error-box" role="alert">
      <p className="error-box-title">These filters cannot be applied</p>
      <p>{error.detail}</p>
      <button type="button" className="button" onClick={onClear}>
        Clear filters
      </button>
    </div>
  );
}

/** A short inline error next to a form or field. */
export function InlineError({ message, id }: { message: string | undefined; id?: string }) {
  if (message === undefined || message === '') return null;
  return (
    <p className="field-error" id={id} role="alert">
      {message}
    </p>
  );
}

function headingFor(status: number): string {
  if (status === 404) return 'Not found';
  if (status === 403) return 'No access';
  if (status === 0) return 'Connection problem';
  return 'Could not load this';
}
