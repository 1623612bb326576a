import { useProcessTitle } from '../api/titles.ts';
import { type Crumb, useBreadcrumb } from './breadcrumb.tsx';

/** The trail process › plan (› page) shared by the plan's pages, once the plan has loaded. */
export function usePlanBreadcrumb(
  planId: string,
  plan: { processId: string; title: string } | undefined,
  page?: string,
  /** Where the plan crumb leads: the working draft unless the reader may not open it. */
  planHref = `/plans/${planId}`,
): void {
  const processTitle = useProcessTitle(plan?.processId);
  const crumbs: Crumb[] =
    plan === undefined
      ? []
      : [
          { label: processTitle ?? 'Process', href: `/processes/${plan.processId}` },
          { label: plan.title === '' ? 'Untitled plan' : plan.title, href: planHref },
          ...(page === undefined ? [] : [{ label: page }]),
        ];
  useBreadcrumb(crumbs);
}
