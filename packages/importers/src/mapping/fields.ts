import type { ImportKind } from '@rightly/core';

/**
 * The fields each kind of import fills, with what they mean. A mapping names, for each field, the
 * column that holds it. The same list drives mapping files, header guessing, the UI's mapping step
 * and the JSON Schema in docs/.
 */
export interface FieldSpec {
  name: string;
  label: string;
  description: string;
  required: boolean;
  /** Header spellings that usually mean this field (normalised, see `normalizeHeader`). */
  synonyms: string[];
}

export const ACTIVITY_FIELDS = [
  {
    name: 'externalId',
    label: 'Record id',
    description:
      "The CRM's id of the activity. Without it, rows are keyed by a hash of owner, date, type, subject and account.",
    required: false,
    synonyms: ['activity id', 'record id', 'id', 'task id', 'event id', 'engagement id', 'activity record id'],
  },
  {
    name: 'owner',
    label: 'Owner',
    description: 'Who did it: a user name or e-mail ("Jane Doe", "jane@acme.com").',
    required: true,
    synonyms: [
      'owner',
      'assigned',
      'assigned to',
      'activity assigned to',
      'user',
      'rep',
      'sales rep',
      'owner email',
      'activity owner',
      'created by',
      'salesperson',
    ],
  },
  {
    name: 'occurredAt',
    label: 'Date',
    description: 'When it happened: a date, optionally with a time.',
    required: true,
    synonyms: [
      'date',
      'activity date',
      'due date',
      'occurred at',
      'timestamp',
      'start',
      'start date',
      'start time',
      'date time',
      'datetime',
      'when',
      'created',
      'created at',
      'completed at',
    ],
  },
  {
    name: 'time',
    label: 'Time',
    description: 'The time of day, when the export has it in a column of its own.',
    required: false,
    synonyms: ['time', 'due time', 'activity time', 'start time of day'],
  },
  {
    name: 'type',
    label: 'Type',
    description: 'call, email, meeting, task or other; other words through `values.type`.',
    required: true,
    synonyms: [
      'type',
      'activity type',
      'task type',
      'kind',
      'channel type',
      'event type',
      'task subtype',
      'event subtype',
    ],
  },
  {
    name: 'channel',
    label: 'Channel',
    description: 'phone, email, in_person, video or social; derived from the type when absent.',
    required: false,
    synonyms: ['channel', 'medium', 'method'],
  },
  {
    name: 'outcome',
    label: 'Outcome',
    description:
      'connected, no_answer, voicemail, meeting_booked, held, no_show, rescheduled, canceled, sent, replied, bounced or completed.',
    required: false,
    synonyms: [
      'outcome',
      'result',
      'call result',
      'call outcome',
      'meeting outcome',
      'disposition',
      'call disposition',
    ],
  },
  {
    name: 'status',
    label: 'Status',
    description: 'Whether the activity is done; planned ones (not started, to do) are not touches and are left out.',
    required: false,
    synonyms: ['status', 'done', 'completed', 'state', 'activity status'],
  },
  {
    name: 'subject',
    label: 'Subject',
    description: 'Subject or title.',
    required: false,
    synonyms: [
      'subject',
      'title',
      'name',
      'activity subject',
      'call title',
      'meeting name',
      'email subject',
      'description',
    ],
  },
  {
    name: 'durationSeconds',
    label: 'Duration',
    description: 'Call length; the unit is `durationUnit` (seconds by default) or a clock form like 0:04:30.',
    required: false,
    synonyms: ['duration', 'call duration', 'duration seconds', 'length', 'call length', 'talk time'],
  },
  {
    name: 'account',
    label: 'Account',
    description: 'The company; found by name or created.',
    required: false,
    synonyms: [
      'account',
      'account name',
      'company',
      'company name',
      'organization',
      'organisation',
      'organization name',
      'associated company',
      'customer',
    ],
  },
  {
    name: 'opportunity',
    label: 'Opportunity',
    description: 'The deal it belongs to, by id or name.',
    required: false,
    synonyms: [
      'opportunity',
      'opportunity name',
      'deal',
      'deal name',
      'deal title',
      'associated deal',
      'opportunity id',
      'deal id',
    ],
  },
] as const satisfies readonly FieldSpec[];

export const OPPORTUNITY_FIELDS = [
  {
    name: 'externalId',
    label: 'Record id',
    description: "The CRM's id of the deal. Without it, rows are keyed by a hash of name, account and created date.",
    required: false,
    synonyms: ['opportunity id', 'deal id', 'record id', 'id'],
  },
  {
    name: 'owner',
    label: 'Owner',
    description: 'The rep who owns it: a user name or e-mail.',
    required: true,
    synonyms: ['owner', 'opportunity owner', 'deal owner', 'sales rep', 'rep', 'assigned to', 'user'],
  },
  {
    name: 'name',
    label: 'Name',
    description: 'The name of the deal.',
    required: true,
    synonyms: ['name', 'opportunity name', 'deal name', 'deal title', 'title', 'opportunity'],
  },
  {
    name: 'account',
    label: 'Account',
    description: 'The company; found by name or created.',
    required: false,
    synonyms: [
      'account',
      'account name',
      'company',
      'company name',
      'organization',
      'organisation',
      'organization name',
      'associated company',
      'customer',
    ],
  },
  {
    name: 'offering',
    label: 'Offering',
    description: 'The product or service line; found by name or created.',
    required: false,
    synonyms: ['offering', 'product', 'product name', 'primary product', 'product line', 'service line', 'type'],
  },
  {
    name: 'amount',
    label: 'Amount',
    description: 'The value: "$1,234.50", "1.234,50 €" and the like. Empty means 0.',
    required: false,
    synonyms: ['amount', 'value', 'deal value', 'deal amount', 'opportunity amount', 'revenue', 'total'],
  },
  {
    name: 'currency',
    label: 'Currency',
    description: "ISO code (USD, EUR); otherwise the amount's symbol, else the organization's currency.",
    required: false,
    synonyms: ['currency', 'amount currency', 'deal currency', 'currency code'],
  },
  {
    name: 'stage',
    label: 'Stage',
    description: 'The sales stage as the CRM names it.',
    required: true,
    synonyms: ['stage', 'deal stage', 'opportunity stage', 'sales stage', 'pipeline stage'],
  },
  {
    name: 'status',
    label: 'Status',
    description: 'open, won or lost; derived from the stage ("Closed Won") through `values.status` when absent.',
    required: false,
    synonyms: ['status', 'deal status', 'outcome', 'result', 'state'],
  },
  {
    name: 'won',
    label: 'Won',
    description: 'A yes/no column saying the deal was won.',
    required: false,
    synonyms: ['won', 'is won'],
  },
  {
    name: 'closed',
    label: 'Closed',
    description: 'A yes/no column saying the deal is closed (won or lost).',
    required: false,
    synonyms: ['closed', 'is closed'],
  },
  {
    name: 'createdAt',
    label: 'Created',
    description: 'When the deal was opened (the engage date).',
    required: true,
    synonyms: [
      'created',
      'created date',
      'create date',
      'created at',
      'deal created',
      'opened',
      'engage date',
      'creation date',
    ],
  },
  {
    name: 'closeDate',
    label: 'Close date',
    description: 'Expected close while open, actual close once won or lost.',
    required: false,
    synonyms: ['close date', 'closed date', 'expected close date', 'closing date', 'close'],
  },
  {
    name: 'closedAt',
    label: 'Closed at',
    description: 'When it was won or lost, when the export says so separately (Pipedrive: won time, lost time).',
    required: false,
    synonyms: ['closed at', 'won time', 'lost time', 'won date', 'lost date', 'date closed'],
  },
] as const satisfies readonly FieldSpec[];

export const USER_FIELDS = [
  {
    name: 'email',
    label: 'E-mail',
    description: "The user's e-mail; it identifies them.",
    required: true,
    synonyms: ['email', 'e mail', 'email address', 'user email', 'username', 'login', 'work email'],
  },
  {
    name: 'name',
    label: 'Name',
    description: 'Full name (or first and last name columns).',
    required: false,
    synonyms: ['name', 'full name', 'user', 'user name', 'display name'],
  },
  {
    name: 'firstName',
    label: 'First name',
    description: 'First name.',
    required: false,
    synonyms: ['first name', 'given name', 'firstname'],
  },
  {
    name: 'lastName',
    label: 'Last name',
    description: 'Last name.',
    required: false,
    synonyms: ['last name', 'surname', 'family name', 'lastname'],
  },
  {
    name: 'role',
    label: 'Role',
    description: 'admin, leader or rep ("Sales Manager" → leader, "Account Executive" → rep). Default rep.',
    required: false,
    synonyms: ['role', 'rightly role', 'title', 'job title', 'profile', 'position'],
  },
  {
    name: 'team',
    label: 'Team',
    description: 'The team they belong to; created when missing.',
    required: false,
    synonyms: ['team', 'primary team', 'sales team', 'team name', 'group'],
  },
  {
    name: 'parentTeam',
    label: 'Parent team',
    description: 'The team above their team (a region); created when missing.',
    required: false,
    synonyms: ['parent team', 'region', 'division', 'area'],
  },
  {
    name: 'leadsTeam',
    label: 'Leads team',
    description: 'A team this person leads.',
    required: false,
    synonyms: ['leads team', 'leader of', 'manages team', 'manager of'],
  },
  {
    name: 'active',
    label: 'Active',
    description: 'Yes/no; inactive users keep their history but leave the roster.',
    required: false,
    synonyms: ['active', 'is active', 'status', 'enabled'],
  },
] as const satisfies readonly FieldSpec[];

export const OFFERING_FIELDS = [
  {
    name: 'name',
    label: 'Name',
    description: 'The product or service line; it identifies the offering.',
    required: true,
    synonyms: ['name', 'offering', 'product', 'product name', 'product line', 'service', 'service line'],
  },
  {
    name: 'strategicWeight',
    label: 'Strategic weight',
    description: 'How much the strategy needs it sold: 0 to 1, a percentage, or yes/no.',
    required: false,
    synonyms: ['strategic weight', 'strategic', 'weight', 'priority', 'is strategic'],
  },
  {
    name: 'active',
    label: 'Active',
    description: 'Yes/no.',
    required: false,
    synonyms: ['active', 'is active', 'status', 'enabled'],
  },
] as const satisfies readonly FieldSpec[];

export const FIELDS_BY_KIND = {
  activities: ACTIVITY_FIELDS,
  opportunities: OPPORTUNITY_FIELDS,
  users: USER_FIELDS,
  offerings: OFFERING_FIELDS,
} as const satisfies Record<ImportKind, readonly FieldSpec[]>;

export type ActivityField = (typeof ACTIVITY_FIELDS)[number]['name'];
export type OpportunityField = (typeof OPPORTUNITY_FIELDS)[number]['name'];
export type UserField = (typeof USER_FIELDS)[number]['name'];
export type OfferingField = (typeof OFFERING_FIELDS)[number]['name'];
export type FieldOf<K extends ImportKind> = (typeof FIELDS_BY_KIND)[K][number]['name'];

/** Fields whose values may be translated through `values` in a mapping. */
export const VALUE_MAPPED_FIELDS = ['type', 'channel', 'outcome', 'status', 'role'] as const;
export type ValueMappedField = (typeof VALUE_MAPPED_FIELDS)[number];
