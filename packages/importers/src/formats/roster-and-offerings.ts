import { FIELDS_BY_KIND } from '../mapping/fields';
import { presentColumns, type FormatSpec } from './format-spec';

const synonyms = (kind: 'users' | 'offerings'): Record<string, string[]> =>
  Object.fromEntries(FIELDS_BY_KIND[kind].map((f) => [f.name, [...f.synonyms]]));

/**
 * Rosters and offering lists: every CRM exports users differently and has no offering list at all,
 * so these read any file whose headers say what they hold (Email, Name, Role, Team …). A Salesforce
 * user export (Full Name, Email, Role, Profile, Active) and a HubSpot one (First Name, Last Name,
 * Email, Team) both read as they are.
 */
export const roster: FormatSpec = {
  id: 'roster',
  source: 'generic',
  kind: 'users',
  label: 'Roster of users and teams',
  signature: [
    ['email', 'e mail', 'email address', 'user email', 'work email'],
    ['name', 'full name', 'first name', 'user name', 'display name'],
    ['role', 'team', 'primary team', 'title', 'job title', 'profile', 'region', 'leads team'],
  ],
  mapping: (header) => ({ kind: 'users', columns: presentColumns(header, synonyms('users')) }),
};

export const offeringList: FormatSpec = {
  id: 'offerings',
  source: 'generic',
  kind: 'offerings',
  label: 'List of offerings (products and services)',
  signature: [
    ['offering', 'product', 'product name', 'product line', 'service line', 'name'],
    ['strategic weight', 'strategic', 'is strategic', 'weight'],
  ],
  mapping: (header) => ({ kind: 'offerings', columns: presentColumns(header, synonyms('offerings')) }),
};
