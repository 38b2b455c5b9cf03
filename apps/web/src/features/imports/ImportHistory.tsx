import { Anchor, Badge, Paper, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { useImports } from './imports-api';
import { SOURCE_LABEL, STATUS_COLOR } from './import-model';

const dateTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

/** Every import of the organization, newest first; each opens its details. */
export function ImportHistory({ shownId, onShow }: { shownId: string | null; onShow: (id: string) => void }) {
  const history = useImports();
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="history-title">
      <Title order={2} fz="lg" id="history-title" mb="sm">
        History
      </Title>
      {history.isError ? (
        <QueryErrorAlert
          title="The history could not be loaded"
          error={history.error}
          onRetry={() => void history.refetch()}
          retrying={history.isFetching}
        />
      ) : !history.data ? (
        <Text size="sm" c="dimmed">
          Loading…
        </Text>
      ) : history.data.imports.length === 0 ? (
        <Text size="sm" c="dimmed">
          No imports yet. The first one you start appears here.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table verticalSpacing="xs" fz="sm" highlightOnHover aria-label="Import history" layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w={170}>
                  Started
                </Table.Th>
                <Table.Th scope="col" w={200}>
                  File
                </Table.Th>
                <Table.Th scope="col" w={150}>
                  Read as
                </Table.Th>
                <Table.Th scope="col" w={110}>
                  Status
                </Table.Th>
                <Table.Th scope="col">Result</Table.Th>
                <Table.Th scope="col" w={120}>
                  Errors
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.data.imports.map((item) => (
                <Table.Tr key={item.id} aria-current={item.id === shownId ? 'true' : undefined}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateTime.format(new Date(item.createdAt))}</Table.Td>
                  <Table.Td maw={220} style={{ overflowWrap: 'anywhere' }}>
                    <UnstyledButton
                      onClick={() => onShow(item.id)}
                      fz="sm"
                      fw={500}
                      c="teal.8"
                      aria-label={`Show the import of ${item.fileName}`}
                    >
                      {item.fileName}
                    </UnstyledButton>
                    <Text size="xs" c="dimmed">
                      {item.via === 'cli' ? 'command line' : 'upload'}
                      {item.dryRun ? ' · check only' : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {item.source ? `${SOURCE_LABEL[item.source] ?? item.source} ${item.kind ?? ''}` : '—'}
                  </Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="light" color={STATUS_COLOR[item.status]}>
                      {item.status}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2} title={item.failure?.message}>
                      {item.status === 'succeeded' ? item.summary : (item.failure?.message ?? '…')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {item.errorReportUrl ? (
                      <Anchor href={item.errorReportUrl} download size="sm">
                        {item.errorCount} rows (CSV)
                      </Anchor>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
