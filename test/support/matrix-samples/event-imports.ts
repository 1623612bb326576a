import type { Sample } from '../authorization-cases.ts';

export const EVENT_IMPORTS_SAMPLES: Record<string, Sample> = {};
