import type { DemoContext } from './demo-context.ts';

/**
 * The loaders that add each area's demo content after the core process, in this order (later ones
 * may read what earlier ones wrote, e.g. the timeline reads meetings and amendments).
 */
export const DEMO_EXTENSIONS: ReadonlyArray<(ctx: DemoContext) => Promise<void>> = [];
