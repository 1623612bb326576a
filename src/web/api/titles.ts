import { useEffect, useState } from 'react';
import { api } from './client.ts';
import type { ProcessDetail } from './types.ts';

/** Process titles seen so far, so a plan page can show "process › plan" without refetching. */
const processTitles = new Map<string, string>();

export function rememberProcessTitle(id: string, title: string): void {
  processTitles.set(id, title);
}

/** The title of a process, fetched once if this page has not seen it yet. */
export function useProcessTitle(processId: string | undefined): string | undefined {
  const [title, setTitle] = useState(processId === undefined ? undefined : processTitles.get(processId));
  useEffect(() => {
    if (processId === undefined) return;
    const known = processTitles.get(processId);
    if (known !== undefined) {
      setTitle(known);
      return;
    }
    let live = true;
    api.get<ProcessDetail>(`/processes/${processId}`).then(
      (d) => {
        rememberProcessTitle(processId, d.process.title);
        if (live) setTitle(d.process.title);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [processId]);
  return title;
}
