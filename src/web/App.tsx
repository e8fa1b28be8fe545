/**
 * Routes of the app. The dashboard is in the first-load bundle; every other page is loaded on
 * demand (React.lazy) to keep the first load small.
 */
import { Component, Suspense, lazy } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { Route, Switch, useLocation } from 'wouter';
import { Layout } from './components/Layout.tsx';
import { ErrorState, Loading } from './components/QueryState.tsx';
import { DashboardPage } from './routes/DashboardPage.tsx';
import { NotFoundPage } from './routes/NotFoundPage.tsx';

const PlanPage = lazy(() => import('./routes/PlanPage.tsx').then((m) => ({ default: m.PlanPage })));
const ElementPage = lazy(() =>
  import('./routes/ElementPage.tsx').then((m) => ({ default: m.ElementPage })),
);
const IndicatorPage = lazy(() =>
  import('./routes/IndicatorPage.tsx').then((m) => ({ default: m.IndicatorPage })),
);
const ActionPage = lazy(() =>
  import('./routes/ActionPage.tsx').then((m) => ({ default: m.ActionPage })),
);
const UnitPage = lazy(() => import('./routes/UnitPage.tsx').then((m) => ({ default: m.UnitPage })));
const AlignmentPage = lazy(() =>
  import('./routes/AlignmentPage.tsx').then((m) => ({ default: m.AlignmentPage })),
);
const SearchPage = lazy(() =>
  import('./routes/SearchPage.tsx').then((m) => ({ default: m.SearchPage })),
);
const LoginPage = lazy(() =>
  import('./routes/auth/LoginPage.tsx').then((m) => ({ default: m.LoginPage })),
);
const SetupPage = lazy(() =>
  import('./routes/auth/LinkPage.tsx').then((m) => ({ default: m.SetupPage })),
);
const InvitationPage = lazy(() =>
  import('./routes/auth/LinkPage.tsx').then((m) => ({ default: m.InvitationPage })),
);
const ResetPasswordPage = lazy(() =>
  import('./routes/auth/LinkPage.tsx').then((m) => ({ default: m.ResetPasswordPage })),
);
const AccountPage = lazy(() =>
  import('./routes/AccountPage.tsx').then((m) => ({ default: m.AccountPage })),
);
const UsersPage = lazy(() =>
  import('./routes/admin/UsersPage.tsx').then((m) => ({ default: m.UsersPage })),
);
const UserPage = lazy(() =>
  import('./routes/admin/UserPage.tsx').then((m) => ({ default: m.UserPage })),
);
const AuditPage = lazy(() =>
  import('./routes/admin/AuditPage.tsx').then((m) => ({ default: m.AuditPage })),
);
const RisksPage = lazy(() =>
  import('./routes/RisksPage.tsx').then((m) => ({ default: m.RisksPage })),
);
const RiskMatrixPage = lazy(() =>
  import('./routes/RiskMatrixPage.tsx').then((m) => ({ default: m.RiskMatrixPage })),
);
const RiskPage = lazy(() => import('./routes/RiskPage.tsx').then((m) => ({ default: m.RiskPage })));
const ConsultationsPage = lazy(() =>
  import('./routes/consultations/ConsultationsPage.tsx').then((m) => ({
    default: m.ConsultationsPage,
  })),
);
const ConsultationPage = lazy(() =>
  import('./routes/consultations/ConsultationPage.tsx').then((m) => ({
    default: m.ConsultationPage,
  })),
);
const PublicConsultPage = lazy(() =>
  import('./routes/consultations/PublicConsultPage.tsx').then((m) => ({
    default: m.PublicConsultPage,
  })),
);
const PartnersPage = lazy(() =>
  import('./routes/PartnersPage.tsx').then((m) => ({ default: m.PartnersPage })),
);
const PartnerPage = lazy(() =>
  import('./routes/PartnerPage.tsx').then((m) => ({ default: m.PartnerPage })),
);
const AgreementPage = lazy(() =>
  import('./routes/AgreementPage.tsx').then((m) => ({ default: m.AgreementPage })),
);
const FundingPage = lazy(() =>
  import('./routes/FundingPage.tsx').then((m) => ({ default: m.FundingPage })),
);
const CyclesPage = lazy(() =>
  import('./routes/cycles/CyclesPage.tsx').then((m) => ({ default: m.CyclesPage })),
);
const CyclePage = lazy(() =>
  import('./routes/cycles/CyclePage.tsx').then((m) => ({ default: m.CyclePage })),
);
const CheckInPage = lazy(() =>
  import('./routes/cycles/CheckInPage.tsx').then((m) => ({ default: m.CheckInPage })),
);
const MyWorkPage = lazy(() =>
  import('./routes/cycles/MyWorkPage.tsx').then((m) => ({ default: m.MyWorkPage })),
);
const ImportPage = lazy(() =>
  import('./routes/ImportPage.tsx').then((m) => ({ default: m.ImportPage })),
);
const PublicPage = lazy(() =>
  import('./routes/PublicPage.tsx').then((m) => ({ default: m.PublicPage })),
);
const ReportsPage = lazy(() =>
  import('./routes/ReportsPage.tsx').then((m) => ({ default: m.ReportsPage })),
);
const AccessibilityPage = lazy(() =>
  import('./routes/AccessibilityPage.tsx').then((m) => ({ default: m.AccessibilityPage })),
);

interface BoundaryState {
  error: unknown;
}

/** Catches render errors and failed chunk loads, so one broken page never blanks the app. */
class PageBoundary extends Component<{ children: ReactNode; resetKey: string }, BoundaryState> {
  override state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error };
  }

  override componentDidUpdate(previous: { resetKey: string }): void {
    if (previous.resetKey !== this.props.resetKey && this.state.error !== null) {
      this.setState({ error: null });
    }
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error !== null) {
      return (
        <ErrorState
          error={this.state.error}
          onRetry={() => {
            window.location.reload();
          }}
        />
      );
    }
    return this.props.children;
  }
}

/** The app: layout and routes. */
export function App() {
  const [location] = useLocation();
  return (
    <Layout>
      <PageBoundary resetKey={location}>
        <Suspense fallback={<Loading />}>
          <Switch>
            <Route path="/" component={DashboardPage} />
            <Route path="/plan" component={PlanPage} />
            <Route path="/plan/:planId" component={PlanPage} />
            <Route path="/elements/:id" component={ElementPage} />
            <Route path="/indicators/:id" component={IndicatorPage} />
            <Route path="/actions/:id" component={ActionPage} />
            <Route path="/units/:id" component={UnitPage} />
            <Route path="/alignment" component={AlignmentPage} />
            <Route path="/search" component={SearchPage} />
            <Route path="/risks" component={RisksPage} />
            <Route path="/risks/matrix" component={RiskMatrixPage} />
            <Route path="/risks/:id" component={RiskPage} />
            <Route path="/partners" component={PartnersPage} />
            <Route path="/partners/:id" component={PartnerPage} />
            <Route path="/agreements/:id" component={AgreementPage} />
            <Route path="/funding" component={FundingPage} />
            <Route path="/accessibility" component={AccessibilityPage} />
            <Route path="/consultations" component={ConsultationsPage} />
            <Route path="/consultations/:id" component={ConsultationPage} />
            <Route path="/consult/:token" component={PublicConsultPage} />
            <Route path="/import" component={ImportPage} />
            <Route path="/public" component={PublicPage} />
            <Route path="/reports" component={ReportsPage} />
            <Route path="/login" component={LoginPage} />
            <Route path="/setup" component={SetupPage} />
            <Route path="/invitation" component={InvitationPage} />
            <Route path="/reset-password" component={ResetPasswordPage} />
            <Route path="/account" component={AccountPage} />
            <Route path="/admin/users" component={UsersPage} />
            <Route path="/admin/users/:id" component={UserPage} />
            <Route path="/admin/audit" component={AuditPage} />
            <Route path="/cycles" component={CyclesPage} />
            <Route path="/cycles/:id" component={CyclePage} />
            <Route path="/check-ins/:id" component={CheckInPage} />
            <Route path="/my-work" component={MyWorkPage} />
            <Route component={NotFoundPage} />
          </Switch>
        </Suspense>
      </PageBoundary>
    </Layout>
  );
}
