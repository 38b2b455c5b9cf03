import type { Database } from '@rightly/db';

/** What every use case may reach: storage and the clock. Nothing else is ambient. */
export interface ServiceDeps {
  db: Database;
  /** Injected so tests can freeze time (session expiry, "last 4 weeks"). */
  now: () => Date;
}
