import type { Party } from '../api/types.ts';
import { DeadlineCell } from './deadline-cell.tsx';
import type { Agreement, CommitmentDetail, CommitmentItem } from './monitoring-types.ts';
import { PartyCodes } from './party-codes.tsx';
import { QuantityBar } from './quantity-bar.tsx';

/** Who is obliged, by when, towards what target, in which phase, and how it is verified. */
export function CommitmentFacts({
  commitment: c,
  agreement,
  parties,
  others,
}: {
  commitment: CommitmentDetail;
  agreement: Agreement | undefined;
  parties: readonly Party[];
  others: readonly CommitmentItem[];
}) {
  const phase = agreement?.phases.find((p) => p.id === c.phaseId);
  return (
    <dl className="mon-facts">
      <dt>Obligated</dt>
      <dd>
        <PartyCodes ids={c.partyIds} parties={parties} full />
      </dd>
      <dt>Deadline</dt>
      <dd>
        <DeadlineCell
          line={c}
          asOf={c.asOf}
          zone={agreement?.entryIntoForce?.zone ?? null}
          titleOf={(id) => others.find((o) => o.id === id)?.title}
        />
      </dd>
      {c.targetQuantity !== null && (
        <>
          <dt>Target</dt>
          <dd>
            <QuantityBar
              done={c.quantityDone}
              target={c.targetQuantity}
              unit={c.targetUnit}
              label="Progress on the target"
            />
          </dd>
        </>
      )}
      {phase !== undefined && (
        <>
          <dt>Phase</dt>
          <dd>{phase.name}</dd>
        </>
      )}
      <dt>Verified by</dt>
      <dd>
        {c.verificationMethod === '' ? <span className="muted">Not stated</span> : c.verificationMethod}
      </dd>
    </dl>
  );
}
