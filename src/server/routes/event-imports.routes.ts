import type { RouteDef } from '../http/route.ts';

// biome-ignore lint/suspicious/noExplicitAny: routes differ in their parameter types; each is checked where defined.
export const eventImportsRoutes: RouteDef<any, any, any>[] = [];
