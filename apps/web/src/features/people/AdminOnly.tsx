import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useSignedInUser } from '../auth/signed-in-user';

/**
 * Users and teams are the admin's to manage. Others reaching the address get a plain refusal
 * (the API would answer 403 anyway); the settings page does not link them here.
 */
export function AdminOnly({ children }: { children: ReactNode }) {
  const { user } = useSignedInUser();
  if (user.role !== 'admin') {
    return (
      <Alert color="gray" variant="light" title="For admins only" role="alert">
        Users and teams are managed by the admins of your organization.
      </Alert>
    );
  }
  return children;
}
