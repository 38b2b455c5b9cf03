import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Paper,
  Select,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { addDays, REPORTING_CADENCES } from '@rightly/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { describeError, isApiError } from '../../lib/api/api-error';
import { formatDate } from '../../lib/format/format';
import { useSignedInUser } from '../auth/signed-in-user';
import {
  adviceButtonLabel,
  cadenceLabel,
  cadenceSourceText,
  cadenceTitle,
  effectiveFromFor,
  LEVEL_LABELS,
  shortensCadence,
  suggestedReviewOn,
  validateCadenceDraft,
  type CadenceChoice,
  type CadenceDraft,
} from './report-model';
import {
  CADENCES_QUERY_KEY,
  invalidateAfterCadenceChange,
  putReportingCadence,
  useRepCadence,
  type CadenceEntry,
  type RepCadence,
} from './reports-api';

/** The form prefilled from Rightly's advice: the leader still reads it and confirms. */
export function draftFromAdvice(cadence: RepCadence, today: string): CadenceDraft | null {
  if (!cadence.advice) return null;
  const backToUsual =
    cadence.advice.action === 'relax' && cadence.advice.to === cadence.usual && cadence.source === 'rep';
  const choice: CadenceChoice = backToUsual ? 'usual' : cadence.advice.to;
  return {
    choice,
    reason: cadence.advice.reason,
    reviewOn: shortensCadence(choice, cadence.usual) ? suggestedReviewOn(today) : '',
  };
}

/** The advice, unless the change it suggests is already set to start. */
export function visibleAdvice(cadence: RepCadence): RepCadence['advice'] {
  if (!cadence.advice) return null;
  if (cadence.upcoming && cadence.upcoming.cadence === cadence.advice.to) return null;
  return cadence.advice;
}

export function findRepCadence(data: { reps: RepCadence[] } | undefined, repId: string): RepCadence | undefined {
  return data?.reps.find((entry) => entry.repId === repId);
}

interface CadenceCardProps {
  repId: string;
  repName: string;
  today: string;
  /** Opens the change form with these values, e.g. from the advice banner above the tabs. */
  prefill?: CadenceDraft | null;
}

/**
 * How often a rep reports, where that comes from, what Rightly advises, and the controls to change
 * it (leaders and admins only). A change takes effect the next day, so no window is cut in two.
 */
export function CadenceCard({ repId, repName, today, prefill = null }: CadenceCardProps) {
  const titleId = useId();
  const cadences = useRepCadence(repId);
  const [draft, setDraft] = useState<CadenceDraft | null>(prefill);
  const [saved, setSaved] = useState<string | null>(null);

  let body: ReactNode;
  if (cadences.isPending) {
    body = (
      <Stack gap="xs" role="status" aria-busy="true" aria-label="Loading the reporting cadence">
        <Skeleton height={22} w={200} />
        <Skeleton height={16} w={320} maw="100%" />
      </Stack>
    );
  } else if (cadences.isError) {
    body = (
      <QueryErrorAlert
        title="The reporting cadence could not be loaded"
        error={cadences.error}
        onRetry={() => void cadences.refetch()}
        retrying={cadences.isFetching}
      />
    );
  } else {
    const cadence = findRepCadence(cadences.data, repId);
    body = cadence ? (
      <CadenceDetails
        cadence={cadence}
        repName={repName}
        today={today}
        draft={draft}
        onDraft={(next) => {
          setDraft(next);
          if (next) setSaved(null);
        }}
        saved={saved}
        onSaved={(message) => {
          setDraft(null);
          setSaved(message);
        }}
      />
    ) : (
      <Text size="sm" c="dimmed">
        Rightly has no reporting cadence for {repName}: they may not be a rep in one of your teams.
      </Text>
    );
  }

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={titleId}>
      <Title order={2} fz="lg" mb="sm" id={titleId}>
        Reporting cadence
      </Title>
      {body}
    </Paper>
  );
}

function CadenceDetails({
  cadence,
  repName,
  today,
  draft,
  onDraft,
  saved,
  onSaved,
}: {
  cadence: RepCadence;
  repName: string;
  today: string;
  draft: CadenceDraft | null;
  onDraft: (draft: CadenceDraft | null) => void;
  saved: string | null;
  onSaved: (message: string) => void;
}) {
  const firstName = repName.split(/\s+/)[0] ?? repName;
  const hasOverride = cadence.source === 'rep';
  const advice = visibleAdvice(cadence);
  return (
    <Stack gap="md">
      <div>
        <Group gap="xs" wrap="wrap">
          <Text fz="xl" fw={700} data-testid="current-cadence">
            {cadenceTitle(cadence.cadence)}
          </Text>
          <Badge variant="light" color={hasOverride ? 'orange' : 'gray'} size="sm">
            {cadenceSourceText(cadence.source)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {hasOverride && cadence.usual !== cadence.cadence
            ? `${firstName} usually reports ${cadenceLabel(cadence.usual)}.`
            : `${firstName} reports ${cadenceLabel(cadence.cadence)}.`}
          {cadence.reviewOn ? ` Review on ${formatDate(cadence.reviewOn)}.` : ''}
        </Text>
      </div>

      {cadence.upcoming ? (
        <Alert color="blue" variant="light" title="Upcoming change" data-testid="upcoming-cadence">
          <Text size="sm">
            From {formatDate(cadence.upcoming.effectiveFrom)}: {cadenceLabel(cadence.upcoming.cadence)}
            {cadence.upcoming.level !== 'rep' ? ` (${LEVEL_LABELS[cadence.upcoming.level].toLowerCase()} setting)` : ''}
            {cadence.upcoming.reason ? ` — ${cadence.upcoming.reason}` : ''}
          </Text>
          {cadence.upcoming.reviewOn ? (
            <Text size="xs" c="dimmed">
              Review on {formatDate(cadence.upcoming.reviewOn)}
            </Text>
          ) : null}
        </Alert>
      ) : null}

      {saved ? (
        <Alert color="teal" variant="light" title="Saved" role="status">
          {saved}
        </Alert>
      ) : null}

      {advice && !draft ? (
        <Alert
          color={advice.action === 'shorten' ? 'yellow' : 'teal'}
          variant="light"
          title={`Rightly suggests reporting ${cadenceLabel(advice.to)}`}
          data-testid="cadence-advice"
        >
          <Text size="sm">{advice.reason}.</Text>
          <Text size="xs" c="dimmed" mb="xs">
            A suggestion only: nothing changes until you confirm it.
          </Text>
          <Button size="xs" onClick={() => onDraft(draftFromAdvice(cadence, today))}>
            {adviceButtonLabel(advice)}
          </Button>
        </Alert>
      ) : null}

      {draft ? (
        <CadenceForm
          cadence={cadence}
          repName={repName}
          today={today}
          draft={draft}
          onDraft={onDraft}
          onSaved={onSaved}
        />
      ) : (
        <Group gap="xs">
          <Button variant="default" size="xs" onClick={() => onDraft({ choice: null, reason: '', reviewOn: '' })}>
            Change cadence
          </Button>
          {hasOverride ? (
            <Button
              variant="subtle"
              size="xs"
              color="gray"
              onClick={() => onDraft({ choice: 'usual', reason: '', reviewOn: '' })}
            >
              Remove override
            </Button>
          ) : null}
        </Group>
      )}

      <CadenceHistory history={cadence.history} />
    </Stack>
  );
}

function CadenceForm({
  cadence,
  repName,
  today,
  draft,
  onDraft,
  onSaved,
}: {
  cadence: RepCadence;
  repName: string;
  today: string;
  draft: CadenceDraft;
  onDraft: (draft: CadenceDraft | null) => void;
  onSaved: (message: string) => void;
}) {
  const queryClient = useQueryClient();
  const [tried, setTried] = useState(false);
  const from = effectiveFromFor(today);
  const context = { current: cadence.cadence, usual: cadence.usual, today };
  const save = useMutation({
    mutationFn: () =>
      putReportingCadence({
        level: 'rep',
        subjectId: cadence.repId,
        cadence: draft.choice === 'usual' || draft.choice === null ? null : draft.choice,
        reason: draft.reason.trim(),
        reviewOn: draft.reviewOn === '' ? null : draft.reviewOn,
      }),
    onSuccess: (response) => {
      if (findRepCadence(response, cadence.repId)) {
        queryClient.setQueryData([...CADENCES_QUERY_KEY, 'rep', cadence.repId], response);
      }
      const next = draft.choice === 'usual' || draft.choice === null ? cadence.usual : draft.choice;
      onSaved(
        `From tomorrow, ${formatDate(from)}, ${repName} reports ${cadenceLabel(next)}${draft.choice === 'usual' ? ' (the override is removed)' : ''}.`,
      );
      // Future windows move with the cadence: the report lists reload behind the message.
      void invalidateAfterCadenceChange(queryClient);
    },
  });
  const local = tried ? validateCadenceDraft(draft, context) : {};
  const server = (field: string) => (isApiError(save.error) ? save.error.messageFor(field) : undefined);

  const options: { value: CadenceChoice; label: string }[] = REPORTING_CADENCES.map((value) => ({
    value,
    label: cadenceTitle(value),
  }));
  if (cadence.source === 'rep') {
    options.push({ value: 'usual', label: `Usual: ${cadenceLabel(cadence.usual)} (remove the override)` });
  }

  return (
    <Paper withBorder radius="md" p="md" bg="var(--mantine-color-default-hover)">
      <form
        noValidate
        aria-label="Change the reporting cadence"
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (Object.keys(validateCadenceDraft(draft, context)).length === 0) save.mutate();
        }}
      >
        <Stack gap="sm">
          <Select
            label="New cadence"
            data={options}
            value={draft.choice}
            onChange={(value) => {
              const choice = (value as CadenceChoice | null) ?? null;
              // A shorter cadence is reviewed: suggest a date, which the leader may change.
              const reviewOn =
                draft.reviewOn === '' && shortensCadence(choice, cadence.usual)
                  ? suggestedReviewOn(today)
                  : draft.reviewOn;
              onDraft({ ...draft, choice, reviewOn });
            }}
            placeholder="Choose how often"
            allowDeselect={false}
            error={local.choice ?? server('cadence')}
            comboboxProps={{ withinPortal: true }}
            withAsterisk
            w={{ base: '100%', xs: 320 }}
          />
          <Textarea
            label="Reason"
            description={`${repName} sees it with the change.`}
            withAsterisk={draft.choice !== null && draft.choice !== 'usual'}
            value={draft.reason}
            onChange={(event) => onDraft({ ...draft, reason: event.currentTarget.value })}
            rows={2}
            resize="vertical"
            maxLength={1000}
            error={local.reason ?? server('reason')}
          />
          <TextInput
            type="date"
            label="Review on"
            description={
              shortensCadence(draft.choice, cadence.usual)
                ? 'When to look at the shorter cadence again'
                : 'When to look at it again (optional)'
            }
            withAsterisk={shortensCadence(draft.choice, cadence.usual)}
            value={draft.reviewOn}
            min={from}
            onChange={(event) => onDraft({ ...draft, reviewOn: event.currentTarget.value })}
            error={local.reviewOn ?? server('reviewOn')}
            w={{ base: '100%', xs: 220 }}
          />
          <Text size="sm" data-testid="effective-from">
            Takes effect from tomorrow, {formatDate(from)}. Reports already under way keep their window.
          </Text>
          {save.isError && !server('reason') && !server('cadence') && !server('reviewOn') ? (
            <Alert color="red" variant="light" title="The cadence was not changed" role="alert">
              {describeError(save.error)}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => onDraft(null)} disabled={save.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save cadence
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** `from Nov 3, 2026 until Nov 20, 2026`; the end is exclusive in the API. */
function historySpan(entry: CadenceEntry): string {
  if (entry.effectiveTo === null) return `from ${formatDate(entry.effectiveFrom)}`;
  if (entry.effectiveTo <= entry.effectiveFrom) return `replaced before ${formatDate(entry.effectiveFrom)}`;
  return `from ${formatDate(entry.effectiveFrom)} until ${formatDate(addDays(entry.effectiveTo, -1))}`;
}

/** ` · by you`, ` · by Morgan Lee`; nothing when nobody is recorded. */
export function setByText(entry: Pick<CadenceEntry, 'setBy' | 'setByName'>, myId: string): string {
  if (!entry.setBy) return '';
  if (entry.setBy === myId) return ' · by you';
  return entry.setByName ? ` · by ${entry.setByName}` : '';
}

function CadenceHistory({ history }: { history: CadenceEntry[] }) {
  const listId = useId();
  const myId = useSignedInUser().user.id;
  if (history.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        No change on record: the cadence has always come from the default.
      </Text>
    );
  }
  const sorted = [...history].sort(
    (a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom) || b.createdAt.localeCompare(a.createdAt),
  );
  return (
    <div>
      <Text size="sm" fw={600} id={listId} mb={4}>
        History
      </Text>
      <List size="sm" spacing={6} aria-labelledby={listId} listStyleType="none" ml={0} pl={0}>
        {sorted.map((entry) => (
          <List.Item key={entry.id}>
            <Text size="sm" span fw={500}>
              {cadenceTitle(entry.cadence)}
            </Text>{' '}
            <Text size="sm" span c="dimmed">
              · {LEVEL_LABELS[entry.level]} · {historySpan(entry)}
              {setByText(entry, myId)}
            </Text>
            {entry.reason ? (
              <Text size="xs" c="dimmed">
                {entry.reason}
              </Text>
            ) : null}
          </List.Item>
        ))}
      </List>
    </div>
  );
}
