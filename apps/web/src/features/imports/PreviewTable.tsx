import { Badge, Table, Text, Title } from '@mantine/core';
import type { ImportKind, ImportPreviewResponse } from '@rightly/core';
import { displayValue, PREVIEW_VALUES } from './import-model';

/** Short values that read badly when wrapped. */
const NO_WRAP = new Set([
  'occurredAt',
  'type',
  'outcome',
  'status',
  'amount',
  'createdAt',
  'role',
  'strategicWeight',
  'active',
]);

const STATUS = {
  ok: { color: 'teal', label: 'ok' },
  rejected: { color: 'red', label: 'problem' },
  ignored: { color: 'gray', label: 'left out' },
} as const;

/** The first rows as they will be imported: what each became, or why it would not be. */
export function PreviewTable({ preview }: { preview: ImportPreviewResponse }) {
  const kind = (preview.format?.kind ?? 'activities') as ImportKind;
  const shown = PREVIEW_VALUES[kind];
  return (
    <section aria-labelledby="preview-title">
      <Title order={3} fz="md" id="preview-title" mb={4}>
        Preview
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        The first {preview.rows.length} rows, as they would be imported. Nothing has been written.
      </Text>
      <Table.ScrollContainer minWidth={960}>
        <Table striped verticalSpacing={6} fz="sm" aria-label="Preview of the first rows">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Line</Table.Th>
              <Table.Th scope="col" miw={100}>
                Row
              </Table.Th>
              {shown.map((v) => (
                <Table.Th key={v.key} scope="col">
                  {v.label}
                </Table.Th>
              ))}
              <Table.Th scope="col">Problem</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.rows.map((row) => (
              <Table.Tr key={row.line}>
                <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{row.line}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Badge size="sm" variant="light" color={STATUS[row.status].color}>
                    {STATUS[row.status].label}
                  </Badge>
                </Table.Td>
                {shown.map((v) => (
                  <Table.Td
                    key={v.key}
                    maw={240}
                    style={NO_WRAP.has(v.key) ? { whiteSpace: 'nowrap' } : { overflowWrap: 'anywhere' }}
                  >
                    {displayValue(row.values[v.key])}
                  </Table.Td>
                ))}
                <Table.Td maw={320}>
                  {row.errors.map((e) => (
                    <Text key={`${e.column ?? ''}${e.reason}`} size="xs" c="red.8">
                      {e.column ? `${e.column}: ` : ''}
                      {e.reason}
                    </Text>
                  ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}
