import type { ActivityType } from '@rightly/core';
import { hasHeader, presentColumns, type FormatSpec } from './format-spec';

/**
 * HubSpot exports. Calls, meetings and e-mails are exported one object at a time, each with its
 * own columns; the type of a file is read from which of them it has (or from an "Activity type"
 * column, in a combined export). HubSpot stores call durations in milliseconds.
 */
export const hubspotActivities: FormatSpec = {
  id: 'hubspot-activities',
  source: 'hubspot',
  kind: 'activities',
  label: 'HubSpot calls, meetings or e-mails export',
  signature: [['activity assigned to'], ['activity date']],
  mapping: (header) => ({
    kind: 'activities',
    source: 'hubspot',
    columns: presentColumns(header, {
      externalId: ['Record ID', 'Activity ID'],
      owner: ['Activity assigned to'],
      occurredAt: ['Activity date'],
      type: ['Activity type'],
      subject: ['Call Title', 'Meeting name', 'Email subject', 'Activity title', 'Subject'],
      outcome: ['Call outcome', 'Meeting outcome', 'Email direction'],
      durationSeconds: ['Call duration'],
      account: ['Associated Company', 'Company name', 'Associated company name'],
      opportunity: ['Associated Deal', 'Associated deal name', 'Associated Deal IDs'],
    }),
    defaults: { type: typeFromColumns(header) },
    durationUnit: 'milliseconds',
    values: {
      outcome: {
        Busy: 'no_answer',
        'Wrong number': 'no_answer',
        'Left live message': 'connected',
        OUTGOING_EMAIL: 'sent',
        EMAIL: 'sent',
        'Outgoing email': 'sent',
        'Forwarded email': 'sent',
        FORWARDED_EMAIL: 'sent',
        INCOMING_EMAIL: 'replied',
        'Incoming email': 'replied',
      },
    },
  }),
};

function typeFromColumns(header: Parameters<FormatSpec['mapping']>[0]): ActivityType {
  if (hasHeader(header, 'meeting outcome', 'meeting name', 'meeting start time')) return 'meeting';
  if (hasHeader(header, 'call outcome', 'call direction', 'call duration', 'call title')) return 'call';
  if (hasHeader(header, 'email subject', 'email direction', 'email send status')) return 'email';
  return 'other';
}

export const hubspotDeals: FormatSpec = {
  id: 'hubspot-deals',
  source: 'hubspot',
  kind: 'opportunities',
  label: 'HubSpot deals export',
  signature: [['deal name'], ['deal stage'], ['deal owner']],
  mapping: (header) => ({
    kind: 'opportunities',
    source: 'hubspot',
    columns: presentColumns(header, {
      externalId: ['Record ID', 'Deal ID'],
      owner: ['Deal owner'],
      name: ['Deal Name'],
      account: ['Associated Company', 'Company name', 'Associated company name'],
      offering: ['Product', 'Product line', 'Deal Type'],
      amount: ['Amount'],
      currency: ['Currency', 'Deal currency code'],
      stage: ['Deal Stage'],
      createdAt: ['Create Date'],
      closeDate: ['Close Date'],
    }),
  }),
};
