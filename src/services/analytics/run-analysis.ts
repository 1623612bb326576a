import type { NegotiationInstance } from '../../domain/analytics/analytics-model.ts';
import { type AnalysisOptions, analyzeInstance } from '../../domain/analytics/analyze-instance.ts';
import {
  type LedgerLine,
  logrollingTrades,
  packageLedger,
  packageStability,
  type Trade,
} from '../../domain/analytics/package-explanation.ts';
import { AppError } from '../../domain/shared/app-error.ts';
import { listAnalysisPoints, listPointOptions } from '../../store/analytics/analysis-points.repository.ts';
import { listOptionConstraints } from '../../store/analytics/option-constraints.repository.ts';
import { listPartyPreferences } from '../../store/analytics/party-preferences.repository.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import type { Database } from '../../store/database.ts';
import type { Actor } from '../access/sessions.ts';
import { loadPlanFor } from '../plans/plan-access.ts';
import { loadAnalysisView, negotiatingParties } from './analysis-access.ts';
import { buildInstance } from './build-instance.ts';
import { CONCEPTS, type Concept, presentRun } from './run-presenter.ts';

/** Time the main run may take (the cost model is rough: it takes up to about twice that). */
const RUN_BUDGET_MS = 100;
/** Time the stability check may take, across all four packages (they share the perturbed runs). */
const STABILITY_BUDGET_MS = 150;
const MAX_STABILITY_SAMPLES = 100;
/**
 * Measured cost of the frontier DP per (point × option × party × kept partial²), in milliseconds,
 * with headroom: 30 × 5 × 6 with 200 partials kept takes about 0.37 s on a busy two-core machine.
 */
const FRONTIER_COST_MS = 1.1e-5;

/**
 * Work limits that keep one engine run within `budgetMs`: the frontier DP's cost grows with the
 * square of the partial packages it keeps, so that cap is fitted to the instance's size; branch
 * and bound gets fewer nodes as points and parties grow. Small instances (the demo) stay exact:
 * they never reach the caps. Larger ones come back truncated, with proven bounds.
 */
export function workLimits(instance: NegotiationInstance, budgetMs: number): AnalysisOptions {
  const options = Math.max(
    2,
    ...instance.points.map((p) => (p.good ? instance.parties.length : p.options.length)),
  );
  const size = instance.points.length * options * instance.parties.length;
  const maxPartials = Math.round(Math.sqrt(budgetMs / (FRONTIER_COST_MS * size)));
  return {
    maxPartials: Math.min(20_000, Math.max(20, maxPartials)),
    maxNodes: Math.min(20_000, Math.max(300, Math.round((budgetMs * 10_000) / size))),
  };
}

/**
 * Runs the engine on the stored analysis for the mediator: the frontier, the four bargaining
 * packages, Adjusted Winner when it applies, and per package its ledger, trades and stability.
 * Sealed preferences go into the engine but never into the answer (see run-presenter.ts).
 */
export async function runAnalysis(database: Database, actor: Actor, planId: string) {
  return database.db.transaction().execute(async (tx) => {
    const { plan, viewer } = await loadPlanFor(tx, actor, planId, 'analysis.run');
    const [view, parties, points, options, constraints, preferences] = await Promise.all([
      loadAnalysisView(tx, viewer, plan),
      negotiatingParties(tx, plan.process_id),
      listAnalysisPoints(tx, planId),
      listPointOptions(tx, planId),
      listOptionConstraints(tx, planId),
      listPartyPreferences(tx, planId),
    ]);
    if (points.length === 0)
      throw new AppError('conflict', 'take at least one point into the analysis before running it');
    const known = new Set(parties.map((p) => p.id));
    const built = buildInstance({
      parties,
      points,
      options,
      constraints,
      preferences: preferences.filter((p) => known.has(p.party_id)),
    });
    if (built.instance.parties.length < 2)
      throw new AppError(
        'conflict',
        'the analysis needs preferences from at least two parties; ask the parties to fill in their preference forms',
        { extra: { missing: built.missing } },
      );
    const limits = workLimits(built.instance, RUN_BUDGET_MS);
    const started = performance.now();
    const analysis = analyzeInstance(built.instance, limits);
    const took = performance.now() - started;
    const explanations: Partial<Record<Concept, Explanation>> = {};
    const recommendations = stabilityRuns(built.instance, limits, took);
    for (const concept of CONCEPTS) {
      const pkg = analysis[concept].package;
      if (!pkg) continue;
      explanations[concept] = {
        ledger: packageLedger(built.instance, pkg.choice),
        trades: logrollingTrades(built.instance, pkg.choice),
        stability: recommendations.stabilityOf(concept, pkg.choice),
      };
    }
    await appendAudit(tx, {
      processId: plan.process_id,
      actorId: actor.user.id,
      action: 'analysis.run',
      subjectType: 'plan',
      subjectId: planId,
      detail: { parties: built.instance.parties.length, points: points.length, exact: analysis.exact },
    });
    const shared = new Set(
      preferences
        .filter((p) => p.shared_with_mediator === 1 || p.party_id === viewer.membership?.partyId)
        .map((p) => p.party_id),
    );
    return presentRun({ view, parties, built, analysis, explanations, shared });
  });
}

export interface Explanation {
  ledger: LedgerLine[];
  trades: Trade[];
  stability: { share: number; samples: number } | null;
}

/**
 * The perturbed runs of the stability check, shared by the four packages: `packageStability`
 * draws the same seeded perturbations for each, so each perturbed instance is analysed once, with
 * the main run's limits (a lighter run could recommend differently and understate stability).
 * The sample count is fitted to the time budget from the main run's duration; when not even ten
 * samples fit, stability is not reported (null) rather than guessed from too few.
 */
function stabilityRuns(instance: NegotiationInstance, limits: AnalysisOptions, tookMs: number) {
  const cache = new Map<string, ReturnType<typeof analyzeInstance>>();
  const analyse = (perturbed: NegotiationInstance) => {
    const key = JSON.stringify(perturbed.positions.map((p) => p.weights));
    let found = cache.get(key);
    if (!found) {
      found = analyzeInstance(perturbed, limits);
      cache.set(key, found);
    }
    return found;
  };
  const samples = Math.min(MAX_STABILITY_SAMPLES, Math.floor(STABILITY_BUDGET_MS / Math.max(tookMs, 0.05)));
  return {
    stabilityOf(concept: Concept, choice: Record<string, string>) {
      if (samples < 10) return null;
      const s = packageStability(instance, choice, (p) => analyse(p)[concept].package?.choice ?? null, {
        samples,
      });
      return { share: s.share, samples: s.samples };
    },
  };
}
