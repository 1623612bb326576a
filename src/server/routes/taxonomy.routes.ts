import { DEFAULT_TAXONOMY } from '../../domain/plans/taxonomy.ts';
import { defineRoute } from '../http/route.ts';

export const taxonomyRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/taxonomy',
    summary: 'The provision taxonomy points can be tagged with',
    tag: 'plans',
    access: 'user',
    async handler() {
      return { tags: DEFAULT_TAXONOMY };
    },
  }),
];
