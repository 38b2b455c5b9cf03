import { Badge, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { formatValue } from '@rightly/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { todayIn } from '../assessment/period-nav';
import { useSignedInUser } from '../auth/signed-in-user';
import { metricsByKey, useMetrics } from '../metrics/metrics-api';
import { useRoster } from '../roster/roster-api';
import { useTeams } from '../teams/teams-api';
import { AdoptTemplateModal, type TemplateInfo } from './AdoptTemplateModal';
import { ExpectationCard } from './ExpectationCard';
import { useExpectations, type Expectation } from './expectations-api';

export function canEditExpectations(role: string): boolean {
  return role === 'leader' || role === 'admin';
}

function ListSkeleton() {
  return (
    <Stack gap="sm" role="status" aria-busy="true" aria-label="Loading the expectations">
      {Array.from({ length: 3 }, (_, index) => (
        <Skeleton key={index} height={120} />
      ))}
    </Stack>
  );
}

const PERIOD_WORDS: Record<string, string> = {
  week: 'a week',
  month: 'a month',
  quarter: 'a quarter',
  custom: 'a custom period',
};

/**
 * What the organization expects of its reps: active and ended expectations in words (the three
 * rights, who, advice), the playbook's templates to adopt in one click, and the way to the editor.
 * Reps read the same list without the controls.
 */
export function ExpectationsPage() {
  const me = useSignedInUser();
  const navigate = useNavigate();
  const expectations = useExpectations();
  const metrics = useMetrics();
  const teams = useTeams();
  const roster = useRoster();
  const [adopting, setAdopting] = useState<TemplateInfo | null>(null);
  const canEdit = canEditExpectations(me.user.role);
  const today = todayIn(me.organization.timeZone);

  const header = (
    <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
      <PageHeader
        title="Expectations"
        description={
          canEdit
            ? 'What you ask of each rep and team: the right thing, the right way, at the right time.'
            : 'What your leader expects of you: the right thing, the right way, at the right time.'
        }
      />
      {canEdit ? (
        <Button component={Link} to="/expectations/new">
          New expectation
        </Button>
      ) : null}
    </Group>
  );

  if (expectations.isPending) {
    return (
      <>
        {header}
        <ListSkeleton />
      </>
    );
  }
  if (expectations.isError) {
    return (
      <>
        {header}
        <QueryErrorAlert
          title="The expectations could not be loaded"
          error={expectations.error}
          onRetry={() => void expectations.refetch()}
          retrying={expectations.isFetching}
        />
      </>
    );
  }

  const metricMap = metricsByKey(metrics.data?.metrics);
  const teamNames = new Map((teams.data?.teams ?? []).map((team) => [team.id, team.name]));
  const repNames = new Map((roster.data?.reps ?? []).map((entry) => [entry.rep.id, entry.rep.name]));
  const names = { team: (id: string) => teamNames.get(id), rep: (id: string) => repNames.get(id) };
  const byName = (a: Expectation, b: Expectation) => a.name.localeCompare(b.name);
  const current = expectations.data.expectations.filter((e) => e.active || e.startsOn > today).sort(byName);
  const ended = expectations.data.expectations.filter((e) => !e.active && e.startsOn <= today).sort(byName);
  const templates = expectations.data.templates;

  const card = (expectation: Expectation) => (
    <ExpectationCard
      key={expectation.id}
      expectation={expectation}
      metrics={metricMap}
      names={names}
      today={today}
      currency={me.organization.currency}
      canEdit={canEdit}
    />
  );

  return (
    <>
      {header}
      {metrics.isError ? (
        <Text size="sm" c="dimmed" mb="sm">
          Metric names could not be loaded; keys are shown instead.
        </Text>
      ) : null}
      <Stack gap="xl">
        <Stack gap="sm" component="section" aria-labelledby="active-expectations">
          <Title order={2} fz="lg" id="active-expectations">
            Active ({current.length})
          </Title>
          {current.length === 0 ? (
            <Paper withBorder radius="md" p="lg">
              <Text fw={600}>No active expectation</Text>
              <Text size="sm" c="dimmed">
                {canEdit
                  ? 'Adopt one of the playbook templates below, or write your own with “New expectation”.'
                  : 'Your leader has not set an expectation yet.'}
              </Text>
            </Paper>
          ) : (
            current.map(card)
          )}
        </Stack>

        {canEdit ? (
          <Stack gap="sm" component="section" aria-labelledby="templates">
            <Title order={2} fz="lg" id="templates">
              From the playbook
            </Title>
            <Text size="sm" c="dimmed">
              Proven expectations to adopt in one click: choose who they are for, then adjust them in the editor.
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              {templates.map((template) => {
                const metric = metricMap.get(template.defaults.metric);
                return (
                  <Paper
                    key={template.key}
                    withBorder
                    radius="md"
                    p="md"
                    component="article"
                    aria-label={`Template: ${template.name}`}
                  >
                    <Stack gap={6} h="100%">
                      <Group justify="space-between" wrap="nowrap" align="flex-start">
                        <Text fw={700}>{template.name}</Text>
                        <Badge variant="outline" color="gray" size="sm" style={{ flexShrink: 0 }}>
                          {template.defaults.period === 'custom' ? 'custom' : `per ${template.defaults.period}`}
                        </Badge>
                      </Group>
                      <Text size="sm">{template.why}</Text>
                      <Text size="xs" c="dimmed" style={{ flexGrow: 1 }}>
                        {metric?.name ?? template.defaults.metric}:{' '}
                        {template.defaults.target === null
                          ? `target suggested from history for ${PERIOD_WORDS[template.defaults.period] ?? 'a period'}`
                          : `${formatValue(template.defaults.target, metric?.unit ?? 'count', me.organization.currency)} per ${template.defaults.period}`}
                      </Text>
                      <Group>
                        <Button
                          size="xs"
                          onClick={() => setAdopting({ key: template.key, name: template.name, why: template.why })}
                          aria-label={`Adopt ${template.name}`}
                        >
                          Adopt
                        </Button>
                      </Group>
                    </Stack>
                  </Paper>
                );
              })}
            </SimpleGrid>
          </Stack>
        ) : null}

        {ended.length > 0 ? (
          <Stack gap="sm" component="section" aria-labelledby="ended-expectations">
            <Title order={2} fz="lg" id="ended-expectations">
              Ended ({ended.length})
            </Title>
            {ended.map(card)}
          </Stack>
        ) : null}
      </Stack>
      <AdoptTemplateModal
        template={adopting}
        today={today}
        onClose={() => setAdopting(null)}
        onAdopted={(expectation) => {
          setAdopting(null);
          void navigate(`/expectations/${expectation.id}?adopted=1`);
        }}
      />
    </>
  );
}
