import { Alert, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IMPORT_KINDS, type ImportKind, type ImportPreviewResponse } from '@rightly/core';
import type { DurationUnit, MappingChoice } from './import-model';

const KIND_OPTIONS: { value: ImportKind; label: string }[] = [
  { value: 'activities', label: 'Activities (calls, e-mails, meetings)' },
  { value: 'opportunities', label: 'Opportunities (deals)' },
  { value: 'users', label: 'Users and teams' },
  { value: 'offerings', label: 'Offerings' },
];
const NOT_IN_FILE = '';

interface MappingStepProps {
  preview: ImportPreviewResponse;
  mapping: MappingChoice;
  onChange: (mapping: MappingChoice) => void;
  /** Labels of required fields with no column yet. */
  missing: string[];
}

/**
 * For a CSV Rightly does not know: which column holds which field. It starts from the server's
 * guess; every change is previewed below before anything is written.
 */
export function MappingStep({ preview, mapping, onChange, missing }: MappingStepProps) {
  const fields = preview.fields[mapping.kind] ?? [];
  const columns = [
    { value: NOT_IN_FILE, label: '— not in this file —' },
    ...preview.columns.map((c) => ({ value: c, label: c })),
  ];

  function setKind(kind: ImportKind) {
    const known = new Set((preview.fields[kind] ?? []).map((f) => f.name));
    const kept = Object.fromEntries(Object.entries(mapping.columns).filter(([field]) => known.has(field)));
    onChange({ ...mapping, kind, columns: kept });
  }

  return (
    <Stack gap="sm" component="section" aria-labelledby="mapping-title">
      <Title order={3} fz="md" id="mapping-title">
        Map the columns
      </Title>
      <Text size="sm" c="dimmed">
        Tell Rightly which column holds what. Words in the cells (“Phone call”, “Closed Won”, “Left voicemail”) are
        understood in the usual spellings; a mapping file can add your own (docs/imports.md).
      </Text>
      <Select
        label="The rows are"
        data={KIND_OPTIONS.filter((o) => IMPORT_KINDS.includes(o.value))}
        value={mapping.kind}
        onChange={(value) => value && setKind(value as ImportKind)}
        allowDeselect={false}
        maw={360}
      />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" verticalSpacing="xs">
        {fields.map((field) => (
          <Select
            key={field.name}
            label={field.label}
            description={field.description.replaceAll('`', '')}
            withAsterisk={field.required}
            data={columns}
            value={mapping.columns[field.name] ?? NOT_IN_FILE}
            onChange={(value) =>
              onChange({ ...mapping, columns: { ...mapping.columns, [field.name]: value ?? NOT_IN_FILE } })
            }
            allowDeselect={false}
            searchable
          />
        ))}
        {mapping.columns.durationSeconds ? (
          <Select
            label="Durations are in"
            data={[
              { value: 'seconds', label: 'seconds' },
              { value: 'minutes', label: 'minutes' },
              { value: 'milliseconds', label: 'milliseconds' },
            ]}
            value={mapping.durationUnit}
            onChange={(value) => onChange({ ...mapping, durationUnit: (value ?? 'seconds') as DurationUnit })}
            allowDeselect={false}
          />
        ) : null}
      </SimpleGrid>
      {missing.length > 0 ? (
        <Alert color="orange" variant="light" title="Some required fields have no column yet">
          Choose a column for: {missing.join(', ')}.
        </Alert>
      ) : null}
    </Stack>
  );
}
