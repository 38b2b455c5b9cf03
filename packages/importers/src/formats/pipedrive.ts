import type { ImportedOpportunity } from '../records';
import { presentColumns, type FormatSpec } from './format-spec';

/**
 * Pipedrive exports: every column is "<Object> - <Field>" ("Activity - Subject", "Deal - Title").
 * Activities not marked done are plans, not touches, and are left out.
 */
export const pipedriveActivities: FormatSpec = {
  id: 'pipedrive-activities',
  source: 'pipedrive',
  kind: 'activities',
  label: 'Pipedrive activities export',
  signature: [
    ['activity subject'],
    ['activity due date'],
    ['activity assigned to user', 'activity user', 'activity owner'],
  ],
  mapping: (header) => ({
    kind: 'activities',
    source: 'pipedrive',
    columns: presentColumns(header, {
      externalId: ['Activity - ID'],
      owner: ['Activity - Assigned to user', 'Activity - User', 'Activity - Owner'],
      occurredAt: ['Activity - Due date'],
      time: ['Activity - Due time'],
      type: ['Activity - Type'],
      subject: ['Activity - Subject'],
      status: ['Activity - Done'],
      durationSeconds: ['Activity - Duration'],
      account: ['Organization - Name', 'Activity - Organization'],
      opportunity: ['Deal - Title', 'Activity - Deal'],
    }),
    defaults: { type: 'task' },
    // Pipedrive writes durations as hours and minutes ("01:30").
    durationUnit: 'minutes',
  }),
};

export const pipedriveDeals: FormatSpec = {
  id: 'pipedrive-deals',
  source: 'pipedrive',
  kind: 'opportunities',
  label: 'Pipedrive deals export',
  signature: [['deal title'], ['deal owner'], ['deal stage']],
  mapping: (header) => ({
    kind: 'opportunities',
    source: 'pipedrive',
    columns: presentColumns(header, {
      externalId: ['Deal - ID'],
      owner: ['Deal - Owner'],
      name: ['Deal - Title'],
      account: ['Organization - Name', 'Deal - Organization'],
      offering: ['Deal - Product', 'Deal - Product name'],
      amount: ['Deal - Value'],
      currency: ['Deal - Currency'],
      stage: ['Deal - Stage'],
      status: ['Deal - Status'],
      createdAt: ['Deal - Deal created', 'Deal - Add time'],
      closeDate: ['Deal - Expected close date'],
    }),
  }),
  // Deleted deals are gone from Pipedrive; importing them would resurrect them here.
  skip: (row) => row.text('status')?.toLowerCase() === 'deleted',
  adjust: (record, row, ctx) => {
    const deal = record as ImportedOpportunity;
    if (deal.status === 'open') return deal;
    // Won and lost times live in two columns; the one that matches the status is the close.
    const closed = row.byName(deal.status === 'won' ? 'Deal - Won time' : 'Deal - Lost time');
    if (closed !== null) {
      const instant = ctx.dates.instant(closed);
      if (instant.ok) {
        deal.closedAt = instant.value;
        const date = ctx.dates.calendarDate(closed);
        if (date.ok) deal.closeDate = date.value;
      }
    }
    return deal;
  },
};
