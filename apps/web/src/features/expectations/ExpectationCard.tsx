import { Alert, Badge, Button, Group, List, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatDate, pluralize } from '../../lib/format/format';
import type { Metric } from '../metrics/metrics-api';
import { scopeText, targetText, timeText, wayStandardText } from './describe-expectation';
import type { Expectation } from './expectations-api';

interface ExpectationCardProps {
  expectation: Expectation;
  metrics: ReadonlyMap<string, Metric>;
  names: { team: (id: string) => string | undefined; rep: (id: string) => string | undefined };
  today: string;
  currency: string;
  canEdit: boolean;
}

function StateBadge({ expectation, today }: { expectation: Expectation; today: string }) {
  if (expectation.active) {
    return (
      <Badge color="teal" variant="light">
        {expectation.endsOn ? `Active until ${formatDate(expectation.endsOn)}` : 'Active'}
      </Badge>
    );
  }
  if (expectation.startsOn > today) {
    return (
      <Badge color="blue" variant="light">
        Starts {formatDate(expectation.startsOn)}
      </Badge>
    );
  }
  return (
    <Badge color="gray" variant="light">
      Ended{expectation.endsOn ? ` ${formatDate(expectation.endsOn)}` : ''}
    </Badge>
  );
}

/** One expectation in words: the three rights, who it covers, and any advice against it. */
export function ExpectationCard({ expectation, metrics, names, today, currency, canEdit }: ExpectationCardProps) {
  const metric = metrics.get(expectation.metric);
  const lookup = (key: string) => metrics.get(key);
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-label={expectation.name}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <div style={{ minWidth: 0, flex: 1 }}>
          <Text fw={700} style={{ overflowWrap: 'anywhere' }}>
            {expectation.name}
          </Text>
          <Text size="sm" c="dimmed">
            {scopeText(expectation.scope, names)} · {pluralize(expectation.repCount, 'rep')} covered today
          </Text>
        </div>
        <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
          <StateBadge expectation={expectation} today={today} />
          {canEdit ? (
            <Button
              component={Link}
              to={`/expectations/${expectation.id}`}
              size="xs"
              variant="light"
              aria-label={`Edit ${expectation.name}`}
            >
              Edit
            </Button>
          ) : null}
        </Group>
      </Group>
      <Stack gap={4} mt="sm">
        <Text size="sm">
          <Text span fw={600}>
            Thing:{' '}
          </Text>
          {metric?.name ?? expectation.metric}
          {metric ? (
            <Badge size="xs" variant="light" color={metric.kind === 'outcome' ? 'teal' : 'gray'} ml={6}>
              {metric.kind}
            </Badge>
          ) : null}
          , {targetText(expectation, metric?.unit ?? 'count', currency)}
        </Text>
        <Text size="sm" component="div">
          <Text span fw={600}>
            Way:{' '}
          </Text>
          {expectation.way.length === 0 ? (
            <Text span c="dimmed">
              no method standard
            </Text>
          ) : expectation.way.length === 1 && expectation.way[0] ? (
            wayStandardText(expectation.way[0], lookup)
          ) : (
            <List size="sm" withPadding>
              {expectation.way.map((standard, index) => (
                <List.Item key={`${standard.metric}-${index}`}>{wayStandardText(standard, lookup)}</List.Item>
              ))}
            </List>
          )}
        </Text>
        <Text size="sm">
          <Text span fw={600}>
            Time:{' '}
          </Text>
          {timeText(expectation.time).join(' · ')}
        </Text>
        <Text size="xs" c="dimmed">
          From {formatDate(expectation.startsOn)}
          {expectation.endsOn ? ` to ${formatDate(expectation.endsOn)}` : ''}
          {expectation.template ? ' · adopted from a playbook template' : ''}
        </Text>
        {expectation.note ? (
          <Text size="sm" fs="italic" c="dimmed">
            “{expectation.note}”
          </Text>
        ) : null}
      </Stack>
      {expectation.warnings.map((warning) => (
        <Alert key={`${warning.code}-${warning.field}`} color="yellow" variant="light" mt="sm" title="Advice">
          <Text size="sm">{warning.message}</Text>
        </Alert>
      ))}
    </Paper>
  );
}
