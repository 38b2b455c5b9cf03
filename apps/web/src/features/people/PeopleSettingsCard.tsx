import { Button, Group, Paper, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

/** The way from Settings to users and teams; the settings page shows it to admins only. */
export function PeopleSettingsCard() {
  return (
    <Paper withBorder radius="md" p="lg" mt="lg" component="section" aria-labelledby="settings-people">
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <div>
          <Title order={2} fz="lg" id="settings-people">
            Users and teams
          </Title>
          <Text size="sm" c="dimmed">
            Invite people, change roles and teams, deactivate and reactivate; arrange the team tree and its leaders.
          </Text>
        </div>
        <Group gap="xs">
          <Button component={Link} to="/settings/users" variant="light">
            Users
          </Button>
          <Button component={Link} to="/settings/teams" variant="light">
            Teams
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
