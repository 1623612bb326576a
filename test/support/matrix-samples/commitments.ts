import type { Sample } from '../authorization-cases.ts';

export const COMMITMENTS_SAMPLES: Record<string, Sample> = {};
