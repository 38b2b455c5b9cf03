import { NavLink, Stack } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { useSignedInUser } from '../features/auth/signed-in-user';
import { isNavItemActive, navItemsFor } from './nav-items';

interface MainNavProps {
  /** Called after a link is followed, so the phone drawer can close. */
  onNavigate: () => void;
}

export function MainNav({ onNavigate }: MainNavProps) {
  const { pathname } = useLocation();
  const me = useSignedInUser();
  return (
    <Stack component="nav" aria-label="Main" gap={4}>
      {navItemsFor(me.user.role).map((item) => {
        const active = isNavItemActive(item.to, pathname);
        return (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={item.label}
            active={active}
            aria-current={active ? 'page' : undefined}
            onClick={onNavigate}
            variant="light"
            fw={500}
            style={{ borderRadius: 'var(--mantine-radius-sm)' }}
          />
        );
      })}
    </Stack>
  );
}
