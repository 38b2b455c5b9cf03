import { AppError, type Viewer } from '@rightly/core';

/** People management is the admin's: leaders and reps are refused before anything is read. */
export function requireAdmin(viewer: Viewer): void {
  if (viewer.role !== 'admin') {
    throw new AppError({
      code: 'forbidden',
      message: 'Managing users, teams and invitations is for admins. Ask an admin of your organization.',
    });
  }
}
