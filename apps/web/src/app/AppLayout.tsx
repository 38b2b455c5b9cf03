import { AppShell, Badge, Burger, Group, Loader, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { Link, Outlet } from 'react-router';
import { useSignedInUser } from '../features/auth/signed-in-user';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { MainNav } from './MainNav';
import classes from './AppLayout.module.css';
import { UserMenu } from './UserMenu';

/** Header, navbar (a drawer below the `sm` breakpoint) and the current page. */
export function AppLayout() {
  const me = useSignedInUser();
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding={{ base: 'md', sm: 'lg' }}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger
              opened={navOpened}
              onClick={toggleNav}
              hiddenFrom="sm"
              size="sm"
              aria-label={navOpened ? 'Close navigation' : 'Open navigation'}
              aria-expanded={navOpened}
              aria-controls="main-navbar"
            />
            <UnstyledButton component={Link} to="/team" aria-label="Rightly, go to Team">
              <Text fw={800} fz={20} c="teal.7" lh={1}>
                Rightly
              </Text>
            </UnstyledButton>
            <Text size="sm" c="dimmed" truncate="end" miw={0} title={me.organization.name}>
              {me.organization.name}
            </Text>
            {me.organization.isDemo ? (
              <Badge size="xs" variant="light" color="gray" visibleFrom="xs">
                Demo
              </Badge>
            ) : null}
          </Group>
          <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
            <NotificationBell />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar id="main-navbar" p="sm" className={classes.navbar} data-collapsed={navOpened ? undefined : true}>
        <MainNav onNavigate={closeNav} />
      </AppShell.Navbar>

      <AppShell.Main>
        <Suspense fallback={<Loader aria-label="Loading the page" m="xl" />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
