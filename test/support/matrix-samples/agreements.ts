import type { Sample } from '../authorization-cases.ts';

export const AGREEMENTS_SAMPLES: Record<string, Sample> = {};
