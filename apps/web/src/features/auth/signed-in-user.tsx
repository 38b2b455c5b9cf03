import type { MeResponse } from '@rightly/core';
import { createContext, use, type ReactNode } from 'react';

const SignedInUserContext = createContext<MeResponse | null>(null);

/** Provided by the sign-in guard, so pages inside the shell never handle a missing user. */
export function SignedInUserProvider({ user, children }: { user: MeResponse; children: ReactNode }) {
  return <SignedInUserContext value={user}>{children}</SignedInUserContext>;
}

export function useSignedInUser(): MeResponse {
  const user = use(SignedInUserContext);
  if (!user) throw new Error('useSignedInUser() is only available below <RequireSignIn>.');
  return user;
}
