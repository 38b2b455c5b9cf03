import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { RequireSignIn } from '../features/auth/RequireSignIn';
import { SignInPage } from '../features/auth/SignInPage';
import { ImportsPage } from '../features/imports/ImportsPage';
import { UnsubscribePage } from '../features/notifications/UnsubscribePage';
import { ForgotPasswordPage } from '../features/security/ForgotPasswordPage';
import { ResetPasswordPage } from '../features/security/ResetPasswordPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './NotFoundPage';

// Pages load on first visit: recharts is the largest dependency, and the sign-in page (the first
// thing a visitor downloads) needs neither it nor the expectation editor.
const TeamPage = lazy(() => import('../features/roster/TeamPage').then((module) => ({ default: module.TeamPage })));
const RepsPage = lazy(() => import('../features/reps/RepsPage').then((module) => ({ default: module.RepsPage })));
const RepDetailPage = lazy(() =>
  import('../features/reps/RepDetailPage').then((module) => ({ default: module.RepDetailPage })),
);
const ExpectationsPage = lazy(() =>
  import('../features/expectations/ExpectationsPage').then((module) => ({ default: module.ExpectationsPage })),
);
const ReportsPage = lazy(() =>
  import('../features/reports/ReportsPage').then((module) => ({ default: module.ReportsPage })),
);
const CoachingOverviewPage = lazy(() =>
  import('../features/coaching/CoachingOverviewPage').then((module) => ({ default: module.CoachingOverviewPage })),
);
const NotificationSettingsPage = lazy(() =>
  import('../features/notifications/NotificationSettingsPage').then((module) => ({
    default: module.NotificationSettingsPage,
  })),
);
const UsersSettingsPage = lazy(() =>
  import('../features/people/UsersSettingsPage').then((module) => ({ default: module.UsersSettingsPage })),
);
const TeamsSettingsPage = lazy(() =>
  import('../features/people/TeamsSettingsPage').then((module) => ({ default: module.TeamsSettingsPage })),
);
const AcceptInvitationPage = lazy(() =>
  import('../features/people/AcceptInvitationPage').then((module) => ({ default: module.AcceptInvitationPage })),
);
const AuditLogPage = lazy(() =>
  import('../features/audit/AuditLogPage').then((module) => ({ default: module.AuditLogPage })),
);
const ExpectationEditorPage = lazy(() =>
  import('../features/expectations/ExpectationEditorPage').then((module) => ({
    default: module.ExpectationEditorPage,
  })),
);

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      {/* Public: an e-mail's one-click unsubscribe link works without signing in. */}
      <Route path="/unsubscribe" element={<UnsubscribePage />} />
      {/* Public: an invitation link works before the invitee has an account. */}
      <Route path="/accept-invitation" element={<AcceptInvitationPage />} />
      <Route path="/forgot-password" element={<ForgotPasswordPage />} />
      <Route path="/reset-password" element={<ResetPasswordPage />} />
      <Route
        element={
          <RequireSignIn>
            <AppLayout />
          </RequireSignIn>
        }
      >
        <Route index element={<Navigate to="/team" replace />} />
        <Route path="team" element={<TeamPage />} />
        <Route path="reps" element={<RepsPage />} />
        <Route path="reps/:repId" element={<RepDetailPage />} />
        <Route path="expectations" element={<ExpectationsPage />} />
        <Route path="expectations/new" element={<ExpectationEditorPage />} />
        <Route path="expectations/:expectationId" element={<ExpectationEditorPage />} />
        <Route path="reports" element={<ReportsPage />} />
        <Route path="coaching" element={<CoachingOverviewPage />} />
        <Route path="imports" element={<ImportsPage />} />
        <Route path="settings" element={<SettingsPage />} />
        <Route path="settings/notifications" element={<NotificationSettingsPage />} />
        <Route path="settings/users" element={<UsersSettingsPage />} />
        <Route path="settings/teams" element={<TeamsSettingsPage />} />
        <Route path="settings/audit" element={<AuditLogPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
