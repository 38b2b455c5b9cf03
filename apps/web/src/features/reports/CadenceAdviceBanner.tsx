import { Alert, Button, Group, Text } from '@mantine/core';
import { adviceButtonLabel, cadenceLabel, type CadenceDraft } from './report-model';
import { draftFromAdvice, findRepCadence, visibleAdvice } from './cadence-advice';
import { useRepCadence } from './reports-api';

interface CadenceAdviceBannerProps {
  repId: string;
  today: string;
  /** Opens the cadence form, prefilled from the advice. */
  onAct: (draft: CadenceDraft) => void;
}

/**
 * Rightly's cadence advice where a leader sees it first, above the tabs of the rep page; the
 * button leads to the cadence card with the change prefilled for the leader to confirm.
 */
export function CadenceAdviceBanner({ repId, today, onAct }: CadenceAdviceBannerProps) {
  const cadences = useRepCadence(repId);
  const cadence = findRepCadence(cadences.data, repId);
  const advice = cadence ? visibleAdvice(cadence) : null;
  if (!cadence || !advice) return null;
  const draft = draftFromAdvice(cadence, today);
  return (
    <Alert
      color={advice.action === 'shorten' ? 'yellow' : 'teal'}
      variant="light"
      mb="md"
      title={`Reporting cadence: Rightly suggests ${cadenceLabel(advice.to)}`}
    >
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text size="sm" style={{ flex: '1 1 280px' }}>
          {advice.reason}.
        </Text>
        {draft ? (
          <Button size="xs" variant="light" onClick={() => onAct(draft)}>
            {adviceButtonLabel(advice)}…
          </Button>
        ) : null}
      </Group>
    </Alert>
  );
}
