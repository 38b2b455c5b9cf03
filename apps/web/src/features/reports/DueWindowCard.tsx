import { Alert, Badge, Box, Button, Group, NumberInput, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { formatValue, type SelfReportItem } from '@rightly/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { describeError, isApiError, isUnauthenticated, type ApiError } from '../../lib/api/api-error';
import {
  COMMENT_MAX,
  draftOf,
  dueLine,
  formatDueAt,
  hasErrors,
  validateDraft,
  windowLabel,
  windowTitle,
  type ReportDraft,
  type ReportDraftErrors,
  type ReportWindowGroup,
} from './report-model';
import { invalidateAfterReportChange, submitSelfReport } from './reports-api';

interface DueWindowCardProps {
  group: ReportWindowGroup;
  timeZone: string;
  currency: string;
  /** Told once every expectation of the window went through. */
  onSent: (sent: SelfReportItem[]) => void;
  /** `edit`: a report already sent, corrected in a dialog (no frame, "Save changes"). */
  variant?: 'due' | 'edit';
  /** Edit mode: leave without saving. */
  onCancel?: () => void;
}

/** `$` for USD: the field's prefix for an amount. */
function currencySymbol(currency: string): string {
  try {
    const parts = new Intl.NumberFormat('en-US', { style: 'currency', currency }).formatToParts(0);
    return parts.find((part) => part.type === 'currency')?.value ?? '';
  } catch {
    return '';
  }
}

/** In the edit dialog: when it was sent, and that a late report stays late. */
function editLine(group: ReportWindowGroup, timeZone: string): string {
  const sentAt = group.items[0]?.submittedAt;
  const late = group.items.some((item) => item.status === 'late');
  const when = sentAt ? `Sent ${formatDueAt(sentAt, timeZone)}` : 'Sent';
  return late ? `${when}, after the due date: a correction keeps it late` : `${when}, on time`;
}

interface SendOutcome {
  sent: SelfReportItem[];
  failed: Map<string, unknown>;
}

/**
 * One reporting window: a value per expectation with what the CRM shows beside it, a comment on
 * each, and one button that sends them all. A late window says so, and is still accepted.
 */
export function DueWindowCard({ group, timeZone, currency, onSent, variant = 'due', onCancel }: DueWindowCardProps) {
  const editing = variant === 'edit';
  const queryClient = useQueryClient();
  const titleId = useId();
  const [drafts, setDrafts] = useState<Record<string, ReportDraft>>(() =>
    Object.fromEntries(group.items.map((item) => [item.expectationId, draftOf(item)])),
  );
  const [tried, setTried] = useState(false);
  const [failed, setFailed] = useState<Map<string, unknown>>(new Map());

  const send = useMutation({
    mutationFn: async (): Promise<SendOutcome> => {
      const outcome: SendOutcome = { sent: [], failed: new Map() };
      // One at a time: a rep has a handful of expectations, and the order of errors stays stable.
      for (const item of group.items) {
        const draft = drafts[item.expectationId] ?? draftOf(item);
        try {
          outcome.sent.push(
            await submitSelfReport({
              expectationId: item.expectationId,
              windowStart: item.window.start,
              value: Number(draft.value),
              comment: draft.comment.trim(),
            }),
          );
        } catch (error) {
          // An ended session ends the page, as for any other call.
          if (isUnauthenticated(error)) throw error;
          outcome.failed.set(item.expectationId, error);
        }
      }
      return outcome;
    },
    onSuccess: async (outcome) => {
      setFailed(outcome.failed);
      if (outcome.sent.length > 0) await invalidateAfterReportChange(queryClient);
      if (outcome.failed.size === 0) onSent(outcome.sent);
    },
  });

  const localErrors = (id: string): ReportDraftErrors =>
    tried ? validateDraft(drafts[id] ?? { value: '', comment: '' }) : {};
  const serverError = (id: string): ApiError | undefined => {
    const error = failed.get(id);
    return isApiError(error) ? error : undefined;
  };
  const otherErrors = [...failed.entries()].filter(([, error]) => {
    const apiError = isApiError(error) ? error : undefined;
    return !apiError?.messageFor('value') && !apiError?.messageFor('comment');
  });

  function update(id: string, patch: Partial<ReportDraft>) {
    setDrafts((previous) => ({ ...previous, [id]: { ...(previous[id] ?? { value: '', comment: '' }), ...patch } }));
  }

  const label = windowLabel(group.window);

  return (
    <Paper
      withBorder={!editing}
      radius="md"
      p={editing ? 0 : { base: 'md', sm: 'lg' }}
      component="section"
      aria-labelledby={titleId}
      data-window={group.window.start}
      style={group.overdue ? { borderColor: 'var(--mantine-color-red-4)' } : undefined}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          const invalid = group.items.some((item) =>
            hasErrors(validateDraft(drafts[item.expectationId] ?? draftOf(item))),
          );
          if (!invalid) send.mutate();
        }}
      >
        <Stack gap="md">
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
            <div>
              <Title order={3} fz="md" id={titleId}>
                {windowTitle(group.window)}
              </Title>
              <Text size="sm" c={group.overdue ? 'red.7' : 'dimmed'} fw={group.overdue ? 600 : undefined}>
                {editing ? editLine(group, timeZone) : dueLine(group, timeZone)}
              </Text>
            </div>
            {group.overdue ? (
              <Badge color="red" variant="light" leftSection={<span aria-hidden="true">✕</span>}>
                Overdue
              </Badge>
            ) : null}
          </Group>

          {group.items.map((item) => {
            const draft = drafts[item.expectationId] ?? draftOf(item);
            const local = localErrors(item.expectationId);
            const server = serverError(item.expectationId);
            const measured =
              item.measured === null
                ? 'no CRM data yet'
                : `CRM shows ${formatValue(item.measured, item.metric.unit, currency)}`;
            return (
              <Box
                key={item.expectationId}
                data-expectation={item.expectationId}
                pl="sm"
                style={{ borderLeft: '3px solid var(--mantine-color-default-border)' }}
              >
                <NumberInput
                  label={item.expectationName}
                  description={item.metric.name === item.expectationName ? undefined : item.metric.name}
                  value={draft.value}
                  onChange={(value) => update(item.expectationId, { value })}
                  min={0}
                  allowNegative={false}
                  decimalScale={item.metric.unit === 'count' ? 1 : 2}
                  thousandSeparator={item.metric.unit === 'currency' ? ',' : undefined}
                  suffix={item.metric.unit === 'percent' ? '%' : undefined}
                  prefix={item.metric.unit === 'currency' ? currencySymbol(currency) : undefined}
                  error={local.value ?? server?.messageFor('value')}
                  withAsterisk
                  data-testid="reported-value"
                  // The CRM's figure sits beside the field, on the same line, even on a phone.
                  inputContainer={(input) => (
                    <Group gap="sm" wrap="nowrap" align="center">
                      <Box w={{ base: 150, xs: 200 }} style={{ flexShrink: 0 }}>
                        {input}
                      </Box>
                      <Text
                        size="sm"
                        c="dimmed"
                        data-testid="measured"
                        aria-label={`${item.expectationName}: ${measured}`}
                      >
                        {measured}
                      </Text>
                    </Group>
                  )}
                />
                <Textarea
                  mt="xs"
                  label="Comment"
                  aria-label={`Comment on ${item.expectationName}`}
                  placeholder="What happened, what you need"
                  value={draft.comment}
                  onChange={(event) => update(item.expectationId, { comment: event.currentTarget.value })}
                  rows={2}
                  resize="vertical"
                  maxLength={COMMENT_MAX}
                  error={local.comment ?? server?.messageFor('comment')}
                />
              </Box>
            );
          })}

          {otherErrors.length > 0 ? (
            <Alert color="red" variant="light" title="Part of the report was not sent" role="alert">
              {otherErrors.map(([id, error]) => {
                const item = group.items.find((candidate) => candidate.expectationId === id);
                return (
                  <Text key={id} size="sm">
                    {item ? `${item.expectationName}: ` : ''}
                    {describeError(error)}
                  </Text>
                );
              })}
            </Alert>
          ) : null}
          {send.isError ? (
            <Alert color="red" variant="light" title="The report was not sent" role="alert">
              {describeError(send.error)}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="xs">
            {editing && onCancel ? (
              <Button variant="default" onClick={onCancel} disabled={send.isPending}>
                Cancel
              </Button>
            ) : null}
            <Button
              type="submit"
              loading={send.isPending}
              aria-label={editing ? `Save the report for ${label}` : `Submit the report for ${label}`}
            >
              {editing ? 'Save changes' : 'Submit'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
