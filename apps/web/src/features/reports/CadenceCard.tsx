import { Alert, Badge, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useId, useState, type ReactNode } from 'react';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { formatDate } from '../../lib/format/format';
import {
  adviceButtonLabel,
  cadenceLabel,
  cadenceSourceText,
  cadenceTitle,
  LEVEL_LABELS,
  type CadenceDraft,
} from './report-model';
import { useRepCadence, type RepCadence } from './reports-api';

import { draftFromAdvice, findRepCadence, visibleAdvice } from './cadence-advice';
import { CadenceForm } from './CadenceForm';
import { CadenceHistory } from './CadenceHistory';

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
