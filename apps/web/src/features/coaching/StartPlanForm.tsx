import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { describeError, isApiError } from '../../lib/api/api-error';
import { useRepAssessment, type RepAssessment } from '../assessment/assessment-api';
import { RIGHT_LABELS, RIGHT_ORDER, RIGHT_QUESTIONS } from '../assessment/status';
import { StatusBadge } from '../assessment/StatusBadge';
import { COACHING_PLAN_QUERY_KEY, createCoachingPlan, invalidateAfterCoachingChange } from './coaching-api';
import {
  defaultReviewOn,
  DEFAULT_PLAN_WEEKS,
  focusFromRights,
  goalsFromAssessments,
  hasErrors,
  validatePlanDraft,
  type PlanDraft,
} from './plan-model';

interface StartPlanFormProps {
  repId: string;
  repName: string;
  today: string;
  currency: string;
  onStarted: (message: string) => void;
  onCancel: () => void;
}

/** Loads the rep's current assessment, then shows the form prefilled from it. */
export function StartPlanForm(props: StartPlanFormProps) {
  const assessment = useRepAssessment(props.repId, { period: null, periods: 2 });
  if (assessment.isPending) {
    return (
      <Stack gap="xs" role="status" aria-busy="true" aria-label="Loading the rep’s assessment">
        <Skeleton height={24} w={240} />
        <Skeleton height={80} />
      </Stack>
    );
  }
  if (assessment.isError) {
    return (
      <QueryErrorAlert
        title="The rep’s assessment could not be loaded to fill in the plan"
        error={assessment.error}
        onRetry={() => void assessment.refetch()}
        retrying={assessment.isFetching}
      />
    );
  }
  return <PlanForm {...props} assessment={assessment.data} />;
}

function initialDraft(assessment: RepAssessment, today: string, currency: string): PlanDraft {
  const focus = focusFromRights(assessment.rights);
  return {
    focus,
    reviewOn: defaultReviewOn(today),
    goals: goalsFromAssessments(assessment.assessments, focus, currency),
  };
}

function PlanForm({
  repId,
  repName,
  today,
  currency,
  onStarted,
  onCancel,
  assessment,
}: StartPlanFormProps & { assessment: RepAssessment }) {
  const queryClient = useQueryClient();
  const titleId = useId();
  const [draft, setDraft] = useState<PlanDraft>(() => initialDraft(assessment, today, currency));
  const [tried, setTried] = useState(false);
  const nextKey = useRef(draft.goals.length + 1);
  // A rep behind on a right is on this week's "Who needs help" list: the server copies the evidence from it.
  const behind = RIGHT_ORDER.some(
    (right) => assessment.rights[right].status !== 'on_track' && assessment.rights[right].status !== 'no_data',
  );
  const start = useMutation({
    mutationFn: async () => {
      const body = {
        repId,
        focus: draft.focus,
        reviewOn: draft.reviewOn,
        goals: draft.goals.map((goal) => ({ expectationId: goal.expectationId, text: goal.text.trim() })),
      };
      if (!behind) return createCoachingPlan({ ...body, fromNeedsHelp: false });
      try {
        return await createCoachingPlan({ ...body, fromNeedsHelp: true });
      } catch (error) {
        // Not on the list after all (another period, another scope): start it without the evidence.
        if (isApiError(error) && error.messageFor('fromNeedsHelp')) {
          return createCoachingPlan({ ...body, fromNeedsHelp: false });
        }
        throw error;
      }
    },
    onSuccess: (plan) => {
      queryClient.setQueryData([...COACHING_PLAN_QUERY_KEY, plan.id], plan);
      void invalidateAfterCoachingChange(queryClient, repId);
      onStarted(`Coaching plan started for ${repName}. Hold the first 1:1 soon.`);
    },
  });
  const errors = tried ? validatePlanDraft(draft, today) : {};
  const server = (field: string) => (isApiError(start.error) ? start.error.messageFor(field) : undefined);
  const expectationOptions = [
    ...new Map(assessment.assessments.map((entry) => [entry.expectationId, entry.expectationName])).entries(),
  ].map(([value, label]) => ({ value, label }));

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={titleId}>
      <Title order={2} fz="lg" id={titleId} mb={4}>
        Start a coaching plan
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Prefilled from {repName}’s assessment this period: check the rights in focus, the goals and the review date.
      </Text>
      <form
        noValidate
        aria-label="Start a coaching plan"
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (!hasErrors(validatePlanDraft(draft, today))) start.mutate();
        }}
      >
        <Stack gap="md">
          <Checkbox.Group
            label="Rights in focus"
            withAsterisk
            value={draft.focus}
            onChange={(values) =>
              setDraft((current) => ({ ...current, focus: RIGHT_ORDER.filter((right) => values.includes(right)) }))
            }
            error={errors.focus ?? server('focus')}
          >
            <Stack gap={8} mt={6}>
              {RIGHT_ORDER.map((right) => (
                <Group key={right} gap="xs" wrap="nowrap" align="flex-start">
                  <Checkbox value={right} label={RIGHT_LABELS[right]} description={RIGHT_QUESTIONS[right]} />
                  <StatusBadge status={assessment.rights[right].status} />
                </Group>
              ))}
            </Stack>
          </Checkbox.Group>

          <Stack gap={6}>
            <Text size="sm" fw={500}>
              Goals
            </Text>
            <Text size="xs" c="dimmed" mt={-4}>
              What {repName} works towards, tied to an expectation where there is one.
            </Text>
            {draft.goals.map((goal, index) => (
              <Paper key={goal.key} withBorder radius="sm" p="xs" data-testid="goal-row">
                <Group gap="xs" align="flex-start" wrap="wrap">
                  <Select
                    label={`Expectation (goal ${index + 1})`}
                    data={expectationOptions}
                    value={goal.expectationId}
                    onChange={(value) =>
                      setDraft((current) => ({
                        ...current,
                        goals: current.goals.map((other) =>
                          other.key === goal.key ? { ...other, expectationId: value } : other,
                        ),
                      }))
                    }
                    placeholder="None"
                    clearable
                    comboboxProps={{ withinPortal: true }}
                    w={{ base: '100%', sm: 220 }}
                  />
                  <TextInput
                    label={`Goal ${index + 1}`}
                    value={goal.text}
                    onChange={(event) => {
                      const text = event.currentTarget.value;
                      setDraft((current) => ({
                        ...current,
                        goals: current.goals.map((other) => (other.key === goal.key ? { ...other, text } : other)),
                      }));
                    }}
                    maxLength={1000}
                    style={{ flex: 1, minWidth: 200 }}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    mt={26}
                    aria-label={`Remove goal ${index + 1}`}
                    onClick={() =>
                      setDraft((current) => ({
                        ...current,
                        goals: current.goals.filter((other) => other.key !== goal.key),
                      }))
                    }
                  >
                    ✕
                  </ActionIcon>
                </Group>
              </Paper>
            ))}
            {(errors.goals ?? server('goals')) ? (
              <Text size="xs" c="red.8" role="alert">
                {errors.goals ?? server('goals')}
              </Text>
            ) : null}
            <Group>
              <Button
                variant="light"
                size="xs"
                onClick={() => {
                  const key = nextKey.current++;
                  setDraft((current) => ({
                    ...current,
                    goals: [...current.goals, { key, expectationId: null, text: '' }],
                  }));
                }}
              >
                Add a goal
              </Button>
            </Group>
          </Stack>

          <TextInput
            type="date"
            label="Review on"
            withAsterisk
            description={`When to look at the plan together again; ${DEFAULT_PLAN_WEEKS} weeks is usual.`}
            value={draft.reviewOn}
            min={today}
            onChange={(event) => {
              const reviewOn = event.currentTarget.value;
              setDraft((current) => ({ ...current, reviewOn }));
            }}
            error={errors.reviewOn ?? server('reviewOn')}
            w={{ base: '100%', xs: 220 }}
          />

          {start.isError && !server('focus') && !server('reviewOn') && !server('goals') ? (
            <Alert color="red" variant="light" title="The plan was not started" role="alert">
              {describeError(start.error)}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onCancel} disabled={start.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={start.isPending}>
              Start plan
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
