import { type FormEvent, useEffect, useState } from 'react';
import { pointText } from '../../domain/plans/redline/point-text.ts';
import type { VersionResponse, VersionsResponse } from '../api/types.ts';
import { useResource } from '../api/use-resource.ts';
import { Dialog } from '../components/dialog.tsx';
import { ErrorBox, InlineError, Loading } from '../components/status.tsx';
import { type AmendmentKind, KIND_LABELS } from './amendment-types.ts';
import { SUB_ITEMS_HINT, TextField, useDialogSend } from './dialog-parts.tsx';
import type { AmendmentActions } from './use-amendments.ts';

interface Props {
  planId: string;
  actions: AmendmentActions;
  onClose: () => void;
}

const KINDS: AmendmentKind[] = ['replace', 'add', 'delete'];
const excerpt = (text: string) => (text.length > 70 ? `${text.slice(0, 70)}…` : text);

/** A delegate's new amendment: a point of a version the party holds, the change asked, and why. */
export function ProposeDialog({ planId, actions, onClose }: Props) {
  const versions = useResource<VersionsResponse>(`/plans/${planId}/versions`);
  const [versionId, setVersionId] = useState<string | null>(null);
  const chosen = versionId ?? versions.data?.items[0]?.id ?? null;
  const version = useResource<VersionResponse>(chosen ? `/plans/${planId}/versions/${chosen}` : null);
  const [kind, setKind] = useState<AmendmentKind>('replace');
  const [pointId, setPointId] = useState('');
  const [place, setPlace] = useState('');
  const [text, setText] = useState('');
  const [rationale, setRationale] = useState('');
  const { busy, error, send: sendRequest } = useDialogSend(onClose);
  const content = version.data?.content;
  const points = content?.points ?? [];

  // A replacement starts from the text as it stands, so the party edits rather than retypes.
  useEffect(() => {
    const point = kind === 'replace' ? content?.points.find((p) => p.id === pointId) : undefined;
    setText(point ? pointText(point) : '');
  }, [kind, pointId, content]);

  async function send(e: FormEvent, submit: boolean) {
    if (!chosen) {
      e.preventDefault();
      return;
    }
    const [placeKind, placeId] = place.split(':');
    await sendRequest(e, () =>
      actions.propose({
        kind,
        baseVersionId: chosen,
        ...(kind === 'add'
          ? placeKind === 'after'
            ? { afterPointId: placeId ?? null }
            : { afterPointId: null, areaId: placeId === '' ? null : (placeId ?? null) }
          : { pointId }),
        text: kind === 'delete' ? '' : text.trim(),
        rationale: rationale.trim(),
        submit,
      }),
    );
  }

  const ready = kind === 'add' ? place !== '' : pointId !== '';
  const complete = ready && (kind === 'delete' || text.trim() !== '');
  return (
    <Dialog title="Propose an amendment" onClose={onClose} size="large">
      {versions.state === 'loading' && <Loading label="Loading the versions your party holds…" />}
      {versions.state === 'error' && <ErrorBox error={versions.error} />}
      {versions.state === 'ready' && (
        <form className="stack" onSubmit={(e) => void send(e, true)}>
          <label className="field">
            <span className="field-label">Against version</span>
            <select value={chosen ?? ''} onChange={(e) => setVersionId(e.target.value)}>
              {versions.data.items.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.label}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="kind-choices">
            <legend className="field-label">What you propose</legend>
            {KINDS.map((k) => (
              <label key={k} className="choice">
                <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />{' '}
                {KIND_LABELS[k]}
              </label>
            ))}
          </fieldset>
          {version.state === 'loading' && <Loading label="Loading the text…" />}
          {content && kind !== 'add' && (
            <label className="field">
              <span className="field-label">
                {kind === 'delete' ? 'Point to delete' : 'Point to replace'}
              </span>
              <select value={pointId} onChange={(e) => setPointId(e.target.value)} required>
                <option value="">Choose a point…</option>
                {points.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.number}. {excerpt(p.text)}
                  </option>
                ))}
              </select>
            </label>
          )}
          {content && kind === 'add' && (
            <label className="field">
              <span className="field-label">Where the new point goes</span>
              <select value={place} onChange={(e) => setPlace(e.target.value)} required>
                <option value="">Choose a place…</option>
                {content.areas.map((area) => (
                  <optgroup key={area.id} label={area.title}>
                    <option value={`area:${area.id}`}>At the start of “{area.title}”</option>
                    {points
                      .filter((p) => p.areaId === area.id)
                      .map((p) => (
                        <option key={p.id} value={`after:${p.id}`}>
                          After point {p.number}. {excerpt(p.text)}
                        </option>
                      ))}
                  </optgroup>
                ))}
              </select>
            </label>
          )}
          {kind === 'delete' && pointId !== '' && (
            <p className="redline-text">
              <del>{pointText(points.find((p) => p.id === pointId) ?? { text: '', items: [] })}</del>
            </p>
          )}
          {kind !== 'delete' && (
            <TextField
              label={kind === 'add' ? 'Text of the new point' : 'Your text for the point'}
              value={text}
              onChange={setText}
              rows={7}
              hint={SUB_ITEMS_HINT}
            />
          )}
          <TextField
            label="Rationale (the mediator reads it once you submit)"
            value={rationale}
            onChange={setRationale}
            rows={3}
          />
          <InlineError message={error} />
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={busy || !complete}>
              Submit to the mediator
            </button>
            <button
              type="button"
              className="button"
              disabled={busy || !complete}
              onClick={(e) => void send(e, false)}
            >
              Save as draft
            </button>
            <button type="button" className="button button-quiet" onClick={onClose}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
