import { Badge, Button, DataList, Group, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { roleLabel, weekdayName } from '../../lib/format/format';
import { ApiTokensCard } from '../api-tokens/ApiTokensCard';
import { AuditLogCard } from '../audit/AuditLogCard';
import { useSignedInUser } from '../auth/signed-in-user';
import { PeopleSettingsCard } from '../people/PeopleSettingsCard';
import { SecuritySection } from '../security/SecuritySection';
import { SsoSettingsCard } from '../sso/SsoSettingsCard';
import { ReportingSettingsCard } from './ReportingSettingsCard';

function DetailsCard({ title, titleId, children }: { title: ReactNode; titleId: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={titleId}>
      <Title order={2} fz="lg" mb="md" id={titleId}>
        {title}
      </Title>
      <DataList labelWidth={130} gap="sm" withDivider>
        {children}
      </DataList>
    </Paper>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

/**
 * What Rightly uses to count weeks and amounts, and who you are (read-only in this release), with
 * the way to your notification settings.
 */
export function SettingsPage() {
  const { user, organization, team, leads } = useSignedInUser();
  return (
    <>
      <PageHeader
        title="Settings"
        description="Your organization and your profile, as Rightly uses them, and how Rightly reaches you."
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <DetailsCard
          titleId="settings-organization"
          title={
            <Group gap="xs">
              Organization
              {organization.isDemo ? (
                <Badge variant="light" color="gray" size="sm">
                  Demo
                </Badge>
              ) : null}
            </Group>
          }
        >
          <Detail label="Name">{organization.name}</Detail>
          <Detail label="Time zone">{organization.timeZone}</Detail>
          <Detail label="Currency">{organization.currency}</Detail>
          <Detail label="Week starts on">{weekdayName(organization.weekStartsOn)}</Detail>
        </DetailsCard>
        <DetailsCard titleId="settings-profile" title="Your profile">
          <Detail label="Name">{user.name}</Detail>
          <Detail label="E-mail">{user.email}</Detail>
          <Detail label="Role">{roleLabel(user.role)}</Detail>
          <Detail label="Team">
            {team?.name ?? (
              <Text span c="dimmed" size="sm">
                No team
              </Text>
            )}
          </Detail>
          <Detail label="Teams led">
            {leads.length > 0 ? (
              leads.map((led) => led.name).join(', ')
            ) : (
              <Text span c="dimmed" size="sm">
                None
              </Text>
            )}
          </Detail>
        </DetailsCard>
      </SimpleGrid>
      <Paper withBorder radius="md" p="lg" mt="lg" component="section" aria-labelledby="settings-notifications">
        <Group justify="space-between" align="center" wrap="wrap" gap="sm">
          <div>
            <Title order={2} fz="lg" id="settings-notifications">
              Notifications
            </Title>
            <Text size="sm" c="dimmed">
              E-mail and Slack, reminders before a report is due, overdue notices and the weekly digest.
            </Text>
          </div>
          <Button component={Link} to="/settings/notifications" variant="light">
            Notification settings
          </Button>
        </Group>
      </Paper>
      {user.role === 'admin' ? <PeopleSettingsCard /> : null}
      <ReportingSettingsCard editable={user.role === 'admin'} />
      <SecuritySection />
      {user.role === 'admin' ? <SsoSettingsCard /> : null}
      {user.role !== 'rep' ? <ApiTokensCard showOwner={user.role === 'admin'} /> : null}
      {user.role === 'admin' ? <AuditLogCard /> : null}
      <Text size="sm" c="dimmed" mt="lg">
        Weeks in Rightly start on {weekdayName(organization.weekStartsOn)} and dates follow {organization.timeZone}.
      </Text>
    </>
  );
}
