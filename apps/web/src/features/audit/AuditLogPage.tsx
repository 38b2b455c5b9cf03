import {
  Alert,
  Anchor,
  Button,
  Code,
  CloseButton,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { useSignedInUser } from '../auth/signed-in-user';
import { auditCsvUrl, NO_FILTERS, useAuditLog, type AuditEntry, type AuditFilters } from './audit-api';
import { auditActionLabel } from './audit-labels';
import { AUDIT_ACTION_OPTIONS, detailsJson, entrySummary, personLabel } from './audit-model';

/**
 * Settings → Audit log: who did what to whom, and when, newest first. Admins see the whole org;
 * leaders the entries about the reps they lead. Click a name to see only that person's entries.
 */
export function AuditLogPage() {
  const { user, organization } = useSignedInUser();
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS);
  const allowed = user.role !== 'rep';
  const log = useAuditLog(filters, { enabled: allowed });
  const set = (patch: Partial<AuditFilters>) => setFilters((current) => ({ ...current, ...patch }));

  if (!allowed) {
    return (
      <>
        <PageHeader title="Audit log" />
        <Alert color="gray" title="Not available">
          The audit log is kept for your organization’s admins.
        </Alert>
      </>
    );
  }

  const when = new Intl.DateTimeFormat('en-US', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: organization.timeZone,
  });
  const entries = log.data?.pages.flatMap((page) => page.entries) ?? [];

  return (
    <>
      <PageHeader
        title="Audit log"
        description={
          user.role === 'admin'
            ? 'Everything recorded for your organization, newest first. Entries cannot be changed or deleted.'
            : 'What was recorded about the reps you lead, newest first. Entries cannot be changed or deleted.'
        }
      />
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-label="Audit log">
        <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
          <Select
            label="Action"
            placeholder="Any action"
            data={AUDIT_ACTION_OPTIONS}
            value={filters.action || null}
            onChange={(value) => set({ action: value ?? '' })}
            clearable
            searchable
            w={240}
          />
          <TextInput
            label="From"
            type="date"
            value={filters.from}
            onChange={(event) => set({ from: event.currentTarget.value })}
            w={160}
          />
          <TextInput
            label="To"
            type="date"
            value={filters.to}
            onChange={(event) => set({ to: event.currentTarget.value })}
            w={160}
          />
          <Anchor href={auditCsvUrl(filters)} download size="sm" mb={8}>
            Download as CSV
          </Anchor>
        </Group>
        {filters.actor || filters.subject ? (
          <Group gap="xs" mb="md" aria-label="Person filters">
            {filters.actor ? (
              <PersonFilter label={`By ${filters.actor.name}`} onClear={() => set({ actor: null })} />
            ) : null}
            {filters.subject ? (
              <PersonFilter label={`About ${filters.subject.name}`} onClear={() => set({ subject: null })} />
            ) : null}
          </Group>
        ) : null}

        {log.isError ? (
          <QueryErrorAlert
            title="The audit log could not be loaded"
            error={log.error}
            onRetry={() => void log.refetch()}
            retrying={log.isFetching}
          />
        ) : log.isPending ? (
          <Text size="sm" c="dimmed" role="status">
            Loading…
          </Text>
        ) : entries.length === 0 ? (
          <Text size="sm" c="dimmed">
            No entries match these filters.
          </Text>
        ) : (
          <Stack gap="md">
            <Table.ScrollContainer minWidth={900}>
              <Table verticalSpacing="xs" fz="sm" aria-label="Audit entries" layout="fixed">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col" w={170}>
                      When
                    </Table.Th>
                    <Table.Th scope="col" w={170}>
                      Who
                    </Table.Th>
                    <Table.Th scope="col" w={200}>
                      Action
                    </Table.Th>
                    <Table.Th scope="col" w={170}>
                      About
                    </Table.Th>
                    <Table.Th scope="col">Summary</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {entries.map((entry) => (
                    <EntryRow
                      key={entry.id}
                      entry={entry}
                      at={when.format(new Date(entry.at))}
                      onActor={(actor) => set({ actor })}
                      onSubject={(subject) => set({ subject })}
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {log.hasNextPage ? (
              <Group justify="center">
                <Button variant="light" onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
                  Load more
                </Button>
              </Group>
            ) : (
              <Text size="xs" c="dimmed" ta="center">
                {entries.length === 1 ? 'One entry' : `${entries.length} entries`}; that is all.
              </Text>
            )}
          </Stack>
        )}
      </Paper>
    </>
  );
}

function PersonFilter({ label, onClear }: { label: string; onClear: () => void }) {
  return (
    <Group gap={4} wrap="nowrap" bg="gray.1" px="sm" py={2} style={{ borderRadius: 999 }}>
      <Text size="sm">{label}</Text>
      <CloseButton size="xs" onClick={onClear} aria-label={`Clear “${label}”`} />
    </Group>
  );
}

interface Person {
  id: string;
  name: string;
}

function PersonCell({
  id,
  name,
  fallback,
  onPick,
  verb,
}: {
  id: string | null;
  name: string | null;
  fallback: string;
  onPick: (person: Person) => void;
  verb: string;
}) {
  const label = personLabel(name, id, fallback);
  if (!id)
    return (
      <Text span size="sm" c="dimmed">
        {label}
      </Text>
    );
  return (
    <UnstyledButton
      fz="sm"
      c="teal.8"
      onClick={() => onPick({ id, name: label })}
      aria-label={`Show only entries ${verb} ${label}`}
      style={{ overflowWrap: 'anywhere' }}
    >
      {label}
    </UnstyledButton>
  );
}

function EntryRow({
  entry,
  at,
  onActor,
  onSubject,
}: {
  entry: AuditEntry;
  at: string;
  onActor: (person: Person) => void;
  onSubject: (person: Person) => void;
}) {
  const [open, setOpen] = useState(false);
  const details = detailsJson(entry);
  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{at}</Table.Td>
      <Table.Td>
        <PersonCell id={entry.actorId} name={entry.actorName} fallback="System" onPick={onActor} verb="by" />
      </Table.Td>
      <Table.Td>{auditActionLabel(entry.action)}</Table.Td>
      <Table.Td>
        <PersonCell id={entry.subjectId} name={entry.subjectName} fallback="—" onPick={onSubject} verb="about" />
      </Table.Td>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>
        <Group gap={6} wrap="nowrap" align="flex-start" justify="space-between">
          <Text size="sm">{entrySummary(entry)}</Text>
          {details ? (
            open ? (
              <CloseButton size="sm" onClick={() => setOpen(false)} aria-label="Hide the details" />
            ) : (
              <Anchor
                component="button"
                type="button"
                size="xs"
                onClick={() => setOpen(true)}
                style={{ whiteSpace: 'nowrap', flexShrink: 0 }}
              >
                Details
              </Anchor>
            )
          ) : null}
        </Group>
        {open && details ? (
          <Code
            block
            mt={6}
            fz="xs"
            aria-label="Details of the entry"
            style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
          >
            {details}
          </Code>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}
