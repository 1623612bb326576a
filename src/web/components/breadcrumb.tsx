import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';

export interface Crumb {
  label: string;
  href?: string;
}

const CrumbContext = createContext<{ crumbs: Crumb[]; setCrumbs: (c: Crumb[]) => void } | null>(null);

export function BreadcrumbProvider({ children }: { children: ReactNode }) {
  const [crumbs, setCrumbs] = useState<Crumb[]>([]);
  return <CrumbContext.Provider value={{ crumbs, setCrumbs }}>{children}</CrumbContext.Provider>;
}

/** The trail shown in the top bar (process › plan). */
export function useCrumbs(): Crumb[] {
  return useContext(CrumbContext)?.crumbs ?? [];
}

/** Sets the breadcrumb and the document title for the current page. */
export function useBreadcrumb(crumbs: Crumb[], pageTitle?: string): void {
  const setCrumbs = useContext(CrumbContext)?.setCrumbs;
  const key = JSON.stringify(crumbs);
  useEffect(() => {
    setCrumbs?.(JSON.parse(key) as Crumb[]);
    const last = (JSON.parse(key) as Crumb[]).at(-1)?.label;
    const title = pageTitle ?? last;
    document.title = title === undefined ? 'Entente' : `${title} · Entente`;
  }, [key, pageTitle, setCrumbs]);
}
