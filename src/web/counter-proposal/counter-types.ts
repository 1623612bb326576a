import type { CounterChange, CounterNotice } from '../../domain/negotiation/counter-proposal-types.ts';

export type { CounterChange, CounterNotice };

export interface CounterCounts {
  replaced: number;
  added: number;
  deleted: number;
}

/** POST /plans/:id/counter-proposals/preview: what the counter-text would propose; nothing written. */
export interface CounterPreview {
  baseVersion: { id: string; label: string };
  changes: CounterChange[];
  unchanged: number;
  notices: CounterNotice[];
  counts: CounterCounts;
}

/** POST /plans/:id/counter-proposals: the draft amendments written. */
export interface CounterCreated {
  importBatchId: string;
  counts: CounterCounts;
  amendments: { id: string; key: string; kind: 'replace' | 'add' | 'delete' }[];
}

/** The counter-text as the API takes it: pasted text, or a Word file as base64. */
export type CounterSource = { format: 'text'; text: string } | { format: 'docx'; dataBase64: string };
