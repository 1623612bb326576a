import { useState } from 'react';
import { Link } from 'wouter';
import { ApiError, api } from '../api/client.ts';
import type { VersionsResponse } from '../api/types.ts';
import { useResource } from '../api/use-resource.ts';
import { viewerCan } from '../auth/viewer.ts';
import { usePlanBreadcrumb } from '../components/plan-breadcrumb.ts';
import { ErrorBox, Loading } from '../components/status.tsx';
import { CounterReview } from '../counter-proposal/counter-review.tsx';
import { CounterSourceForm, type SourceTab } from '../counter-proposal/counter-source-form.tsx';
import type { CounterCreated, CounterPreview, CounterSource } from '../counter-proposal/counter-types.ts';
import { useLiveEvents } from '../live/use-live-events.ts';
import { readAsBase64 } from '../process/use-import-preview.ts';
import '../styles/compare.css';
import '../styles/counter-proposal.css';

const asApiError = (err: unknown, fallback: string) =>
  err instanceof ApiError ? err : new ApiError(0, 'client', fallback, [], {});

/**
 * A party's whole counter-text (pasted or a Word file) aligned to a version it holds, reviewed
 * change by change, and written as the party's draft amendments, to be edited and submitted on the
 * amendments page.
 */
export default function CounterProposalPage({ planId }: { planId: string }) {
  const versions = useResource<VersionsResponse>(`/plans/${planId}/versions`);
  const viewer = versions.data?.viewer;
  const items = versions.data?.items ?? [];
  const newest = items[0];
  usePlanBreadcrumb(
    planId,
    versions.data?.plan,
    'Counter-proposal',
    newest ? `/plans/${planId}/versions/${newest.id}` : `/plans/${planId}`,
  );
  useLiveEvents(versions.data?.plan.processId ?? null, (event) => {
    if (event.type === 'release.created' || event.type === 'resync') versions.reload();
  });

  const [chosenBase, setChosenBase] = useState<string | null>(null);
  const [tab, setTab] = useState<SourceTab>('text');
  const [text, setText] = useState('');
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [aligning, setAligning] = useState(false);
  const [alignError, setAlignError] = useState<ApiError | undefined>();
  const [review, setReview] = useState<{ source: CounterSource; preview: CounterPreview } | null>(null);
  const [included, setIncluded] = useState<ReadonlySet<string>>(new Set());
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<ApiError | undefined>();
  const [created, setCreated] = useState<CounterCreated | null>(null);

  const baseVersionId = chosenBase ?? newest?.id ?? '';
  /** Any change to the input makes the review stale: it has to be aligned again. */
  const changed =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setReview(null);
      setAlignError(undefined);
    };

  async function chooseFile(f: File | undefined) {
    setFileError(undefined);
    setReview(null);
    if (f === undefined) return setFile(null);
    if (!f.name.toLowerCase().endsWith('.docx')) {
      setFile(null);
      return setFileError('Choose a Word document ending in .docx.');
    }
    try {
      setFile({ name: f.name, base64: await readAsBase64(f) });
    } catch {
      setFileError('The file could not be read.');
    }
  }

  async function align() {
    const source: CounterSource | null =
      tab === 'text' ? { format: 'text', text } : file ? { format: 'docx', dataBase64: file.base64 } : null;
    if (source === null) return;
    setAligning(true);
    setAlignError(undefined);
    setCreated(null);
    try {
      const preview = await api.post<CounterPreview>(`/plans/${planId}/counter-proposals/preview`, {
        baseVersionId,
        ...source,
      });
      setReview({ source, preview });
      setIncluded(new Set(preview.changes.map((c) => c.key)));
      setCreateError(undefined);
    } catch (err) {
      setAlignError(asApiError(err, 'The counter-proposal could not be aligned.'));
    } finally {
      setAligning(false);
    }
  }

  async function create() {
    if (review === null) return;
    setCreating(true);
    setCreateError(undefined);
    try {
      const keys = review.preview.changes.filter((c) => included.has(c.key)).map((c) => c.key);
      const made = await api.post<CounterCreated>(`/plans/${planId}/counter-proposals`, {
        baseVersionId: review.preview.baseVersion.id,
        ...review.source,
        changes: keys,
      });
      setCreated(made);
      setReview(null);
      // Aligning the same text again would propose the same amendments twice.
      setText('');
      setFile(null);
    } catch (err) {
      setCreateError(asApiError(err, 'The draft amendments could not be created.'));
    } finally {
      setCreating(false);
    }
  }

  if (versions.state === 'loading') return <Loading />;
  if (versions.state === 'error') return <ErrorBox error={versions.error} onRetry={versions.reload} />;
  const mayPropose = viewerCan(viewer, 'amendment.write', { partyId: viewer?.partyId ?? '' });

  return (
    <div className="counter-page">
      <header className="page-head">
        <p className="eyebrow">Amendments</p>
        <h1>Import a counter-proposal</h1>
        <p className="lead">
          Paste your party’s whole counter-text or choose its Word file. Its points are matched to the version
          it answers by their content, whatever their numbering, and each changed point becomes a draft
          amendment you can review before anything is sent.
        </p>
      </header>

      {!mayPropose ? (
        <div className="panel">
          <p>Only your party’s delegates can propose amendments; your role lets you read this plan.</p>
          <Link href={`/plans/${planId}/amendments`}>See the amendments</Link>
        </div>
      ) : items.length === 0 ? (
        <p className="panel">Your party holds no version of this plan yet, so there is nothing to answer.</p>
      ) : (
        <>
          {created !== null && <CreatedNotice planId={planId} created={created} />}
          <CounterSourceForm
            versions={items}
            baseVersionId={baseVersionId}
            onBaseChange={changed(setChosenBase)}
            tab={tab}
            onTabChange={changed(setTab)}
            text={text}
            onTextChange={changed(setText)}
            fileName={file?.name ?? null}
            onFile={(f) => void chooseFile(f)}
            fileError={fileError}
            aligning={aligning}
            error={alignError}
            onAlign={() => void align()}
          />
          {alignError !== undefined && alignError.errors.length === 0 && <AlignFailure error={alignError} />}
          {review !== null && (
            <CounterReview
              preview={review.preview}
              included={included}
              onInclude={setIncluded}
              creating={creating}
              error={createError}
              onCreate={() => void create()}
            />
          )}
        </>
      )}
    </div>
  );
}

/** A text that could not be read (no numbered points, an unreadable file): the reason and where. */
function AlignFailure({ error }: { error: ApiError }) {
  const problems = Array.isArray(error.extra.problems)
    ? (error.extra.problems as { line: number; message: string }[])
    : [];
  return (
    <div className="error-box" role="alert">
      <p className="error-box-title">The counter-proposal could not be aligned</p>
      <p>{error.detail}</p>
      {problems.length > 1 && (
        <ul>
          {problems.map((p) => (
            <li key={`${p.line}:${p.message}`}>
              line {p.line}: {p.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function CreatedNotice({ planId, created }: { planId: string; created: CounterCreated }) {
  const n = created.amendments.length;
  const { replaced, added, deleted } = created.counts;
  return (
    <section className="counter-created panel" role="status" aria-labelledby="counter-created-title">
      <h2 id="counter-created-title">
        {n === 1 ? '1 draft amendment created' : `${n} draft amendments created`}
      </h2>
      <p>
        {replaced} reworded, {deleted} deleted, {added} new. They are your party’s drafts: the mediator sees
        them only once you submit them.
      </p>
      <Link href={`/plans/${planId}/amendments`} className="button button-primary">
        Edit and submit them on the amendments page
      </Link>
    </section>
  );
}
