/**
 * The people of "Demo Co". Archetypes are the patterns a sales leader should be able to find
 * with Rightly; docs/demo-data.md lists who is which. Keep that file in step with this one.
 */
export type DemoArchetype =
  'steady' | 'january_gap' | 'email_prospector' | 'one_offering' | 'late_reporter' | 'recovering';

export interface DemoRep {
  name: string;
  email: string;
  team: string;
  archetype: DemoArchetype;
  /** Moved from this team to `team` nine months before the as-of date (membership history). */
  previousTeam?: string;
}

export interface DemoTeam {
  name: string;
  parent: string | null;
  leader: { name: string; email: string };
  /** Enterprise teams sell larger deals over longer cycles. */
  segment: 'enterprise' | 'mid_market' | null;
}

export const DEMO_ORG = {
  name: 'Demo Co',
  slug: 'demo',
  timeZone: 'America/New_York',
  currency: 'USD',
  weekStartsOn: 1,
} as const;

export const DEMO_PASSWORD = 'rightly-demo';

export const DEMO_ADMIN = { name: 'Avery Quinn', email: 'admin@demo.test' };

export const DEMO_TEAMS: DemoTeam[] = [
  { name: 'Sales', parent: null, leader: { name: 'Morgan Lee', email: 'leader@demo.test' }, segment: null },
  {
    name: 'North America',
    parent: 'Sales',
    leader: { name: 'Dana Whitfield', email: 'dana.whitfield@demo.test' },
    segment: null,
  },
  { name: 'EMEA', parent: 'Sales', leader: { name: 'Lars Eriksen', email: 'lars.eriksen@demo.test' }, segment: null },
  {
    name: 'NA Enterprise',
    parent: 'North America',
    leader: { name: 'Priya Shah', email: 'priya.shah@demo.test' },
    segment: 'enterprise',
  },
  {
    name: 'NA Mid-Market',
    parent: 'North America',
    leader: { name: 'Marcus Cole', email: 'marcus.cole@demo.test' },
    segment: 'mid_market',
  },
  {
    name: 'EMEA Enterprise',
    parent: 'EMEA',
    leader: { name: 'Sofia Rossi', email: 'sofia.rossi@demo.test' },
    segment: 'enterprise',
  },
  {
    name: 'EMEA Mid-Market',
    parent: 'EMEA',
    leader: { name: 'Henrik Vogel', email: 'henrik.vogel@demo.test' },
    segment: 'mid_market',
  },
];

const rep = (name: string, team: string, archetype: DemoArchetype = 'steady', email?: string): DemoRep => ({
  name,
  team,
  archetype,
  email: email ?? `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@demo.test`,
});

export const DEMO_REPS: DemoRep[] = [
  rep('Jamie Ortiz', 'NA Enterprise', 'january_gap'),
  rep('Avery Chen', 'NA Enterprise'),
  rep('Noah Fischer', 'NA Enterprise'),
  rep('Olivia Grant', 'NA Enterprise'),
  rep('Ethan Park', 'NA Enterprise'),
  rep('Mia Thompson', 'NA Enterprise'),
  rep('Riley Carter', 'NA Mid-Market', 'steady', 'rep@demo.test'),
  rep('Taylor Brooks', 'NA Mid-Market', 'email_prospector'),
  rep('Lucas Bennett', 'NA Mid-Market'),
  rep('Emma Wilson', 'NA Mid-Market'),
  rep('Liam Murphy', 'NA Mid-Market'),
  { ...rep('Drew Kim', 'NA Mid-Market', 'recovering'), previousTeam: 'EMEA Mid-Market' },
  rep('Sam Patel', 'EMEA Enterprise', 'one_offering'),
  rep('Chloe Martin', 'EMEA Enterprise'),
  rep('Matteo Bianchi', 'EMEA Enterprise'),
  rep('Hannah Schulz', 'EMEA Enterprise'),
  rep('Oscar Lindqvist', 'EMEA Enterprise'),
  rep('Amelie Dubois', 'EMEA Enterprise'),
  rep('Casey Nguyen', 'EMEA Mid-Market', 'late_reporter'),
  rep('Freya Jensen', 'EMEA Mid-Market'),
  rep('Jonas Weber', 'EMEA Mid-Market'),
  rep('Isla MacLeod', 'EMEA Mid-Market'),
  rep('Pablo Romero', 'EMEA Mid-Market'),
  rep('Zoe Novak', 'EMEA Mid-Market'),
];

export interface DemoOffering {
  name: string;
  strategicWeight: number;
  /** Typical deal size in USD (mid-market; enterprise deals run larger). */
  typicalAmount: number;
}

export const DEMO_OFFERINGS: DemoOffering[] = [
  { name: 'Platform License', strategicWeight: 0, typicalAmount: 42_000 },
  { name: 'Analytics Add-on', strategicWeight: 0, typicalAmount: 18_000 },
  { name: 'Premium Support', strategicWeight: 0, typicalAmount: 12_000 },
  { name: 'Implementation Services', strategicWeight: 1, typicalAmount: 35_000 },
  { name: 'Managed Services', strategicWeight: 1, typicalAmount: 55_000 },
];

export const DEMO_STAGES = ['Discovery', 'Qualification', 'Proposal', 'Negotiation'] as const;

/** Weeks of self-report history the demo carries (reports were asked for from then on). */
export const DEMO_SELF_REPORT_WEEKS = 12;
