import { Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { formatValue, type Right } from '@rightly/core';
import type { ExpectationAssessment } from './assessment-api';
import { revisionNote } from './revision-note';
import { StatusBadge } from './StatusBadge';
import classes from './ExpectationEvidence.module.css';

interface ExpectationEvidenceProps {
  assessment: ExpectationAssessment;
  right: Right;
  timeZone: string;
  currency: string;
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className={classes.figure}>
      <dt className={classes.figureLabel}>{label}</dt>
      <dd className={classes.figureValue}>{value}</dd>
    </div>
  );
}

/**
 * One expectation's evidence for one right: the sentence, the numbers behind it (actual, target,
 * expected by now, projected, team median) and the items the right was judged on.
 */
export function ExpectationEvidence({ assessment, right, timeZone, currency }: ExpectationEvidenceProps) {
  const rightAssessment = assessment.rights[right];
  const unit = assessment.metric.unit;
  const value = (n: number | null) => (n === null ? '—' : formatValue(n, unit, currency));
  const note = revisionNote(assessment, unit, timeZone);

  return (
    <Paper withBorder radius="md" p="sm" component="article" aria-label={assessment.expectationName}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <div style={{ minWidth: 0 }}>
          <Text fw={600} size="sm">
            {assessment.expectationName}
          </Text>
          {assessment.metric.name !== assessment.expectationName ? (
            <Text size="xs" c="dimmed">
              {assessment.metric.name}
            </Text>
          ) : null}
        </div>
        <StatusBadge status={rightAssessment.status} />
      </Group>
      <Text size="sm" mt={6}>
        {rightAssessment.sentence}
      </Text>
      <SimpleGrid component="dl" cols={{ base: 2, xs: 3, sm: 5 }} spacing="xs" verticalSpacing={6} mt="xs" mb={0}>
        <Figure label="Actual" value={value(assessment.actual)} />
        <Figure label="Target" value={value(assessment.target)} />
        <Figure label="Expected by now" value={value(assessment.pace)} />
        <Figure label="Projected" value={value(assessment.projected)} />
        <Figure label="Team median" value={value(assessment.teamMedian)} />
      </SimpleGrid>
      {rightAssessment.evidence.length > 0 ? (
        <Stack
          gap={4}
          mt="xs"
          component="ul"
          className={classes.items}
          aria-label={`Evidence for ${assessment.expectationName}`}
        >
          {rightAssessment.evidence.map((item, index) => (
            <li key={`${item.label}-${index}`} className={classes.item}>
              <Text size="sm" className={classes.itemLabel}>
                {item.label}:{' '}
                <Text span fw={600} size="sm">
                  {formatValue(item.value, item.unit, currency)}
                </Text>
                {item.against !== null ? (
                  <Text span size="sm" c="dimmed">
                    {' '}
                    against {formatValue(item.against, item.unit, currency)}
                  </Text>
                ) : null}
              </Text>
              {/* A figure given for context (e.g. the team median) is not judged: no badge. */}
              {item.status === 'no_data' && item.against === null && item.value !== null ? null : (
                <StatusBadge status={item.status} />
              )}
            </li>
          ))}
        </Stack>
      ) : null}
      {note ? (
        <Text size="xs" c="dimmed" mt="xs" fs="italic">
          {note}
        </Text>
      ) : null}
    </Paper>
  );
}
