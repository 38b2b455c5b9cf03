import { AppError } from '@rightly/core';
import { countAppliedMigrations, pingDatabase, shippedMigrationCount } from '@rightly/db';
import type { ServiceDeps } from '../deps';

export interface Health {
  status: 'ok';
}

/** OK only when the database answers and carries every migration this code ships. */
export async function checkHealth(deps: ServiceDeps): Promise<Health> {
  try {
    await pingDatabase(deps.db);
  } catch (error) {
    throw new AppError({ code: 'database_unavailable', message: 'The database does not answer.', cause: error });
  }
  const applied = await countAppliedMigrations(deps.db);
  if (applied < shippedMigrationCount()) {
    throw new AppError({
      code: 'database_unavailable',
      message: 'The database schema is behind this version of Rightly: run `rightly migrate`.',
    });
  }
  return { status: 'ok' };
}
