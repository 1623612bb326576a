import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/client.ts';

/**
 * Like useFormSubmit, for forms and buttons that stay on screen after success (the account page):
 * busy only while the request runs, errors next to the fields they name, anything else as one message.
 */
export function useAction<T, A extends unknown[] = []>(
  send: (...args: A) => Promise<T>,
  onDone: (result: T) => void,
  fallback: string,
  /** The fields the form shows errors next to; errors about anything else go in the general message. */
  fields: readonly string[] = [],
) {
  const [error, setError] = useState<ApiError | string | undefined>();
  const [busy, setBusy] = useState(false);

  async function run(...args: A) {
    setBusy(true);
    setError(undefined);
    try {
      onDone(await send(...args));
    } catch (err) {
      setError(err instanceof ApiError ? err : fallback);
    } finally {
      setBusy(false);
    }
  }

  return {
    busy,
    /** Runs the action with these arguments (for buttons). */
    run: (...args: A) => void run(...args),
    onSubmit: (e: FormEvent) => {
      e.preventDefault();
      void run(...([] as unknown as A));
    },
    reset: () => setError(undefined),
    fieldError: (field: string) => (error instanceof ApiError ? error.fieldReason(field) : undefined),
    general:
      error instanceof ApiError
        ? fields.some((f) => error.fieldReason(f) !== undefined)
          ? undefined
          : error.detail
        : error,
    /** The message whatever its kind, for buttons without fields. */
    message: error instanceof ApiError ? error.detail : error,
  };
}
