import { AppError, type Viewer } from '@rightly/core';

/**
 * Who starts or reads imports: a signed-in user (only admins may), or the operator of the command
 * line, who holds the database itself and so already has every right an admin has.
 */
export type ImportActor = { kind: 'user'; viewer: Viewer } | { kind: 'operator'; orgId: string };

export function orgOf(actor: ImportActor): string {
  return actor.kind === 'user' ? actor.viewer.orgId : actor.orgId;
}

/** Imports change what everyone is measured on: admins only. */
export function assertMayImport(actor: ImportActor): void {
  if (actor.kind === 'user' && actor.viewer.role !== 'admin') {
    throw new AppError({
      code: 'forbidden',
      message: 'Only admins can import data or see imports. Ask an admin of your organization.',
    });
  }
}
