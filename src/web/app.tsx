import { lazy, Suspense } from 'react';
import { Redirect, Route, Switch, useLocation, useSearch } from 'wouter';
import { SessionProvider, useSession } from './auth/session.tsx';
import { BreadcrumbProvider } from './components/breadcrumb.tsx';
import { Loading } from './components/status.tsx';
import { TopBar } from './components/top-bar.tsx';
import { NotFoundPage } from './pages/not-found.tsx';
import { ProcessPage } from './pages/process.tsx';
import { ProcessesPage } from './pages/processes.tsx';
import { SignInPage } from './pages/sign-in.tsx';

// The editor and the redline carry most of the code (and zod); load them when first visited.
const PlanEditorPage = lazy(() => import('./pages/plan-editor.tsx'));
const ComparePage = lazy(() => import('./pages/compare.tsx'));
const VersionPage = lazy(() => import('./pages/version.tsx'));
const AccountPage = lazy(() => import('./pages/account.tsx'));
const AuditLogPage = lazy(() => import('./pages/audit-log.tsx'));
const ConsultationPage = lazy(() => import('./pages/consultation.tsx'));
const TimelinePage = lazy(() => import('./pages/timeline.tsx'));
const MeetingsPage = lazy(() => import('./pages/meetings.tsx'));
const MeetingPage = lazy(() => import('./pages/meeting.tsx'));
const AmendmentsPage = lazy(() => import('./pages/amendments.tsx'));
const PositionsPage = lazy(() => import('./pages/positions.tsx'));
const CounterProposalPage = lazy(() => import('./pages/counter-proposal.tsx'));
const AnalysisPage = lazy(() => import('./pages/analysis.tsx'));
const PreferencesPage = lazy(() => import('./pages/preferences.tsx'));
const MonitoringPage = lazy(() => import('./pages/monitoring.tsx'));
const AgreementPage = lazy(() => import('./pages/agreement.tsx'));
const CommitmentsPage = lazy(() => import('./pages/commitments.tsx'));
const CommitmentPage = lazy(() => import('./pages/commitment.tsx'));
const EventsPage = lazy(() => import('./pages/events.tsx'));
const EventImportPage = lazy(() => import('./pages/event-import.tsx'));
const EventReportPage = lazy(() => import('./pages/event-report.tsx'));
// The map page carries the Natural Earth data (about 1 MB): only those who open it load it.
const MapPage = lazy(() => import('./pages/map.tsx'));
const ZonesPage = lazy(() => import('./pages/zones.tsx'));
const WebhooksPage = lazy(() => import('./pages/webhooks.tsx'));

export function App() {
  return (
    <SessionProvider>
      <BreadcrumbProvider>
        <Shell />
      </BreadcrumbProvider>
    </SessionProvider>
  );
}

function Shell() {
  const { state } = useSession();
  const [location] = useLocation();
  const search = useSearch();

  if (state.status === 'checking') {
    return (
      <main className="page">
        <Loading label="Opening Entente…" />
      </main>
    );
  }
  if (state.status === 'signed-out' && location !== '/sign-in') {
    const next = location + (search === '' ? '' : `?${search}`);
    return <Redirect to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <TopBar />
      <main id="main" className="page" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Switch>
            <Route path="/sign-in" component={SignInPage} />
            <Route path="/" component={ProcessesPage} />
            <Route path="/account" component={AccountPage} />
            <Route path="/processes/:id">{(p) => <ProcessPage processId={p.id} />}</Route>
            <Route path="/processes/:id/audit">{(p) => <AuditLogPage processId={p.id} />}</Route>
            <Route path="/processes/:id/consultation">{(p) => <ConsultationPage processId={p.id} />}</Route>
            <Route path="/processes/:id/timeline">{(p) => <TimelinePage processId={p.id} />}</Route>
            <Route path="/processes/:id/meetings">{(p) => <MeetingsPage processId={p.id} />}</Route>
            <Route path="/processes/:id/meetings/:meetingId">
              {(p) => <MeetingPage processId={p.id} meetingId={p.meetingId} />}
            </Route>
            <Route path="/processes/:id/monitoring">{(p) => <MonitoringPage processId={p.id} />}</Route>
            <Route path="/processes/:id/agreements/:agreementId">
              {(p) => <AgreementPage processId={p.id} agreementId={p.agreementId} />}
            </Route>
            <Route path="/processes/:id/agreements/:agreementId/commitments">
              {(p) => <CommitmentsPage processId={p.id} agreementId={p.agreementId} />}
            </Route>
            <Route path="/processes/:id/commitments/:commitmentId">
              {(p) => <CommitmentPage processId={p.id} commitmentId={p.commitmentId} />}
            </Route>
            <Route path="/processes/:id/events">{(p) => <EventsPage processId={p.id} />}</Route>
            <Route path="/processes/:id/events/import">{(p) => <EventImportPage processId={p.id} />}</Route>
            <Route path="/processes/:id/events/:eventId">
              {(p) => <EventReportPage processId={p.id} eventId={p.eventId} />}
            </Route>
            <Route path="/processes/:id/map">{(p) => <MapPage processId={p.id} />}</Route>
            <Route path="/processes/:id/agreements/:agreementId/zones">
              {(p) => <ZonesPage processId={p.id} agreementId={p.agreementId} />}
            </Route>
            <Route path="/processes/:id/webhooks">{(p) => <WebhooksPage processId={p.id} />}</Route>
            <Route path="/plans/:id">{(p) => <PlanEditorPage planId={p.id} />}</Route>
            <Route path="/plans/:id/positions">{(p) => <PositionsPage planId={p.id} />}</Route>
            <Route path="/plans/:id/amendments">{(p) => <AmendmentsPage planId={p.id} />}</Route>
            <Route path="/plans/:id/preferences">{(p) => <PreferencesPage planId={p.id} />}</Route>
            <Route path="/plans/:id/compare">{(p) => <ComparePage planId={p.id} />}</Route>
            <Route path="/plans/:id/counter-proposal">{(p) => <CounterProposalPage planId={p.id} />}</Route>
            <Route path="/plans/:id/analysis">{(p) => <AnalysisPage planId={p.id} />}</Route>
            <Route path="/plans/:id/versions/:versionId">
              {(p) => <VersionPage planId={p.id} versionId={p.versionId} />}
            </Route>
            <Route component={NotFoundPage} />
          </Switch>
        </Suspense>
      </main>
    </>
  );
}
