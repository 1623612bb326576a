import { useEffect, useState } from 'react';
import type { ImportResult } from '../../domain/plans/import/import-result.ts';
import { ApiError, api } from '../api/client.ts';

export type ImportFormat = 'text' | 'docx' | 'json';

/** What is being imported: typed text, or a file read as base64. */
export interface ImportSource {
  format: ImportFormat;
  text?: string;
  contentBase64?: string;
}

export type PreviewState =
  | { status: 'idle' }
  | { status: 'loading'; last?: ImportResult }
  | { status: 'ready'; result: ImportResult }
  | { status: 'failed'; error: ApiError };

/** Asks the server to parse `source` (300 ms after the last change) without writing anything. */
export function useImportPreview(processId: string, source: ImportSource | null): PreviewState {
  const [state, setState] = useState<PreviewState>({ status: 'idle' });
  const key = source === null ? null : JSON.stringify(source);

  useEffect(() => {
    if (key === null) {
      setState({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    setState((s) => ({ status: 'loading', ...(s.status === 'ready' ? { last: s.result } : {}) }));
    const timer = setTimeout(() => {
      api
        .post<ImportResult>(`/processes/${processId}/imports/preview`, JSON.parse(key), controller.signal)
        .then(
          (result) => setState({ status: 'ready', result }),
          (err: unknown) => {
            if (controller.signal.aborted) return;
            setState({
              status: 'failed',
              error:
                err instanceof ApiError
                  ? err
                  : new ApiError(0, 'client', 'The preview could not be read.', [], {}),
            });
          },
        );
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [processId, key]);

  return state;
}

/** Reads a file as base64 (without the data: prefix). */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
