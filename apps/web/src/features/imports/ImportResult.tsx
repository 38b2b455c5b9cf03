import {
  Alert,
  Anchor,
  Badge,
  CloseButton,
  Group,
  List,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import type { ImportResponse } from '@rightly/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { formatCount, pluralize } from '../../lib/format/format';
import { IMPORTS_KEY, useImport, useImportErrors } from './imports-api';
import { isFinished, SOURCE_LABEL, STATUS_COLOR } from './import-model';

const PHASE_LABEL: Record<string, string> = {
  uploading: 'Receiving the file…',
  reading: 'Reading and checking rows…',
  writing: 'Writing everything in one go…',
};

/** One import as it runs and once it is done: progress, counts, what it created, and its problems. */
export function ImportResult({ id, onClose }: { id: string; onClose: () => void }) {
  const query = useImport(id);
  if (query.isError) {
    return (
      <QueryErrorAlert
        title="The import could not be loaded"
        error={query.error}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  }
  const view = query.data;
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
      component="section"
      aria-labelledby="import-result-title"
      aria-busy={!view || !isFinished(view)}
    >
      <Group justify="space-between" align="flex-start" mb="sm" wrap="nowrap">
        <Title order={2} fz="lg" id="import-result-title" style={{ overflowWrap: 'anywhere' }}>
          {view ? `${view.dryRun ? 'Check of' : 'Import of'} ${view.fileName}` : 'Import'}
        </Title>
        <CloseButton aria-label="Close the import" onClick={onClose} />
      </Group>
      {view ? (
        <ResultBody view={view} />
      ) : (
        <Text size="sm" c="dimmed">
          Loading…
        </Text>
      )}
    </Paper>
  );
}

function ResultBody({ view }: { view: ImportResponse }) {
  const queryClient = useQueryClient();
  const finished = isFinished(view);
  const errors = useImportErrors(view.id, finished && view.errorCount > 0);
  // The history shows this import too: refresh it the moment the import ends.
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: IMPORTS_KEY, exact: true });
  }, [finished, queryClient]);
  const report = view.report;
  return (
    <Stack gap="md">
      <Group gap="xs">
        <Badge color={STATUS_COLOR[view.status]} variant="light" aria-label={`Status: ${view.status}`}>
          {view.status}
        </Badge>
        {view.source ? <Text size="sm">{report?.format?.label ?? SOURCE_LABEL[view.source]}</Text> : null}
      </Group>
      {!isFinished(view) ? (
        <Stack gap={4}>
          <Text size="sm">{view.phase ? PHASE_LABEL[view.phase] : 'Waiting to start…'}</Text>
          <Progress value={Math.round((view.progress.fraction ?? 0) * 100)} animated aria-label="Progress" />
          <Text size="xs" c="dimmed">
            {formatCount(view.progress.rowsRead)} rows read
          </Text>
        </Stack>
      ) : null}
      {isFinished(view) ? (
        <>
          <Text fw={600} aria-live="polite">
            {view.summary}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="xs">
            <Figure label="New" value={view.counts.new} />
            <Figure label="Updated" value={view.counts.updated} />
            <Figure label="Unchanged" value={view.counts.unchanged} />
            <Figure label="Rejected" value={view.counts.rejected} />
            <Figure label="Left out" value={view.counts.ignored} />
          </SimpleGrid>
        </>
      ) : null}
      {view.failure ? (
        <Alert
          color="red"
          variant="light"
          title={view.failure.code === 'rows_rejected' ? 'Nothing was imported' : 'The import failed'}
        >
          <Text size="sm">{view.failure.message}</Text>
          {view.failure.fix ? (
            <Text size="sm" mt={4}>
              {view.failure.fix}
            </Text>
          ) : null}
        </Alert>
      ) : null}
      {report && (report.unknownOwners.length > 0 || report.createdOwners.length > 0 || report.warnings.length > 0) ? (
        <List size="sm" spacing={4}>
          {report.unknownOwners.map((o) => (
            <List.Item key={o.owner}>
              Unknown owner <b>{o.owner}</b>: {pluralize(o.rows, 'row')} not imported (first on line {o.firstLine}). Say
              who they are in “New import” and import again.
            </List.Item>
          ))}
          {report.createdOwners.map((o) => (
            <List.Item key={o.email}>
              Created the rep {o.name} ({o.email}).
            </List.Item>
          ))}
          {report.warnings.map((w) => (
            <List.Item key={w.message}>
              {w.message}
              {w.count > 1 ? ` (${formatCount(w.count)} rows)` : ''}
            </List.Item>
          ))}
        </List>
      ) : null}
      {view.errorReportUrl ? (
        <Stack gap="xs">
          <Anchor href={view.errorReportUrl} download size="sm" fw={600}>
            Download the error report (CSV, {formatCount(view.errorCount)} rows)
          </Anchor>
          {errors.data ? (
            <Table.ScrollContainer minWidth={600}>
              <Table fz="sm" verticalSpacing={4} aria-label="First problems">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Line</Table.Th>
                    <Table.Th scope="col">Column</Table.Th>
                    <Table.Th scope="col">Value</Table.Th>
                    <Table.Th scope="col">Problem and fix</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {errors.data.errors.map((e) => (
                    <Table.Tr key={`${e.line}-${e.column ?? ''}-${e.reason}`}>
                      <Table.Td>{e.line}</Table.Td>
                      <Table.Td>{e.column ?? '—'}</Table.Td>
                      <Table.Td maw={200} style={{ overflowWrap: 'anywhere' }}>
                        {e.value ?? '—'}
                      </Table.Td>
                      <Table.Td>
                        {e.reason}{' '}
                        <Text span c="dimmed" size="sm">
                          {e.fix}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz="lg" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {formatCount(value)}
      </Text>
    </div>
  );
}
