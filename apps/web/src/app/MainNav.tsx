import { NavLink, Stack } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { isNavItemActive, NAV_ITEMS } from './nav-items';

interface MainNavProps {
  /** Called after a link is followed, so the phone drawer can close. */
  onNavigate: () => void;
}

export function MainNav({ onNavigate }: MainNavProps) {
  const { pathname } = useLocation();
  return (
    <Stack component="nav" aria-label="Main" gap={4}>
      {NAV_ITEMS.map((item) => {
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
