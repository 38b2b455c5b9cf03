import { Box, Center, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { MeResponse, SignInBody } from '@rightly/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { FullPageLoader } from '../../components/FullPageLoader';
import { SsoErrorAlert, SsoSignInButton } from '../sso/SsoSignIn';
import { fetchDemoSignIns, signIn } from './auth-api';
import { DemoSignIns } from './DemoSignIns';
import { safeReturnPath } from './return-path';
import { signInErrorsFrom } from './sign-in-errors';
import { SignInForm } from './SignInForm';
import { replaceSession } from './session-cache';
import { useMe } from './use-me';

export function SignInPage() {
  useDocumentTitle('Sign in · Rightly');
  const [searchParams] = useSearchParams();
  const returnTo = safeReturnPath(searchParams.get('returnTo'));
  const queryClient = useQueryClient();
  const me = useMe();
  const [values, setValues] = useState<SignInBody>({ email: '', password: '' });

  const demoSignIns = useQuery({
    queryKey: ['demo-sign-ins'],
    queryFn: ({ signal }) => fetchDemoSignIns(signal),
    staleTime: Infinity,
    // The box is a convenience: if it cannot load, the form works without it.
    retry: false,
  });

  const signInMutation = useMutation({
    mutationFn: signIn,
    // Storing the user re-renders this page, which then redirects below: one way out of sign-in.
    onSuccess: (user: MeResponse) => replaceSession(queryClient, user),
  });

  if (me.isPending) return <FullPageLoader label="Checking your session" />;
  // Signed in just now, or already (e.g. the back button): go where the visitor was heading.
  if (me.data) return <Navigate to={returnTo} replace />;

  const demoEntries = demoSignIns.data?.signIns ?? [];
  const hasDemo = demoEntries.length > 0;

  return (
    <Center mih="100dvh" p="md" bg="var(--mantine-color-body)">
      {/* With demo sign-ins the box sits beside the form on wide screens, below it on phones. */}
      <Stack w="100%" maw={hasDemo ? { base: 420, md: 880 } : 420} gap="lg" component="main">
        <Box ta="center">
          <Text fw={800} fz={28} c="teal.7" lh={1}>
            Rightly
          </Text>
          <Text size="sm" c="dimmed" mt={6}>
            The right thing, the right way, at the right time.
          </Text>
        </Box>
        <SimpleGrid cols={{ base: 1, md: hasDemo ? 2 : 1 }} spacing="lg">
          <Paper withBorder shadow="sm" p="lg" radius="md" style={{ alignSelf: 'start' }}>
            <Title order={1} fz={22} mb="md">
              Sign in
            </Title>
            <SsoErrorAlert code={searchParams.get('sso_error')} />
            <SignInForm
              values={values}
              onChange={setValues}
              onSubmit={(body) => signInMutation.mutate(body)}
              submitting={signInMutation.isPending}
              errors={signInErrorsFrom(signInMutation.error)}
            />
            <SsoSignInButton email={values.email} returnTo={returnTo} />
          </Paper>
          {hasDemo ? (
            <DemoSignIns
              signIns={demoEntries}
              onPick={(entry) => setValues({ email: entry.email, password: entry.password })}
            />
          ) : null}
        </SimpleGrid>
      </Stack>
    </Center>
  );
}
