import { Group, List, SimpleGrid, Stack, Text, type SimpleGridProps } from '@mantine/core';
import { severity, type Right } from '@rightly/core';
import type { ExpectationAssessment } from './assessment-api';
import { ExpectationEvidence } from './ExpectationEvidence';
import { RIGHT_QUESTIONS } from './status';
import { StatusBadge } from './StatusBadge';

interface RightEvidenceProps {
  right: Right;
  cell: { status: ExpectationAssessment['rights']['thing']['status']; sentences: string[] };
  assessments: readonly ExpectationAssessment[];
  timeZone: string;
  currency: string;
  /** Whether to repeat the right's status and summary sentences above the expectations. */
  withSummary?: boolean;
  /** Expectation cards side by side on a wide page; one column in a drawer. */
  columns?: SimpleGridProps['cols'];
}

/**
 * Everything behind one right: its status, the summary sentences, then each expectation with its
 * numbers, most serious first. Expectations that say nothing about this right come last.
 */
export function RightEvidence({
  right,
  cell,
  assessments,
  timeZone,
  currency,
  withSummary = true,
  columns = 1,
}: RightEvidenceProps) {
  const ordered = [...assessments].sort(
    (a, b) =>
      severity(b.rights[right].status) - severity(a.rights[right].status) ||
      a.expectationName.localeCompare(b.expectationName),
  );
  const speaking = ordered.filter((a) => a.rights[right].status !== 'no_data');
  const silent = ordered.filter((a) => a.rights[right].status === 'no_data');

  return (
    <Stack gap="sm">
      {withSummary ? (
        <div>
          <Group gap="xs">
            <StatusBadge status={cell.status} />
            <Text size="sm" c="dimmed">
              {RIGHT_QUESTIONS[right]}
            </Text>
          </Group>
          {cell.sentences.length > 0 ? (
            <List size="sm" mt={6} spacing={2}>
              {cell.sentences.map((sentence) => (
                <List.Item key={sentence}>{sentence}</List.Item>
              ))}
            </List>
          ) : null}
        </div>
      ) : null}
      {assessments.length === 0 ? (
        <Text size="sm" c="dimmed">
          No expectation applies in this period, so there is nothing to assess yet.
        </Text>
      ) : null}
      {speaking.length > 0 ? (
        <SimpleGrid cols={columns} spacing="sm">
          {speaking.map((assessment) => (
            <ExpectationEvidence
              key={assessment.expectationId}
              assessment={assessment}
              right={right}
              timeZone={timeZone}
              currency={currency}
            />
          ))}
        </SimpleGrid>
      ) : null}
      {silent.length > 0 ? (
        <details>
          <summary>
            <Text span size="sm" c="dimmed">
              No data on this right from {silent.length === 1 ? '1 expectation' : `${silent.length} expectations`}
            </Text>
          </summary>
          <SimpleGrid cols={columns} spacing="sm" mt="xs">
            {silent.map((assessment) => (
              <ExpectationEvidence
                key={assessment.expectationId}
                assessment={assessment}
                right={right}
                timeZone={timeZone}
                currency={currency}
              />
            ))}
          </SimpleGrid>
        </details>
      ) : null}
    </Stack>
  );
}
