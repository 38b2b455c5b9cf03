import { Alert, Anchor, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useId, useState, type ReactNode } from 'react';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { formatDate, pluralize } from '../../lib/format/format';
import { ClosePlanForm } from './ClosePlanForm';
import { planPdfUrl, useCoachingPlan, useCoachingPlans, useLadder, type CoachingPlanSummary } from './coaching-api';
import { groupPlans } from './plan-model';
import { CoachingPlanView, FocusBadges, PlanStatusBadge } from './CoachingPlanView';
import { LadderCard } from './LadderCard';
import { SessionForm } from './SessionForm';
import { StartPlanForm } from './StartPlanForm';

interface RepCoachingTabProps {
  repId: string;
  repName: string;
  today: string;
  currency: string;
  /** Leaders and admins: start, hold sessions, close, export, and the consequence ladder. */
  canLead: boolean;
  /** The signed-in rep looking at their own page. */
  isSelf: boolean;
}

function PlanSkeleton({ label }: { label: string }) {
  return (
    <Stack gap="sm" role="status" aria-busy="true" aria-label={label}>
      <Skeleton height={28} w="40%" />
      <Skeleton height={120} />
      <Skeleton height={200} />
    </Stack>
  );
}

type Panel = 'session' | 'close' | null;

function ActivePlan({
  planId,
  today,
  currency,
  canLead,
}: {
  planId: string;
  today: string;
  currency: string;
  canLead: boolean;
}) {
  const titleId = useId();
  const plan = useCoachingPlan(planId);
  const [panel, setPanel] = useState<Panel>(null);
  const [message, setMessage] = useState<string | null>(null);

  let body: ReactNode;
  if (plan.isPending) {
    body = <PlanSkeleton label="Loading the coaching plan" />;
  } else if (plan.isError) {
    body = (
      <QueryErrorAlert
        title="The coaching plan could not be loaded"
        error={plan.error}
        onRetry={() => void plan.refetch()}
        retrying={plan.isFetching}
      />
    );
  } else {
    const data = plan.data;
    const active = data.status === 'active';
    const done = (text: string) => {
      setPanel(null);
      setMessage(text);
    };
    const actions = canLead ? (
      <Stack gap="sm">
        <Group gap="xs" wrap="wrap">
          {active ? (
            <>
              <Button
                size="xs"
                onClick={() => {
                  setMessage(null);
                  setPanel(panel === 'session' ? null : 'session');
                }}
                variant={panel === 'session' ? 'light' : 'filled'}
              >
                Hold a session
              </Button>
              <Button
                size="xs"
                variant={panel === 'close' ? 'light' : 'default'}
                onClick={() => {
                  setMessage(null);
                  setPanel(panel === 'close' ? null : 'close');
                }}
              >
                Close plan
              </Button>
            </>
          ) : null}
          <Anchor href={planPdfUrl(data.id)} size="sm" target="_blank" rel="noopener" download>
            Export for HR (PDF)
          </Anchor>
        </Group>
        {panel === 'close' ? <ClosePlanForm plan={data} onDone={done} onCancel={() => setPanel(null)} /> : null}
      </Stack>
    ) : null;
    body = (
      <Stack gap="sm">
        {message ? (
          <Alert
            color="teal"
            variant="light"
            title="Saved"
            role="status"
            withCloseButton
            onClose={() => setMessage(null)}
          >
            {message}
          </Alert>
        ) : null}
        <CoachingPlanView
          plan={data}
          today={today}
          currency={currency}
          canLead={canLead}
          actions={actions}
          sessionForm={
            panel === 'session' ? (
              <SessionForm plan={data} today={today} onDone={done} onCancel={() => setPanel(null)} />
            ) : null
          }
        />
      </Stack>
    );
  }
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={titleId}>
      <Title order={2} fz="lg" id={titleId} mb="sm">
        Coaching plan
      </Title>
      {body}
    </Paper>
  );
}

function ClosedPlan({
  summary,
  today,
  currency,
  canLead,
}: {
  summary: CoachingPlanSummary;
  today: string;
  currency: string;
  canLead: boolean;
}) {
  const [open, setOpen] = useState(false);
  const plan = useCoachingPlan(open ? summary.id : null);
  return (
    <Paper
      component="li"
      withBorder
      radius="md"
      p="sm"
      style={{ listStyle: 'none' }}
      aria-label={`Plan started ${formatDate(summary.startedOn)}`}
    >
      <Group justify="space-between" gap="xs" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <PlanStatusBadge plan={summary} />
            <Text size="sm" fw={500}>
              {formatDate(summary.startedOn)} – {summary.closedAt ? formatDate(summary.closedAt.slice(0, 10)) : '…'}
            </Text>
          </Group>
          <FocusBadges focus={summary.focus} />
          <Text size="xs" c="dimmed">
            {pluralize(summary.sessionsHeld, 'session')} held
            {summary.leaderName ? ` · led by ${summary.leaderName}` : ''}
          </Text>
          {summary.outcomeNote ? <Text size="sm">{summary.outcomeNote}</Text> : null}
        </Stack>
        <Group gap="xs">
          {canLead ? (
            <Anchor href={planPdfUrl(summary.id)} size="xs" target="_blank" rel="noopener" download>
              PDF
            </Anchor>
          ) : null}
          <Button size="compact-xs" variant="subtle" onClick={() => setOpen((value) => !value)} aria-expanded={open}>
            {open ? 'Hide details' : 'Details'}
          </Button>
        </Group>
      </Group>
      {open ? (
        <Stack mt="sm">
          {plan.isPending ? (
            <PlanSkeleton label="Loading the plan" />
          ) : plan.isError ? (
            <QueryErrorAlert
              title="The plan could not be loaded"
              error={plan.error}
              onRetry={() => void plan.refetch()}
              retrying={plan.isFetching}
            />
          ) : (
            <CoachingPlanView plan={plan.data} today={today} currency={currency} canLead={canLead} />
          )}
        </Stack>
      ) : null}
    </Paper>
  );
}

/**
 * A rep's coaching on their page: the active plan (focus, evidence, goals, dates, effect, sessions,
 * commitments), the leader's controls, the consequence ladder (leaders and admins), closed plans.
 */
export function RepCoachingTab({ repId, repName, today, currency, canLead, isSelf }: RepCoachingTabProps) {
  const plans = useCoachingPlans({ rep: repId });
  const [starting, setStarting] = useState(false);
  const [started, setStarted] = useState<string | null>(null);
  const closedTitleId = useId();

  let main: ReactNode;
  let closed: CoachingPlanSummary[] = [];
  if (plans.isPending) {
    main = <PlanSkeleton label="Loading the coaching plans" />;
  } else if (plans.isError) {
    main = (
      <QueryErrorAlert
        title="The coaching plans could not be loaded"
        error={plans.error}
        onRetry={() => void plans.refetch()}
        retrying={plans.isFetching}
      />
    );
  } else {
    const grouped = groupPlans(plans.data.plans);
    closed = grouped.closed;
    if (grouped.active) {
      main = <ActivePlan planId={grouped.active.id} today={today} currency={currency} canLead={canLead} />;
    } else if (canLead && starting) {
      main = (
        <StartPlanForm
          repId={repId}
          repName={repName}
          today={today}
          currency={currency}
          onStarted={(message) => {
            setStarting(false);
            setStarted(message);
          }}
          onCancel={() => setStarting(false)}
        />
      );
    } else {
      main = (
        <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
          <Title order={2} fz="lg" mb={4}>
            No active coaching plan
          </Title>
          <Text size="sm" c="dimmed" mb={canLead ? 'sm' : 0}>
            {canLead
              ? `When ${repName} misses a right, a plan sets the focus, the goals and a review date, and keeps the 1:1s and commitments in one place.`
              : isSelf
                ? 'You have no coaching plan running. When you and your leader start one, its goals, sessions and commitments show here.'
                : `${repName} has no coaching plan running.`}
          </Text>
          {canLead ? (
            <Button
              onClick={() => {
                setStarted(null);
                setStarting(true);
              }}
            >
              Start a coaching plan
            </Button>
          ) : null}
        </Paper>
      );
    }
  }

  return (
    <Stack gap="lg">
      {started ? (
        <Alert
          color="teal"
          variant="light"
          title="Plan started"
          role="status"
          withCloseButton
          onClose={() => setStarted(null)}
        >
          {started}
        </Alert>
      ) : null}
      {main}
      {/* The rep sees the steps on record about them (only once there are any); leaders the whole ladder. */}
      {canLead ? (
        <LadderCard repId={repId} repName={repName} canLead />
      ) : (
        <RepLadderIfAny repId={repId} repName={repName} />
      )}
      {closed.length > 0 ? (
        <Stack gap="xs" component="section" aria-labelledby={closedTitleId}>
          <Title order={2} fz="lg" id={closedTitleId}>
            Closed plans
          </Title>
          <Stack component="ul" gap="xs" p={0} m={0} aria-label="Closed plans">
            {closed.map((summary) => (
              <ClosedPlan key={summary.id} summary={summary} today={today} currency={currency} canLead={canLead} />
            ))}
          </Stack>
        </Stack>
      ) : null}
    </Stack>
  );
}

/** A rep's ladder card appears only when a step above coaching is on record. */
function RepLadderIfAny({ repId, repName }: { repId: string; repName: string }) {
  const ladder = useLadder(repId);
  if (!ladder.data || ladder.data.steps.length === 0) return null;
  return <LadderCard repId={repId} repName={repName} canLead={false} />;
}
