import { Alert, Button, Divider } from '@mantine/core';
import { isSsoErrorCode, SSO_ERROR_MESSAGES } from '@rightly/core';
import { useState } from 'react';
import { ssoStartUrl } from './sso-api';

/** Why the last SSO attempt failed, from `?sso_error=` (a known code only; anything else is ignored). */
export function SsoErrorAlert({ code }: { code: string | null }) {
  if (!isSsoErrorCode(code)) return null;
  return (
    <Alert color="red" variant="light" title="Single sign-on did not complete" mb="md" role="alert">
      {SSO_ERROR_MESSAGES[code]}
    </Alert>
  );
}

/**
 * "Sign in with SSO": uses the e-mail typed above to find the organization's identity provider,
 * then leaves for it; the server brings the browser back signed in, or to this page with a reason.
 */
export function SsoSignInButton({ email, returnTo }: { email: string; returnTo: string }) {
  const [missing, setMissing] = useState(false);
  const [leaving, setLeaving] = useState(false);
  return (
    <>
      <Divider label="or" labelPosition="center" my="md" />
      <Button
        variant="default"
        fullWidth
        loading={leaving}
        onClick={() => {
          const trimmed = email.trim();
          if (!trimmed.includes('@')) {
            setMissing(true);
            return;
          }
          setLeaving(true);
          window.location.assign(ssoStartUrl({ email: trimmed, returnTo }));
        }}
      >
        Sign in with SSO
      </Button>
      {missing && !email.includes('@') ? (
        <Alert color="yellow" variant="light" mt="sm">
          Type your work e-mail above first: it tells Rightly which sign-in your organization uses.
        </Alert>
      ) : null}
    </>
  );
}
