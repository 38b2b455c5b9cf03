import { Anchor, type AnchorProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

interface RouterAnchorProps extends AnchorProps {
  to: string;
  children: ReactNode;
}

/** A Mantine-styled link that navigates inside the app without a page load. */
export function RouterAnchor({ to, children, ...anchorProps }: RouterAnchorProps) {
  return (
    <Anchor component={Link} to={to} {...anchorProps}>
      {children}
    </Anchor>
  );
}
