import { useEffect, useRef } from 'react';
import { rememberProcessTitle } from '../api/titles.ts';
import type { ProcessDetail } from '../api/types.ts';
import { useResource } from '../api/use-resource.ts';
import { type AuditFilters, FILTER_KEYS, filtersFrom, hasFilters } from '../audit/audit-filters.ts';
import { AuditTable } from '../audit/audit-table.tsx';
import { AuditFilterBar } from '../audit/filter-bar.tsx';
import { useAuditLog } from '../audit/use-audit-log.ts';
import { useBreadcrumb } from '../components/breadcrumb.tsx';
import { plural } from '../components/format.ts';
import { ErrorBox, FilterErrorBox, InlineError, Loading } from '../components/status.tsx';
import { useUrlFilters } from '../components/use-url-filters.ts';
import '../styles/audit.css';

const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The audit log of one process, for its mediators: filtered by who, party, what and when. */
export default function AuditLogPage({ processId }: { processId: string }) {
  const detail = useResource<ProcessDetail>(`/processes/${processId}`);
  const { params, setFilters, clearFilters } = useUrlFilters(FILTER_KEYS);
  const filters = filtersFrom(params);
  const { state, loadOlder, reload } = useAuditLog(processId, filters);
  const title = detail.data?.process.title;
  useBreadcrumb(
    [{ label: title ?? 'Process', href: `/processes/${processId}` }, { label: 'Audit log' }],
    title === undefined ? 'Audit log' : `Audit log · ${title}`,
  );
  useEffect(() => {
    if (title !== undefined) rememberProcessTitle(processId, title);
  }, [processId, title]);

  const setFilter = (key: keyof AuditFilters, value: string) => setFilters({ [key]: value });

  const filtered = hasFilters(filters);
  return (
    <div className="wide audit-page">
      <header className="page-head">
        <p className="eyebrow">Process · audit log</p>
        <h1>Audit log</h1>
        <p className="lead">
          Every change in this process and every read of a version’s text, from the tamper-evident log.
        </p>
        <p className="hint">
          Times are in your time zone ({ZONE}). Sign-ins belong to no process and are not listed here; nor are
          other processes’ entries, which is why numbers skip. Entry numbers and hashes are the ones{' '}
          <code>entente audit verify</code> checks.
        </p>
      </header>

      {detail.state === 'error' ? (
        <ErrorBox error={detail.error} onRetry={detail.reload} />
      ) : (
        <>
          <AuditFilterBar
            filters={filters}
            members={detail.data?.members ?? []}
            parties={detail.data?.parties ?? []}
            actions={state.status === 'ready' ? state.actions : []}
            onChange={setFilter}
            onClear={clearFilters}
          />
          {state.status === 'loading' && <Loading label="Reading the log…" />}
          {state.status === 'error' && (
            <FilterErrorBox error={state.error} onRetry={reload} onClear={clearFilters} />
          )}
          {state.status === 'ready' && (
            <AuditResults
              entries={state.entries}
              hasOlder={state.nextBefore !== null}
              more={state.more}
              filtered={filtered}
              onLoadOlder={loadOlder}
              onClear={clearFilters}
            />
          )}
        </>
      )}
    </div>
  );
}

type Ready = Extract<ReturnType<typeof useAuditLog>['state'], { status: 'ready' }>;

function AuditResults({
  entries,
  hasOlder,
  more,
  filtered,
  onLoadOlder,
  onClear,
}: {
  entries: Ready['entries'];
  hasOlder: boolean;
  more: Ready['more'];
  filtered: boolean;
  onLoadOlder: () => void;
  onClear: () => void;
}) {
  const end = useRef<HTMLParagraphElement>(null);
  const hadOlder = useRef(hasOlder);
  useEffect(() => {
    // The "load older" button goes away at the start of the log: keep the keyboard focus nearby.
    if (hadOlder.current && !hasOlder && document.activeElement === document.body) end.current?.focus();
    hadOlder.current = hasOlder;
  }, [hasOlder]);

  if (entries.length === 0) {
    return (
      <div className="empty audit-empty">
        {filtered ? (
          <>
            <p>No entries match these filters.</p>
            <button type="button" className="button" onClick={onClear}>
              Clear filters
            </button>
          </>
        ) : (
          <p>Nothing has been recorded in this process yet.</p>
        )}
      </div>
    );
  }
  return (
    <section aria-label="Entries">
      <p className="audit-count" aria-live="polite">
        {plural(entries.length, 'entry', 'entries')} shown{filtered ? ' (filtered)' : ''}, newest first
        {hasOlder ? '; older entries follow' : ''}.
      </p>
      <div className="audit-scroll">
        <AuditTable entries={entries} />
      </div>
      <div className="audit-more">
        {hasOlder ? (
          // aria-disabled, not disabled: a disabled button drops the keyboard focus to the page.
          <button type="button" className="button" onClick={onLoadOlder} aria-disabled={more === 'loading'}>
            {more === 'loading' ? 'Loading…' : 'Load older entries'}
          </button>
        ) : (
          <p className="muted" ref={end} tabIndex={-1}>
            {filtered ? 'No older entries match these filters.' : 'This is the start of the log.'}
          </p>
        )}
        {typeof more === 'object' && <InlineError message={more.detail} />}
      </div>
    </section>
  );
}
