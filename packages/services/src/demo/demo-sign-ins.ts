import { listOrganizations } from '@rightly/db';
import type { ServiceDeps } from '../deps';
import { DEMO_ADMIN, DEMO_ORG, DEMO_PASSWORD, DEMO_TEAMS } from './demo-cast';

export interface DemoSignIn {
  email: string;
  password: string;
  /** What this user sees, in a few words. */
  role: string;
}

/** The sign-ins worth trying in the demo, for the start-up banner and the README. */
export const DEMO_SIGN_INS: DemoSignIn[] = [
  { email: DEMO_ADMIN.email, password: DEMO_PASSWORD, role: 'admin: the whole org and its settings' },
  ...DEMO_TEAMS.map((t) => ({
    email: t.leader.email,
    password: DEMO_PASSWORD,
    role: t.parent === null ? 'leader of the whole sales org' : `leader of ${t.name}`,
  })),
  { email: 'rep@demo.test', password: DEMO_PASSWORD, role: 'rep (Riley Carter, NA Mid-Market)' },
];

export async function hasDemoOrganization(deps: ServiceDeps): Promise<boolean> {
  const orgs = await listOrganizations(deps.db);
  return orgs.some((o) => o.isDemo && o.slug === DEMO_ORG.slug);
}
