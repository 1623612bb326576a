import { useState } from 'react';
import { Link } from 'wouter';
import { AmendmentFilters, type Filters } from '../amendments/amendment-filters.tsx';
import { AmendmentGroupSection } from '../amendments/amendment-group.tsx';
import type { Amendment, AmendmentGroup } from '../amendments/amendment-types.ts';
import { DecisionDialog } from '../amendments/decision-dialog.tsx';
import { EditDialog } from '../amendments/edit-dialog.tsx';
import { ProposeDialog } from '../amendments/propose-dialog.tsx';
import { useAmendments } from '../amendments/use-amendments.ts';
import { errorMessage } from '../api/api-error.ts';
import { viewerCan } from '../auth/viewer.ts';
import { plural } from '../components/format.ts';
import { usePlanBreadcrumb } from '../components/plan-breadcrumb.ts';
import { ErrorBox, InlineError, Loading } from '../components/status.tsx';
import { useLiveEvents } from '../live/use-live-events.ts';
import '../styles/compare.css';
import '../styles/amendments.css';

const ALL: Filters = { states: new Set(), partyId: '' };

function applyFilters(groups: AmendmentGroup[], f: Filters): AmendmentGroup[] {
  return groups
    .map((g) => ({
      ...g,
      amendments: g.amendments.filter(
        (a) =>
          (f.states.size === 0 || f.states.has(a.state)) && (f.partyId === '' || a.party.id === f.partyId),
      ),
    }))
    .filter((g) => g.amendments.length > 0);
}

/**
 * The plan's amendments, grouped by point so that competing asks on one point sit side by side,
 * each with a redline against the version it was made on. Delegates propose and submit their
 * party's; the mediator decides.
 */
export default function AmendmentsPage({ planId }: { planId: string }) {
  const actions = useAmendments(planId);
  const { listing } = actions;
  const [filters, setFilters] = useState<Filters>(ALL);
  const [proposing, setProposing] = useState(false);
  const [editing, setEditing] = useState<Amendment | null>(null);
  const [deciding, setDeciding] = useState<Amendment | null>(null);
  const [bulkError, setBulkError] = useState<string | undefined>();
  const data = listing.data;
  usePlanBreadcrumb(planId, data?.plan, 'Amendments');
  useLiveEvents(data?.plan.processId ?? null, (event) => {
    if (
      event.type === 'amendment.changed' ||
      event.type === 'version.cut' ||
      event.type === 'release.created' ||
      event.type === 'resync'
    )
      actions.reload();
  });

  if (listing.state === 'loading') return <Loading label="Opening the amendments…" />;
  if (listing.state === 'error') return <ErrorBox error={listing.error} onRetry={listing.reload} />;
  const { viewer, groups, parties, counts, total, numberedIn } = listing.data;
  const mediator = viewerCan(viewer, 'amendment.decide');
  const canPropose = viewerCan(viewer, 'amendment.write', { partyId: viewer?.partyId ?? '' });
  const shown = applyFilters(groups, filters);
  const drafts = groups
    .flatMap((g) => g.amendments)
    .filter((a) => a.state === 'draft' && a.actions.includes('submit'));
  const awaiting = counts.submitted ?? 0;

  async function submitAll() {
    setBulkError(undefined);
    try {
      await actions.submitAll(drafts.map((a) => a.id));
    } catch (err) {
      setBulkError(errorMessage(err));
    }
  }

  return (
    <div className="wide amendments-page">
      <header className="page-head">
        <p className="eyebrow">Amendments</p>
        <h1>{mediator ? 'What the parties ask for' : 'Your party’s amendments'}</h1>
        <p className="lead">
          {mediator
            ? `${plural(total, 'amendment')} submitted by the parties, ${awaiting} awaiting your decision. Parties’ drafts stay with them until submitted.`
            : 'Replacement text, new points and deletions your party proposes, each against a version you hold. Only your party sees drafts; the mediator reads what you submit.'}
          {numberedIn && ` Points are numbered as in ${numberedIn}.`}
        </p>
      </header>
      <div className="amendments-toolbar">
        <AmendmentFilters
          filters={filters}
          counts={counts}
          parties={parties}
          showParty={mediator}
          onChange={setFilters}
        />
        {canPropose && (
          <div className="button-row push-right">
            {drafts.length > 0 && (
              <button type="button" className="button" onClick={() => void submitAll()}>
                Submit all drafts ({drafts.length})
              </button>
            )}
            <Link href={`/plans/${planId}/counter-proposal`} className="button">
              Import a counter-proposal
            </Link>
            <button type="button" className="button button-primary" onClick={() => setProposing(true)}>
              Propose amendment
            </button>
          </div>
        )}
      </div>
      <InlineError message={bulkError} />
      {total === 0 && (
        <p className="empty">
          {mediator
            ? 'No party has submitted an amendment to this plan yet.'
            : canPropose
              ? 'Your party has proposed no amendment yet. Choose “Propose amendment” to start one.'
              : 'Your party has proposed no amendment to this plan.'}
        </p>
      )}
      {total > 0 && shown.length === 0 && <p className="empty">No amendment matches these filters.</p>}
      {shown.map((g) => (
        <AmendmentGroupSection
          key={g.key}
          group={g}
          numberedIn={numberedIn}
          actions={actions}
          onEdit={setEditing}
          onDecide={setDeciding}
        />
      ))}
      {proposing && <ProposeDialog planId={planId} actions={actions} onClose={() => setProposing(false)} />}
      {editing && <EditDialog amendment={editing} actions={actions} onClose={() => setEditing(null)} />}
      {deciding && (
        <DecisionDialog amendment={deciding} actions={actions} onClose={() => setDeciding(null)} />
      )}
    </div>
  );
}
