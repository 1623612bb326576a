import type { Sample } from '../authorization-cases.ts';

export const EVENT_REPORTS_SAMPLES: Record<string, Sample> = {};
