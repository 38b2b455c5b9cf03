import {
  Alert,
  Button,
  FileInput,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IMPORT_KINDS, IMPORT_SOURCES } from '@rightly/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '../../lib/api/api-error';
import { IMPORTS_KEY, uploadImport, usePreview } from './imports-api';
import { INITIAL_CHOICES, mappingFromGuess, missingFields, SOURCE_LABEL, type ImportChoices } from './import-model';
import type { ImportPreviewResponse } from '@rightly/core';
import { MappingStep } from './MappingStep';
import { OwnerChoices } from './OwnerChoices';
import { PreviewTable } from './PreviewTable';

const KIND_LABEL: Record<string, string> = {
  auto: 'Detect',
  activities: 'Activities',
  opportunities: 'Opportunities',
  users: 'Users and teams',
  offerings: 'Offerings',
};

/**
 * Choose a file, see how it will be read (nothing is written), map its columns when Rightly does
 * not know the export, decide about unknown owners, then check the whole file or import it.
 */
export function NewImport({
  onStarted,
  lastRun,
}: {
  onStarted: (id: string) => void;
  /** The import shown below, whose report may name more unknown owners than the preview saw. */
  lastRun: { fileName: string; unknownOwners: { owner: string }[] } | null;
}) {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [choices, setChoices] = useState<ImportChoices>(INITIAL_CHOICES);
  const update = (patch: Partial<ImportChoices>) => setChoices((current) => ({ ...current, ...patch }));

  // The fields each kind has come with every preview; until the mapping covers the required ones,
  // the preview reads the file without it (columns and guess), rather than failing on it.
  const [fieldsSource, setFieldsSource] = useState<ImportPreviewResponse | null>(null);
  const missing = fieldsSource && choices.mapping ? missingFields(fieldsSource, choices.mapping) : [];
  const previewChoices: ImportChoices =
    choices.mapping && missing.length > 0 ? { ...choices, mapping: null, source: 'generic' } : choices;
  const preview = usePreview(file, previewChoices);
  if (preview.data && preview.data !== fieldsSource) setFieldsSource(preview.data);
  const start = useMutation({
    mutationFn: ({ dryRun }: { dryRun: boolean }) => uploadImport(file as File, choices, { dryRun }),
    onSuccess: (view) => {
      void queryClient.invalidateQueries({ queryKey: IMPORTS_KEY });
      onStarted(view.id);
    },
  });

  function chooseFile(next: File | null) {
    setFile(next);
    setChoices((current) => ({ ...current, mapping: null, owners: {} }));
    start.reset();
  }

  const data = preview.data;
  const unknownOwners = [
    ...new Set([
      ...(data?.unknownOwners ?? []),
      ...(lastRun && file && lastRun.fileName === file.name ? lastRun.unknownOwners.map((o) => o.owner) : []),
    ]),
  ];
  const canImport = file !== null && missing.length === 0 && !preview.isFetching && data?.problem === null;

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="new-import-title">
      <Title order={2} fz="lg" id="new-import-title" mb="md">
        New import
      </Title>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
          <FileInput
            label="Export file"
            description="CSV or Excel “Unicode text”, any size"
            placeholder="Choose a file"
            accept=".csv,.txt,.tsv,text/csv,text/plain"
            value={file}
            onChange={chooseFile}
            clearable
          />
          <Select
            label="Source"
            description="The CRM it comes from"
            data={[
              { value: 'auto', label: 'Detect from the columns' },
              ...IMPORT_SOURCES.map((s) => ({
                value: s,
                label: s === 'generic' ? 'Other CSV (map the columns)' : (SOURCE_LABEL[s] ?? s),
              })),
            ]}
            value={choices.source}
            onChange={(value) => update({ source: (value ?? 'auto') as ImportChoices['source'], mapping: null })}
            allowDeselect={false}
          />
          <Select
            label="Rows describe"
            description="Detected when left alone"
            data={['auto', ...IMPORT_KINDS].map((k) => ({ value: k, label: KIND_LABEL[k] ?? k }))}
            value={choices.kind}
            onChange={(value) => update({ kind: (value ?? 'auto') as ImportChoices['kind'] })}
            allowDeselect={false}
            disabled={choices.mapping !== null}
          />
        </SimpleGrid>
        <Group gap="xl" align="flex-end" wrap="wrap">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="on-error-label">
              When a row has a problem
            </Text>
            <SegmentedControl
              aria-labelledby="on-error-label"
              data={[
                { value: 'reject', label: 'Import nothing' },
                { value: 'skip', label: 'Import the good rows' },
              ]}
              value={choices.onError}
              onChange={(value) => update({ onError: value as ImportChoices['onError'] })}
            />
          </Stack>
          <Select
            label="Dates are written"
            w={220}
            data={[
              { value: '', label: 'Tell from the file' },
              { value: 'DD/MM/YYYY', label: 'Day first (31/12/2026)' },
              { value: 'MM/DD/YYYY', label: 'Month first (12/31/2026)' },
              { value: 'YYYY-MM-DD', label: 'Year first (2026-12-31)' },
            ]}
            value={choices.dateFormat}
            onChange={(value) => update({ dateFormat: (value ?? '') as ImportChoices['dateFormat'] })}
            allowDeselect={false}
          />
        </Group>

        {file === null ? (
          <Text size="sm" c="dimmed">
            Choose a file to see how Rightly reads it. Nothing is written until you import.
          </Text>
        ) : preview.isPending ? (
          <Text size="sm" c="dimmed">
            Reading the first rows…
          </Text>
        ) : preview.isError ? (
          <Alert color="red" variant="light" title="The file could not be previewed">
            {describeError(preview.error)}
          </Alert>
        ) : data ? (
          <Stack gap="md">
            {data.format ? (
              <Text size="sm" aria-live="polite">
                Read as <b>{data.format.label}</b> · {KIND_LABEL[data.format.kind] ?? data.format.kind} ·{' '}
                {data.format.encoding.toUpperCase()},{' '}
                {data.format.delimiter === 'tab' ? 'tab' : `“${data.format.delimiter}”`} delimited
                {data.format.dateOrder ? ` · dates ${data.format.dateOrder}` : ''}
              </Text>
            ) : null}
            {data.problem && !choices.mapping ? (
              <Alert color="orange" variant="light" title="Not ready to import">
                <Text size="sm">{data.problem.reason}</Text>
                <Text size="sm" mt={4}>
                  {data.guess
                    ? 'Map its columns below: Rightly guessed what it could from the headers.'
                    : data.problem.fix}
                </Text>
                {data.guess ? (
                  <Button mt="sm" size="xs" onClick={() => update({ mapping: mappingFromGuess(data) })}>
                    Map the columns
                  </Button>
                ) : null}
              </Alert>
            ) : null}
            {data.problem && choices.mapping && missing.length === 0 ? (
              <Alert color="orange" variant="light" title="Not ready to import">
                {data.problem.reason} {data.problem.fix}
              </Alert>
            ) : null}
            {choices.mapping ? (
              <MappingStep
                preview={data}
                mapping={choices.mapping}
                onChange={(mapping) => update({ mapping })}
                missing={missing}
              />
            ) : null}
            {data.rows.length > 0 && data.format ? <PreviewTable preview={data} /> : null}
            {unknownOwners.length > 0 ? (
              <OwnerChoices owners={unknownOwners} choices={choices.owners} onChange={(owners) => update({ owners })} />
            ) : null}
          </Stack>
        ) : null}

        {start.isError ? (
          <Alert color="red" variant="light" title="The import did not start">
            {describeError(start.error)}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button
            variant="default"
            disabled={!canImport}
            loading={start.isPending && start.variables?.dryRun}
            onClick={() => start.mutate({ dryRun: true })}
          >
            Check the whole file
          </Button>
          <Button
            disabled={!canImport}
            loading={start.isPending && !start.variables?.dryRun}
            onClick={() => start.mutate({ dryRun: false })}
          >
            Import
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
