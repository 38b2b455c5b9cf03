import { Tabs } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { useSignedInUser } from '../auth/signed-in-user';
import { TeamRightsView } from '../assessment/TeamRightsView';
import { RosterView } from './RosterView';

type TeamView = 'rights' | 'activity';

/**
 * The leader's home: the three rights for the period first (who is on track, who needs help and
 * why), and the raw activity roster beside it. The view is in the URL (`?view=activity`).
 */
export function TeamPage() {
  const me = useSignedInUser();
  const [searchParams, setSearchParams] = useSearchParams();
  const view: TeamView = searchParams.get('view') === 'activity' ? 'activity' : 'rights';

  function setView(next: TeamView) {
    setSearchParams(
      (previous) => {
        const params = new URLSearchParams(previous);
        if (next === 'activity') params.set('view', 'activity');
        else params.delete('view');
        return params;
      },
      { replace: true },
    );
  }

  return (
    <>
      <PageHeader
        title="Team"
        description={
          me.user.role === 'rep'
            ? 'Where you stand on the right thing, the right way and the right time.'
            : 'Who is doing the right thing, the right way, at the right time, and who needs help.'
        }
      />
      <Tabs
        value={view}
        onChange={(value) => setView(value === 'activity' ? 'activity' : 'rights')}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="rights">Three rights</Tabs.Tab>
          <Tabs.Tab value="activity">Activity</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="rights">
          <TeamRightsView />
        </Tabs.Panel>
        <Tabs.Panel value="activity">
          <RosterView />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
