import type { OpportunityStatus } from '@rightly/core';
import type { ImportedOpportunity, RowError } from '../records';
import { parseAmount } from '../values/amounts';
import { parseBoolean } from '../values/booleans';
import { parseOwnerRef } from '../values/owner-ref';
import { stableKey } from '../values/stable-key';
import { clip } from '../values/text';
import { lookup, OPPORTUNITY_STATUS_WORDS } from '../values/vocabulary';
import type { MapResult, Row, RowContext } from './row';

/** One CSV row → one opportunity. */
export function mapOpportunity(row: Row, ctx: RowContext): MapResult<ImportedOpportunity> {
  const { mapping } = ctx;
  const errors: RowError[] = [];
  const required = (field: string, what: string): string | null => {
    const value = row.text(field);
    if (value === null)
      errors.push(row.error(field, null, `The ${what} is empty.`, `Every opportunity needs its ${what}.`));
    return value;
  };
  const ownerText = required('owner', 'owner');
  const name = required('name', 'name');
  const stage = required('stage', 'stage');

  let createdAt: Date | null = null;
  const createdText = required('createdAt', 'created date');
  if (createdText !== null) {
    const parsed = ctx.dates.instant(createdText);
    if (parsed.ok) createdAt = parsed.value;
    else errors.push(row.error('createdAt', createdText, parsed.reason, parsed.fix));
  }

  let amount = '0.00';
  let currency: string | null = null;
  const amountText = row.text('amount');
  if (amountText !== null) {
    const parsed = parseAmount(amountText);
    if (parsed.ok) {
      amount = parsed.amount;
      currency = parsed.currency;
      if (parsed.rounded) ctx.warnings.add('Amounts with more than two decimals were rounded to cents.', row.line);
    } else {
      errors.push(row.error('amount', amountText, parsed.reason, parsed.fix));
    }
  }
  const currencyText = row.text('currency');
  if (currencyText !== null) {
    const code = currencyText.toUpperCase();
    if (/^[A-Z]{3}$/.test(code)) currency = code;
    else
      errors.push(
        row.error(
          'currency',
          currencyText,
          `"${currencyText}" is not a currency code.`,
          'Write an ISO 4217 code such as USD or EUR.',
        ),
      );
  }
  currency ??= mapping.defaults.currency ?? null;

  const status = statusOf(row, ctx, stage);

  let closeDate: string | null = null;
  const closeText = row.text('closeDate');
  if (closeText !== null) {
    const parsed = ctx.dates.calendarDate(closeText);
    if (parsed.ok) closeDate = parsed.value;
    else errors.push(row.error('closeDate', closeText, parsed.reason, parsed.fix));
  }
  let closedAt: Date | null = null;
  const closedText = row.text('closedAt');
  if (closedText !== null) {
    const parsed = ctx.dates.instant(closedText);
    if (parsed.ok) closedAt = parsed.value;
    else errors.push(row.error('closedAt', closedText, parsed.reason, parsed.fix));
  }
  if (status !== 'open' && closedAt === null && closeDate !== null) {
    const parsed = ctx.dates.instant(closeDate);
    if (parsed.ok) closedAt = parsed.value;
  }
  if (status !== 'open' && closedAt === null && errors.length === 0) {
    errors.push(
      row.error(
        mapping.columns.has('closeDate') ? 'closeDate' : null,
        null,
        `The opportunity is ${status} but has no close date.`,
        'Give won and lost opportunities the date they closed.',
      ),
    );
  }
  if (status === 'open') closedAt = null;

  if (errors.length > 0 || ownerText === null || name === null || stage === null || createdAt === null) {
    return { status: 'rejected', errors };
  }
  const owner = parseOwnerRef(ownerText);
  const accountName = clip(row.text('account'), 300);
  const externalId = row.text('externalId');
  return {
    status: 'ok',
    record: {
      kind: 'opportunity',
      line: row.line,
      key:
        externalId !== null
          ? { kind: 'id', value: clip(externalId, 200) ?? externalId }
          : { kind: 'hash', value: stableKey([name, accountName, createdAt.toISOString()]) },
      owner,
      accountName,
      offeringName: clip(row.text('offering'), 200),
      name: clip(name, 300) ?? name,
      amount,
      currency,
      stage: clip(stage, 200) ?? stage,
      status,
      createdAt,
      closeDate,
      closedAt,
    },
  };
}

/** Status from its column, else the won/closed flags, else the stage's own words ("Closed Won"). */
function statusOf(row: Row, ctx: RowContext, stage: string | null): OpportunityStatus {
  const statusText = row.text('status');
  if (statusText !== null) {
    const status = lookup(statusText, ctx.mapping.values.status, OPPORTUNITY_STATUS_WORDS);
    if (status === 'open' || status === 'won' || status === 'lost') return status;
    ctx.warnings.add(
      `Status "${clip(statusText, 60)}" is not open, won or lost; read from the stage instead.`,
      row.line,
    );
  }
  const won = row.text('won');
  const closed = row.text('closed');
  if (won !== null || closed !== null) {
    const isWon = won !== null && parseBoolean(won) === true;
    if (isWon) return 'won';
    if (closed !== null && parseBoolean(closed) === true) return 'lost';
    if (closed !== null) return 'open';
  }
  if (stage !== null) {
    const fromStage = lookup(stage, ctx.mapping.values.status, OPPORTUNITY_STATUS_WORDS);
    if (fromStage === 'won' || fromStage === 'lost') return fromStage;
  }
  return 'open';
}
