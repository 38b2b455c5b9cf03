import { Anchor, Box, Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** The frame of the pages one reaches signed out: the name, one card, a way back to sign-in. */
export function PublicCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Center mih="100dvh" p="md">
      <Stack w="100%" maw={440} gap="lg" component="main">
        <Box ta="center">
          <Text fw={800} fz={28} c="teal.7" lh={1}>
            Rightly
          </Text>
        </Box>
        <Paper withBorder shadow="sm" p="lg" radius="md">
          <Title order={1} fz={22} mb="md">
            {title}
          </Title>
          {children}
        </Paper>
        <Text size="sm" ta="center">
          <Anchor component={Link} to="/sign-in">
            Back to sign-in
          </Anchor>
        </Text>
      </Stack>
    </Center>
  );
}
