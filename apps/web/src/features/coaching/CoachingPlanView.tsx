import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { formatDate, pluralize } from '../../lib/format/format';
import { RIGHT_LABELS } from '../assessment/status';
import type { CoachingPlan, CoachingPlanSummary } from './coaching-api';
import { CommitmentList } from './CommitmentList';
import { OUTCOME_COLORS, OUTCOME_LABELS } from './coaching-labels';
import { groupSessions, type SessionWithCommitments } from './plan-model';
import { PlanEffect } from './PlanEffect';

/** Active, or the outcome of a closed plan, as a badge. */
export function PlanStatusBadge({ plan }: { plan: Pick<CoachingPlanSummary, 'status' | 'outcome' | 'reviewDue'> }) {
  if (plan.status === 'active') {
    return (
      <Group gap={4}>
        <Badge variant="light" color="teal">
          Active
        </Badge>
        {plan.reviewDue ? (
          <Badge variant="filled" color="orange">
            Review due
          </Badge>
        ) : null}
      </Group>
    );
  }
  return (
    <Badge variant="light" color={plan.outcome ? OUTCOME_COLORS[plan.outcome] : 'gray'}>
      {plan.outcome ? OUTCOME_LABELS[plan.outcome] : 'Closed'}
    </Badge>
  );
}

export function FocusBadges({ focus }: { focus: CoachingPlanSummary['focus'] }) {
  if (focus.length === 0) return <Text size="sm">No right in focus</Text>;
  return (
    <Group gap={6} role="list" aria-label="Rights in focus">
      {focus.map((right) => (
        <Badge
          key={right}
          role="listitem"
          variant="outline"
          color="red"
          radius="sm"
          tt="none"
          styles={{ root: { maxWidth: 'none', overflow: 'visible' }, label: { overflow: 'visible' } }}
        >
          {RIGHT_LABELS[right]}
        </Badge>
      ))}
    </Group>
  );
}

function Section({ title, children, count }: { title: string; children: ReactNode; count?: string }) {
  const id = useId();
  return (
    <Stack gap={6} component="section" aria-labelledby={id}>
      <Group gap="xs" align="baseline">
        <Title order={3} fz="md" id={id}>
          {title}
        </Title>
        {count ? (
          <Text size="sm" c="dimmed">
            {count}
          </Text>
        ) : null}
      </Group>
      {children}
    </Stack>
  );
}

/** A padlock drawn inline: emoji fonts are not everywhere. */
function LockIcon() {
  return (
    <svg width="10" height="12" viewBox="0 0 10 12" aria-hidden="true" focusable="false">
      <rect x="0.5" y="5" width="9" height="6.5" rx="1.2" fill="currentColor" />
      <path d="M2.5 5V3.5a2.5 2.5 0 0 1 5 0V5" fill="none" stroke="currentColor" strokeWidth="1.4" />
    </svg>
  );
}

function SessionCard({ session, commitments, canLead }: SessionWithCommitments & { canLead: boolean }) {
  const isPrivate = session.privateToLeaders;
  return (
    <Paper component="li" withBorder radius="sm" p="sm" style={{ listStyle: 'none' }} data-session={session.id}>
      <Group justify="space-between" gap="xs" align="baseline">
        <Text size="sm" fw={600}>
          {formatDate(session.heldOn)}
          {session.createdByName ? (
            <Text span size="sm" c="dimmed" fw={400}>
              {' '}
              · with {session.createdByName}
            </Text>
          ) : null}
        </Text>
        {isPrivate && canLead ? (
          <Badge size="sm" variant="light" color="gray" leftSection={<LockIcon />} data-testid="private-note-badge">
            Notes private to leaders
          </Badge>
        ) : null}
      </Group>
      {session.agenda.length > 0 ? (
        <>
          <Text size="xs" fw={700} c="dimmed" mt={6}>
            Agenda
          </Text>
          <List size="xs" c="dimmed" spacing={2}>
            {session.agenda.map((item, index) => (
              <List.Item key={`${index}-${item}`}>{item}</List.Item>
            ))}
          </List>
        </>
      ) : null}
      {session.notes !== null ? (
        <>
          <Text size="xs" fw={700} c="dimmed" mt={6}>
            Notes
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="session-notes">
            {session.notes.trim() === '' ? 'No notes.' : session.notes}
          </Text>
        </>
      ) : null}
      {commitments.length > 0 ? (
        <Text size="xs" c="dimmed" mt={6}>
          Agreed: {commitments.map((commitment) => commitment.text).join(' · ')}
        </Text>
      ) : null}
    </Paper>
  );
}

interface CoachingPlanViewProps {
  plan: CoachingPlan;
  today: string;
  currency: string;
  canLead: boolean;
  /** The leader's buttons (hold a session, close, export), under the header. */
  actions?: ReactNode;
  /** A form shown above the sessions (the session form while open). */
  sessionForm?: ReactNode;
}

/** A plan in full: focus, evidence, goals, dates, the measured effect, sessions and commitments. */
export function CoachingPlanView({ plan, today, currency, canLead, actions, sessionForm }: CoachingPlanViewProps) {
  const { sessions } = groupSessions(plan);
  const commitments = [...plan.commitments].sort(
    (a, b) => Number(a.doneAt !== null) - Number(b.doneAt !== null) || a.dueOn.localeCompare(b.dueOn),
  );
  const open = plan.commitments.filter((commitment) => commitment.doneAt === null).length;
  const active = plan.status === 'active';
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap">
          <PlanStatusBadge plan={plan} />
          <Text size="sm" c="dimmed">
            Started {formatDate(plan.startedOn)} · review {formatDate(plan.reviewOn)}
            {plan.leaderName ? ` · led by ${plan.leaderName}` : ''}
            {plan.closedAt ? ` · closed ${formatDate(plan.closedAt.slice(0, 10))}` : ''}
          </Text>
        </Group>
        <FocusBadges focus={plan.focus} />
        {plan.status === 'closed' && plan.outcomeNote ? <Text size="sm">Outcome: {plan.outcomeNote}</Text> : null}
      </Stack>
      {actions}

      {plan.evidence.length > 0 ? (
        <Section title="Evidence">
          <List size="sm" spacing={2}>
            {plan.evidence.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        </Section>
      ) : null}

      <Section title="Goals">
        {plan.goals.length === 0 ? (
          <Text size="sm" c="dimmed">
            No goal written down.
          </Text>
        ) : (
          <List size="sm" spacing={4} aria-label="Goals">
            {plan.goals.map((goal, index) => (
              <List.Item key={`${index}-${goal.text}`}>
                {goal.text}
                {goal.expectationName && !goal.text.includes(goal.expectationName) ? (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    · {goal.expectationName}
                  </Text>
                ) : null}
              </List.Item>
            ))}
          </List>
        )}
      </Section>

      <PlanEffect effect={plan.effect} currency={currency} />

      <Section title="Commitments" count={plan.commitments.length > 0 ? `${open} open` : undefined}>
        {commitments.length === 0 ? (
          <Text size="sm" c="dimmed">
            No commitment yet: they are agreed in a 1:1 session.
          </Text>
        ) : (
          <CommitmentList
            commitments={commitments}
            repId={plan.repId}
            today={today}
            planActive={active}
            label="Commitments"
          />
        )}
      </Section>

      <Section title="1:1 sessions" count={pluralize(plan.sessions.length, 'session')}>
        {sessionForm}
        {sessions.length === 0 ? (
          <Text size="sm" c="dimmed">
            No session held yet.
          </Text>
        ) : (
          <Stack component="ul" gap="xs" p={0} m={0} aria-label="Sessions">
            {sessions.map((entry) => (
              <SessionCard key={entry.session.id} {...entry} canLead={canLead} />
            ))}
          </Stack>
        )}
      </Section>
    </Stack>
  );
}
