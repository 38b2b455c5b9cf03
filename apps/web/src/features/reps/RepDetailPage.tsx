import { Anchor, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { formatDate } from '../../lib/format/format';
import { RepEvidenceTab } from '../assessment/RepEvidenceTab';
import { todayIn } from '../assessment/period-nav';
import { RepTrendsTab } from '../assessment/RepTrendsTab';
import { useSignedInUser } from '../auth/signed-in-user';
import { RepCoachingTab } from '../coaching/RepCoachingTab';
import { RepForecastTab } from '../forecast/RepForecastTab';
import { CadenceAdviceBanner } from '../reports/CadenceAdviceBanner';
import type { CadenceDraft } from '../reports/report-model';
import { RepReportsTab } from '../reports/RepReportsTab';
import { useRoster } from '../roster/roster-api';
import { RosterSkeleton } from '../roster/RosterSkeleton';
import { RepActivityTab } from './RepActivityTab';

const TABS = ['evidence', 'trends', 'forecast', 'reports', 'coaching', 'activity'] as const;
type RepTab = (typeof TABS)[number];
const TAB_LABELS: Record<RepTab, string> = {
  evidence: 'Evidence',
  trends: 'Trends',
  forecast: 'Forecast',
  reports: 'Reports',
  coaching: 'Coaching',
  activity: 'Activity',
};

function isRepTab(value: string | null): value is RepTab {
  return (TABS as readonly (string | null)[]).includes(value);
}

function BackToReps() {
  return (
    <Anchor component={Link} to="/reps" size="sm" mb="xs" display="inline-block">
      ← All reps
    </Anchor>
  );
}

/**
 * One rep the user may see (a rep outside their teams is simply not found): the evidence per
 * right, the trend over 13 periods, the bookings forecast, the self-reports (with the reporting
 * cadence for a leader), coaching (plans, 1:1s, commitments, the ladder) and the raw weekly activity. The tab is in the URL (`?tab=forecast`) so it
 * can be linked and survives a reload.
 */
export function RepDetailPage() {
  const { repId } = useParams();
  const me = useSignedInUser();
  const roster = useRoster();
  const [searchParams, setSearchParams] = useSearchParams();
  const tabParam = searchParams.get('tab');
  const tab: RepTab = isRepTab(tabParam) ? tabParam : 'evidence';
  const [cadencePrefill, setCadencePrefill] = useState<CadenceDraft | null>(null);

  if (roster.isPending) {
    return (
      <>
        <BackToReps />
        <PageHeader title="Rep" description="Loading…" />
        <RosterSkeleton />
      </>
    );
  }
  if (roster.isError) {
    return (
      <>
        <BackToReps />
        <PageHeader title="Rep" />
        <QueryErrorAlert
          title="The rep could not be loaded"
          error={roster.error}
          onRetry={() => void roster.refetch()}
          retrying={roster.isFetching}
        />
      </>
    );
  }

  const entry = roster.data.reps.find((candidate) => candidate.rep.id === repId);
  if (!entry || !repId) {
    return (
      <>
        <BackToReps />
        <PageHeader title="Rep not found" />
        <Text>
          There is no rep with this link among the reps you can see. They may have left, or be on a team you do not
          lead.
        </Text>
      </>
    );
  }

  const isSelf = entry.rep.id === me.user.id;
  const canLead = me.user.role === 'leader' || me.user.role === 'admin';

  function selectTab(value: string | null) {
    const next: RepTab = isRepTab(value) ? value : 'evidence';
    // The advice prefills the cadence form once; leaving the tab drops it.
    if (next !== 'reports') setCadencePrefill(null);
    setSearchParams(
      (previous) => {
        const params = new URLSearchParams(previous);
        if (next === 'evidence') params.delete('tab');
        else params.set('tab', next);
        return params;
      },
      { replace: true },
    );
  }

  function reviewCadence(draft: CadenceDraft) {
    setCadencePrefill(draft);
    selectTab('reports');
  }

  return (
    <>
      <BackToReps />
      <PageHeader
        title={entry.rep.name}
        description={`${isSelf ? 'You · ' : ''}${entry.team?.name ?? 'No team'} · ${entry.rep.email} · as of ${formatDate(roster.data.asOf)}`}
      />
      {canLead && tab !== 'reports' ? (
        <CadenceAdviceBanner repId={repId} today={todayIn(me.organization.timeZone)} onAct={reviewCadence} />
      ) : null}
      <Tabs value={tab} onChange={selectTab} keepMounted={false}>
        <Tabs.List mb="md">
          {TABS.map((value) => (
            <Tabs.Tab key={value} value={value}>
              {TAB_LABELS[value]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="evidence">
          <RepEvidenceTab repId={repId} />
        </Tabs.Panel>
        <Tabs.Panel value="trends">
          <RepTrendsTab repId={repId} />
        </Tabs.Panel>
        <Tabs.Panel value="forecast">
          <RepForecastTab repId={repId} repName={entry.rep.name} />
        </Tabs.Panel>
        <Tabs.Panel value="reports">
          <RepReportsTab
            repId={repId}
            repName={entry.rep.name}
            today={todayIn(me.organization.timeZone)}
            currency={me.organization.currency}
            canLead={canLead}
            cadencePrefill={cadencePrefill}
          />
        </Tabs.Panel>
        <Tabs.Panel value="coaching">
          <RepCoachingTab
            repId={repId}
            repName={entry.rep.name}
            today={todayIn(me.organization.timeZone)}
            currency={me.organization.currency}
            canLead={canLead}
            isSelf={isSelf}
          />
        </Tabs.Panel>
        <Tabs.Panel value="activity">
          <RepActivityTab entry={entry} asOf={roster.data.asOf} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
