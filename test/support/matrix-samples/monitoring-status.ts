import type { Sample } from '../authorization-cases.ts';

export const MONITORING_STATUS_SAMPLES: Record<string, Sample> = {};
