import type { Sample } from '../authorization-cases.ts';

export const MONITORING_REPORT_SAMPLES: Record<string, Sample> = {};
