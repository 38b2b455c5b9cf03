import type { ImportedActivity } from '../records';
import { parseBoolean } from '../values/booleans';
import { presentColumns, type FormatSpec } from './format-spec';

/**
 * Salesforce report exports (CSV, "details only" or with the footer of a formatted export).
 * Column names are the standard ones of the Tasks and Events and the Opportunities report types.
 */
export const salesforceActivities: FormatSpec = {
  id: 'salesforce-activities',
  source: 'salesforce',
  kind: 'activities',
  label: 'Salesforce activities report (Tasks and Events)',
  signature: [
    ['subject'],
    ['assigned', 'assigned to', 'assigned name'],
    ['date', 'due date', 'start', 'activity date', 'start date time'],
    [
      'activity id',
      'call result',
      'call type',
      'call duration',
      'task',
      'task subtype',
      'event subtype',
      'priority',
      'opportunity name',
    ],
  ],
  mapping: (header) => ({
    kind: 'activities',
    source: 'salesforce',
    columns: presentColumns(header, {
      externalId: ['Activity ID'],
      owner: ['Assigned', 'Assigned To', 'Assigned Name'],
      occurredAt: ['Date', 'Due Date', 'Start', 'Activity Date', 'Start Date Time'],
      type: ['Type', 'Task Subtype', 'Event Subtype'],
      subject: ['Subject'],
      status: ['Status'],
      outcome: ['Call Result'],
      durationSeconds: ['Call Duration'],
      account: ['Account Name', 'Company / Account', 'Account'],
      opportunity: ['Opportunity Name', 'Opportunity'],
    }),
    // Tasks without a type are plain tasks; events without one are told apart below.
    defaults: { type: 'task' },
    durationUnit: 'seconds',
  }),
  adjust: (record, row, ctx) => {
    const activity = record as ImportedActivity;
    const typeCell = row.text('type');
    // An untyped row is a call when it carries call fields, and a meeting when it is an event.
    if (typeCell === null) {
      const isTask = row.byName('Task');
      if (row.text('durationSeconds') !== null || row.text('outcome') !== null || row.byName('Call Type') !== null) {
        activity.type = 'call';
        activity.channel = 'phone';
      } else if (isTask !== null && parseBoolean(isTask) === false) {
        activity.type = 'meeting';
      }
    }
    // Events carry no outcome: a meeting in the past that is not marked otherwise took place.
    if (activity.type === 'meeting' && activity.outcome === null && row.text('status') === null) {
      if (activity.occurredAt.getTime() <= ctx.now.getTime()) activity.outcome = 'held';
    }
    return activity;
  },
};

export const salesforceOpportunities: FormatSpec = {
  id: 'salesforce-opportunities',
  source: 'salesforce',
  kind: 'opportunities',
  label: 'Salesforce opportunities report',
  signature: [['opportunity name'], ['opportunity owner'], ['stage'], ['created date', 'close date']],
  mapping: (header) => ({
    kind: 'opportunities',
    source: 'salesforce',
    columns: presentColumns(header, {
      externalId: ['Opportunity ID'],
      owner: ['Opportunity Owner'],
      name: ['Opportunity Name'],
      account: ['Account Name'],
      offering: ['Product', 'Product Name', 'Primary Product', 'Type'],
      amount: ['Amount'],
      currency: ['Opportunity Currency', 'Amount Currency'],
      stage: ['Stage'],
      won: ['Won'],
      closed: ['Closed'],
      createdAt: ['Created Date'],
      closeDate: ['Close Date'],
    }),
  }),
};
