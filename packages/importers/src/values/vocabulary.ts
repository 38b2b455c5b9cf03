import type { ActivityChannel, ActivityOutcome, ActivityType, OpportunityStatus, UserRole } from '@rightly/core';
import { normalizeValue } from './text';

/**
 * The words CRMs use, translated into Rightly's. Keys are normalised (`normalizeValue`), so
 * "Left Voicemail", "left voicemail" and "LEFT_VOICEMAIL" are one entry. A mapping's `values`
 * section is consulted first; these are the fallback every import shares.
 */
function table<T>(entries: Record<T & string, string[]>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [value, words] of Object.entries(entries) as [T & string, string[]][]) {
    map.set(normalizeValue(value), value);
    for (const word of words) map.set(normalizeValue(word), value);
  }
  return map;
}

export const ACTIVITY_TYPE_WORDS = table<ActivityType>({
  call: ['calls', 'phone', 'phone call', 'outbound call', 'inbound call', 'cold call', 'dial', 'telephone', 'anruf'],
  email: [
    'e-mail',
    'emails',
    'mail',
    'outbound email',
    'sent email',
    'email sent',
    'inmail',
    'incoming email',
    'outgoing email',
    'forwarded email',
  ],
  meeting: [
    'meetings',
    'event',
    'demo',
    'appointment',
    'visit',
    'lunch',
    'video call',
    'video meeting',
    'in person meeting',
    'termin',
    'rendez vous',
  ],
  task: ['tasks', 'to do', 'todo', 'deadline', 'follow up', 'follow-up'],
  other: [
    'linkedin',
    'linkedin message',
    'social',
    'sms',
    'text message',
    'whatsapp',
    'letter',
    'send letter',
    'send quote',
    'note',
  ],
});

/** Type words that say the touch happened on a social network. */
export const SOCIAL_WORDS = new Set(['linkedin', 'linkedin message', 'social', 'inmail', 'twitter', 'x']);

export const ACTIVITY_CHANNEL_WORDS = table<ActivityChannel>({
  phone: ['call', 'telephone', 'mobile', 'cell'],
  email: ['e-mail', 'mail'],
  in_person: ['in person', 'onsite', 'on site', 'face to face', 'visit', 'office'],
  video: ['zoom', 'teams', 'google meet', 'webex', 'video call', 'web meeting', 'online'],
  social: ['linkedin', 'twitter', 'x', 'social media'],
});

export const ACTIVITY_OUTCOME_WORDS = table<ActivityOutcome>({
  connected: [
    'answered',
    'reached',
    'spoke',
    'talked',
    'conversation',
    'left live message',
    'live conversation',
    'contacted',
    'successful',
  ],
  no_answer: [
    'no answer',
    'not reached',
    'busy',
    'no response',
    'wrong number',
    'unreachable',
    'not available',
    'hung up',
  ],
  voicemail: ['left voicemail', 'left vm', 'vm', 'voice mail', 'voicemail left', 'left message'],
  meeting_booked: [
    'meeting booked',
    'meeting scheduled',
    'meeting set',
    'appointment set',
    'booked',
    'demo booked',
    'demo scheduled',
  ],
  held: ['completed meeting', 'meeting held', 'attended', 'took place', 'happened'],
  no_show: ['no show', 'noshow', 'did not attend', 'missed'],
  rescheduled: ['moved', 'postponed'],
  canceled: ['cancelled', 'cancel', 'canceled by prospect', 'called off'],
  sent: ['delivered', 'email sent', 'outgoing'],
  replied: ['reply', 'responded', 'answered email', 'incoming'],
  bounced: ['bounce', 'undeliverable', 'failed'],
  completed: ['complete', 'done', 'finished'],
});

/**
 * Words whose meaning depends on the type: a "completed" meeting was held, a "scheduled" meeting
 * has not happened yet (no outcome), a completed call or task is just completed.
 */
export function contextualOutcome(word: string, type: ActivityType): ActivityOutcome | null | undefined {
  const key = normalizeValue(word);
  if (type === 'meeting') {
    if (['completed', 'complete', 'done', 'held', 'attended', 'finished'].includes(key)) return 'held';
    if (['scheduled', 'planned', 'booked', 'confirmed'].includes(key)) return null;
  }
  return undefined;
}

export const OPPORTUNITY_STATUS_WORDS = table<OpportunityStatus>({
  open: ['opened', 'active', 'in progress', 'pipeline', 'ongoing'],
  won: ['closed won', 'closedwon', 'win', 'signed', 'booked', 'closed/won', 'gewonnen', 'gagné'],
  lost: ['closed lost', 'closedlost', 'lose', 'dead', 'closed/lost', 'disqualified', 'verloren', 'perdu'],
});

/** Whether an activity took place: planned ones are not touches yet. */
export const ACTIVITY_DONE_WORDS = table<'done' | 'planned'>({
  done: ['completed', 'complete', 'closed', 'yes', 'true', '1', 'x', 'held', 'finished'],
  planned: [
    'not started',
    'in progress',
    'to do',
    'todo',
    'open',
    'scheduled',
    'waiting on someone else',
    'deferred',
    'no',
    'false',
    '0',
    'not done',
    'pending',
  ],
});

export const USER_ROLE_WORDS = table<UserRole>({
  admin: [
    'administrator',
    'system administrator',
    'sales ops',
    'sales operations',
    'revops',
    'revenue operations',
    'super admin',
  ],
  leader: [
    'manager',
    'sales manager',
    'team lead',
    'team leader',
    'lead',
    'director',
    'sales director',
    'vp sales',
    'vp',
    'head of sales',
    'head',
    'cro',
    'regional manager',
  ],
  rep: [
    'sales rep',
    'salesperson',
    'account executive',
    'ae',
    'sdr',
    'bdr',
    'sales development rep',
    'business development rep',
    'account manager',
    'standard user',
    'seller',
    'representative',
    'user',
  ],
});

export function lookup<T>(word: string, ...tables: (ReadonlyMap<string, T> | undefined)[]): T | undefined {
  const key = normalizeValue(word);
  for (const t of tables) {
    const hit = t?.get(key);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/** A user-supplied translation table, normalised like the built-in ones. */
export function userTable<T>(entries: Readonly<Record<string, T>> | undefined): Map<string, T> | undefined {
  if (!entries) return undefined;
  return new Map(Object.entries(entries).map(([word, value]) => [normalizeValue(word), value]));
}
