import { Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';

interface PageHeaderProps {
  title: string;
  /** One line under the title: what the page shows and as of when. */
  description?: ReactNode;
}

/** The page's h1, also used as the browser tab title so history and tabs read well. */
export function PageHeader({ title, description }: PageHeaderProps) {
  useDocumentTitle(`${title} · Rightly`);
  return (
    <Stack gap={4} mb="lg">
      <Title order={1} fz={{ base: 26, sm: 30 }}>
        {title}
      </Title>
      {description ? (
        <Text c="dimmed" size="sm">
          {description}
        </Text>
      ) : null}
    </Stack>
  );
}
