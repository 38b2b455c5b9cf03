import { Button, Group, Paper, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

/** The way from Settings to the audit log (shown to admins). */
export function AuditLogCard() {
  return (
    <Paper withBorder radius="md" p="lg" mt="lg" component="section" aria-labelledby="settings-audit">
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <div>
          <Title order={2} fz="lg" id="settings-audit">
            Audit log
          </Title>
          <Text size="sm" c="dimmed">
            Who did what, and when: imports, expectations, coaching, exports and settings. Append-only.
          </Text>
        </div>
        <Button component={Link} to="/settings/audit" variant="light">
          Open the audit log
        </Button>
      </Group>
    </Paper>
  );
}
