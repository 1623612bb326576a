import type { Sample } from '../authorization-cases.ts';

export const ZONES_SAMPLES: Record<string, Sample> = {};
