import type { Sample } from '../authorization-cases.ts';

export const WEBHOOKS_SAMPLES: Record<string, Sample> = {};
