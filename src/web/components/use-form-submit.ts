import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/client.ts';

/**
 * The life of a small form that sends one request: busy while it runs, the server's field
 * errors shown next to their fields, anything else as one message under the form.
 */
export function useFormSubmit<T>(send: () => Promise<T>, onDone: (result: T) => void, fallback: string) {
  const [error, setError] = useState<ApiError | string | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onDone(await send());
    } catch (err) {
      setError(err instanceof ApiError ? err : fallback);
      setBusy(false);
    }
  }

  return {
    busy,
    onSubmit: (e: FormEvent) => void submit(e),
    fieldError: (field: string) => (error instanceof ApiError ? error.fieldReason(field) : undefined),
    general: error instanceof ApiError ? (error.errors.length === 0 ? error.detail : undefined) : error,
  };
}
