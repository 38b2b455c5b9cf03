import type { UserRole } from './roles';

/** The signed-in user on whose behalf a use case runs. Every read is scoped by it. */
export interface Viewer {
  orgId: string;
  userId: string;
  role: UserRole;
}
