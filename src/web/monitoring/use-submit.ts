import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError, normaliseField } from '../api/api-error.ts';

/**
 * A form that sends one request: busy while it runs, the server's field errors next to their
 * fields, and the server's whole message under the form when it names a field the form does not
 * show (so no refusal goes unexplained). `shown` lists the fields the form places, by name or prefix.
 */
export function useSubmit<T>(
  send: () => Promise<T>,
  onDone: (result: T) => void,
  fallback: string,
  shown: readonly string[],
) {
  const [error, setError] = useState<ApiError | string | undefined>();
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement | null>(null);
  // After a refusal, the first field the server named takes the focus, so it is seen (and heard).
  useEffect(() => {
    if (error === undefined) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [error]);

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    if (e?.currentTarget instanceof HTMLFormElement) formRef.current = e.currentTarget;
    setBusy(true);
    setError(undefined);
    try {
      const result = await send();
      setBusy(false);
      onDone(result);
    } catch (err) {
      setError(err instanceof ApiError ? err : fallback);
      setBusy(false);
    }
  }

  const placed = (field: string) => {
    const f = normaliseField(field);
    return shown.some((s) => f === s || f.startsWith(`${s}.`));
  };
  const general =
    error instanceof ApiError
      ? error.errors.length === 0 || !error.errors.every((x) => placed(x.field))
        ? error.detail
        : undefined
      : error;
  return {
    busy,
    onSubmit: (e?: FormEvent) => void submit(e),
    fieldError: (field: string) => (error instanceof ApiError ? error.fieldReason(field) : undefined),
    general,
    clear: () => setError(undefined),
  };
}
