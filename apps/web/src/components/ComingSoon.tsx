import { EmptyState, List, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

interface ComingSoonProps {
  title: string;
  description: ReactNode;
  /** What the page will hold once built: concrete, so nobody mistakes the page for broken. */
  willHold: string[];
}

/** An honest empty page: says what is missing and what will come, shows no made-up data. */
export function ComingSoon({ title, description, willHold }: ComingSoonProps) {
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }}>
      <EmptyState title={title} description={description} align="left" size="sm">
        <Text size="sm" fw={600} mt="md" mb={4}>
          This page will hold
        </Text>
        <List size="sm" spacing={4}>
          {willHold.map((item) => (
            <List.Item key={item}>{item}</List.Item>
          ))}
        </List>
      </EmptyState>
    </Paper>
  );
}
