import { useSignedInUser } from '../auth/signed-in-user';
import { MyReports } from './MyReports';
import { TeamReports } from './TeamReports';

/** `/reports`: a rep's own reports, or the leader's and admin's view of their reps'. */
export function ReportsPage() {
  const me = useSignedInUser();
  return me.user.role === 'rep' ? <MyReports /> : <TeamReports />;
}
