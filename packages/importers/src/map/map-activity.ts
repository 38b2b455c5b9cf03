import type { ActivityChannel, ActivityOutcome, ActivityType } from '@rightly/core';
import type { ImportedActivity, RowError } from '../records';
import { parseDuration } from '../values/durations';
import { parseOwnerRef } from '../values/owner-ref';
import { stableKey } from '../values/stable-key';
import { clip } from '../values/text';
import {
  ACTIVITY_CHANNEL_WORDS,
  ACTIVITY_DONE_WORDS,
  ACTIVITY_OUTCOME_WORDS,
  ACTIVITY_TYPE_WORDS,
  contextualOutcome,
  lookup,
  SOCIAL_WORDS,
} from '../values/vocabulary';
import { normalizeValue } from '../values/text';
import type { MapResult, Row, RowContext } from './row';

const CHANNEL_OF_TYPE: Partial<Record<ActivityType, ActivityChannel>> = { call: 'phone', email: 'email' };

/** One CSV row → one activity (a touch by a rep), in Rightly's vocabulary. */
export function mapActivity(row: Row, ctx: RowContext): MapResult<ImportedActivity> {
  const { mapping } = ctx;
  const errors: RowError[] = [];

  const ownerText = row.text('owner');
  if (ownerText === null) {
    errors.push(row.error('owner', null, 'The owner is empty.', 'Name the user who did it (name or e-mail).'));
  }

  const dateText = row.text('occurredAt');
  const timeText = row.text('time');
  let occurredAt: Date | null = null;
  if (dateText === null) {
    errors.push(row.error('occurredAt', null, 'The date is empty.', 'Every activity needs the date it happened.'));
  } else {
    const parsed = ctx.dates.instant(timeText ? `${dateText} ${timeText}` : dateText);
    if (parsed.ok) occurredAt = parsed.value;
    else errors.push(row.error('occurredAt', dateText, parsed.reason, parsed.fix));
  }

  const typeText = row.text('type');
  let type: ActivityType | undefined;
  if (typeText !== null) {
    type = lookup(typeText, mapping.values.type, ACTIVITY_TYPE_WORDS) as ActivityType | undefined;
    if (type === undefined) {
      type = 'other';
      ctx.warnings.add(
        `Type "${clip(typeText, 60)}" is not one Rightly knows; stored as other. Add it to values.type in a mapping to classify it.`,
        row.line,
      );
    }
  } else if (mapping.defaults.type) {
    type = mapping.defaults.type;
  } else {
    errors.push(
      row.error(
        'type',
        null,
        'The type is empty.',
        'Write call, email, meeting, task or other (or set defaults.type).',
      ),
    );
  }

  const channelText = row.text('channel');
  let channel: ActivityChannel | null = null;
  if (channelText !== null) {
    channel =
      (lookup(channelText, mapping.values.channel, ACTIVITY_CHANNEL_WORDS) as ActivityChannel | undefined) ?? null;
    if (channel === null)
      ctx.warnings.add(`Channel "${clip(channelText, 60)}" is not one Rightly knows; left empty.`, row.line);
  } else if (mapping.defaults.channel) {
    channel = mapping.defaults.channel;
  } else if (type !== undefined) {
    channel =
      CHANNEL_OF_TYPE[type] ?? (typeText !== null && SOCIAL_WORDS.has(normalizeValue(typeText)) ? 'social' : null);
  }

  const statusText = row.text('status');
  let done: boolean | null = null;
  if (statusText !== null) {
    const status = lookup(statusText, mapping.values.status, ACTIVITY_DONE_WORDS);
    if (status === 'planned') done = false;
    else if (status === 'done') done = true;
  }

  const outcomeText = row.text('outcome');
  let outcome: ActivityOutcome | null = null;
  if (outcomeText !== null && type !== undefined) {
    const user = lookup(outcomeText, mapping.values.outcome) as ActivityOutcome | undefined;
    const contextual = user === undefined ? contextualOutcome(outcomeText, type) : undefined;
    if (user !== undefined) outcome = user;
    else if (contextual !== undefined) outcome = contextual;
    else {
      outcome = (lookup(outcomeText, ACTIVITY_OUTCOME_WORDS) as ActivityOutcome | undefined) ?? null;
      if (outcome === null) {
        ctx.warnings.add(
          `Outcome "${clip(outcomeText, 60)}" is not one Rightly knows; left empty. Add it to values.outcome in a mapping.`,
          row.line,
        );
      }
    }
  } else if (mapping.defaults.outcome) {
    outcome = mapping.defaults.outcome;
  }
  // A meeting marked done without an outcome took place.
  if (type === 'meeting' && outcome === null && done === true) outcome = 'held';

  const durationText = row.text('durationSeconds');
  let durationSeconds: number | null = null;
  if (durationText !== null) {
    durationSeconds = parseDuration(durationText, mapping.durationUnit);
    if (durationSeconds === null) {
      errors.push(
        row.error(
          'durationSeconds',
          durationText,
          `"${durationText}" is not a duration.`,
          `Write a number of ${mapping.durationUnit} or a time like 0:04:30.`,
        ),
      );
    }
  }

  if (errors.length > 0 || ownerText === null || occurredAt === null || type === undefined) {
    return { status: 'rejected', errors };
  }
  if (done === false) return { status: 'ignored', reason: 'planned, not done yet' };

  const owner = parseOwnerRef(ownerText);
  const subject = clip(row.text('subject'));
  const accountName = clip(row.text('account'), 300);
  const externalId = row.text('externalId');
  return {
    status: 'ok',
    record: {
      kind: 'activity',
      line: row.line,
      key:
        externalId !== null
          ? { kind: 'id', value: clip(externalId, 200) ?? externalId }
          : {
              kind: 'hash',
              value: stableKey([owner.email ?? owner.name, occurredAt.toISOString(), type, subject, accountName]),
            },
      owner,
      accountName,
      opportunityRef: clip(row.text('opportunity'), 300),
      type,
      channel,
      outcome,
      occurredAt,
      subject,
      durationSeconds,
    },
  };
}
