import { Button, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { PageHeader } from '../components/PageHeader';

export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <>
      <PageHeader title="Page not found" />
      <Text mb="md">
        There is no page at <code>{pathname}</code>. The link may be old or mistyped.
      </Text>
      <Button component={Link} to="/team" variant="light">
        Go to Team
      </Button>
    </>
  );
}
