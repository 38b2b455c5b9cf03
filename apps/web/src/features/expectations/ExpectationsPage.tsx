import { ComingSoon } from '../../components/ComingSoon';
import { PageHeader } from '../../components/PageHeader';

export function ExpectationsPage() {
  return (
    <>
      <PageHeader title="Expectations" description="What a leader asks of each rep and team, and by when." />
      <ComingSoon
        title="No expectations yet"
        description="Setting expectations is not part of this release. Until it is, the Team page shows the activity that expectations will be measured against."
        willHold={[
          'The right thing: a metric and a target per period, for a rep or a whole team',
          'The right way: method standards, e.g. phone share of prospecting or first-to-second meeting conversion',
          'The right time: cadence, due dates for self-reports, and pacing through the period',
          'For each rep, the assessment per right: on track, at risk, off track or no data',
        ]}
      />
    </>
  );
}
