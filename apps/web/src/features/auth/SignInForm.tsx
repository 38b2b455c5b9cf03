import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import type { SignInBody } from '@rightly/core';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { SIGN_IN_FIELDS, type SignInErrors } from './sign-in-errors';

interface SignInFormProps {
  values: SignInBody;
  onChange: (values: SignInBody) => void;
  onSubmit: (values: SignInBody) => void;
  submitting: boolean;
  errors: SignInErrors;
}

/**
 * Controlled so the demo sign-ins box can fill it. Validation is the server's: its messages are
 * the same ones the API and CLI give, and `noValidate` keeps the browser from pre-empting them.
 */
export function SignInForm({ values, onChange, onSubmit, submitting, errors }: SignInFormProps) {
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit({ email: values.email.trim(), password: values.password });
  }

  return (
    <form onSubmit={handleSubmit} noValidate aria-label="Sign in">
      <Stack gap="md">
        {errors.form ? (
          <Alert color="red" variant="light" title="Sign-in failed">
            {errors.form}
          </Alert>
        ) : null}
        <TextInput
          label={SIGN_IN_FIELDS.email}
          type="email"
          autoComplete="username"
          placeholder="name@company.com"
          value={values.email}
          onChange={(event) => onChange({ ...values, email: event.currentTarget.value })}
          error={errors.email}
          data-autofocus
        />
        <PasswordInput
          label={SIGN_IN_FIELDS.password}
          autoComplete="current-password"
          value={values.password}
          onChange={(event) => onChange({ ...values, password: event.currentTarget.value })}
          error={errors.password}
        />
        <Button type="submit" loading={submitting} fullWidth>
          Sign in
        </Button>
        <Text size="sm" ta="center">
          <Anchor component={Link} to="/forgot-password">
            Forgot password?
          </Anchor>
        </Text>
      </Stack>
    </form>
  );
}
