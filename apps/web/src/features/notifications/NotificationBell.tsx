import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  Indicator,
  Loader,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { describeError } from '../../lib/api/api-error';
import { firstLine, internalPath, KIND_LABELS, timeAgo, unreadBadge } from './notification-model';
import {
  markNotificationsRead,
  NOTIFICATIONS_QUERY_KEY,
  useNotifications,
  type AppNotification,
  type NotificationsResponse,
} from './notifications-api';

function BellIcon() {
  return (
    <svg
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" strokeLinecap="round" strokeLinejoin="round" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** Marks read in the cache at once, so the count drops on click; the server's answer then confirms it. */
function markReadLocally(data: NotificationsResponse | undefined, ids: string[] | null, unread?: number) {
  if (!data) return data;
  const now = new Date().toISOString();
  const items = data.items.map((item) =>
    item.readAt === null && (ids === null || ids.includes(item.id)) ? { ...item, readAt: now } : item,
  );
  return { items, unread: unread ?? items.filter((item) => item.readAt === null).length };
}

/**
 * The bell in the header: how many notifications are unread, and the list of them (reminders,
 * overdue notices, the weekly digest) with a way to the page each is about.
 */
export function NotificationBell() {
  const [opened, setOpened] = useState(false);
  const notifications = useNotifications();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const markRead = useMutation({
    mutationFn: (ids: string[] | null) => markNotificationsRead(ids ?? undefined),
    onMutate: (ids) => {
      queryClient.setQueryData<NotificationsResponse>(NOTIFICATIONS_QUERY_KEY, (data) => markReadLocally(data, ids));
    },
    onSuccess: ({ unread }, ids) => {
      queryClient.setQueryData<NotificationsResponse>(NOTIFICATIONS_QUERY_KEY, (data) =>
        markReadLocally(data, ids, unread),
      );
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_QUERY_KEY }),
  });

  const unread = notifications.data?.unread ?? 0;
  const badge = unreadBadge(unread);
  const label = unread > 0 ? `Notifications, ${unread} unread` : 'Notifications';

  function open(item: AppNotification) {
    if (item.readAt === null) markRead.mutate([item.id]);
    const path = internalPath(item.link, window.location.origin);
    setOpened(false);
    if (path) void navigate(path);
    else if (item.link) window.open(item.link, '_blank', 'noopener,noreferrer');
  }

  let content;
  if (notifications.isPending) {
    content = (
      <Group justify="center" p="md">
        <Loader size="sm" aria-label="Loading notifications" />
      </Group>
    );
  } else if (notifications.isError) {
    content = (
      <Stack gap="xs" p="md">
        <Text size="sm" c="red.7">
          {describeError(notifications.error)}
        </Text>
        <Button size="xs" variant="outline" onClick={() => void notifications.refetch()}>
          Retry
        </Button>
      </Stack>
    );
  } else if (notifications.data.items.length === 0) {
    content = (
      <Text size="sm" c="dimmed" p="md">
        Nothing yet. Reminders before a report is due, overdue notices and the weekly digest appear here.
      </Text>
    );
  } else {
    content = (
      <ScrollArea.Autosize mah={420} type="auto">
        <Stack gap={0} component="ul" m={0} p={0} aria-label="Notifications" style={{ listStyle: 'none' }}>
          {notifications.data.items.map((item) => (
            <li key={item.id}>
              <UnstyledButton
                onClick={() => open(item)}
                w="100%"
                px="md"
                py="sm"
                style={{
                  borderTop: '1px solid var(--mantine-color-default-border)',
                  background: item.readAt === null ? 'var(--mantine-color-teal-light)' : undefined,
                }}
                aria-label={`${item.readAt === null ? 'Unread: ' : ''}${item.subject}`}
              >
                <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                  <Text size="sm" fw={item.readAt === null ? 700 : 500} lineClamp={2}>
                    {item.subject}
                  </Text>
                  <Badge size="xs" variant="outline" color="gray" style={{ flexShrink: 0 }}>
                    {KIND_LABELS[item.kind] ?? item.kind}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {firstLine(item.body)}
                </Text>
                <Text size="xs" c="dimmed" mt={2}>
                  <time dateTime={item.createdAt} title={new Date(item.createdAt).toLocaleString()}>
                    {timeAgo(item.createdAt)}
                  </time>
                </Text>
              </UnstyledButton>
            </li>
          ))}
        </Stack>
      </ScrollArea.Autosize>
    );
  }

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width="min(380px, calc(100vw - 16px))"
      shadow="md"
      withinPortal
      trapFocus
      // The dialog is named "Notifications" here, not after the bell's changing label.
      withRoles={false}
    >
      <Popover.Target>
        <Indicator
          label={badge}
          disabled={badge === null}
          size={16}
          offset={4}
          color="red"
          withBorder
          inline
          processing={false}
        >
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            radius="xl"
            aria-label={label}
            aria-expanded={opened}
            aria-haspopup="dialog"
            aria-controls={opened ? 'notifications-dialog' : undefined}
            onClick={() => setOpened((value) => !value)}
          >
            <BellIcon />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0} role="dialog" aria-label="Notifications" id="notifications-dialog">
        <Group justify="space-between" px="md" py="sm" wrap="nowrap">
          <Text fw={700} size="sm">
            Notifications
          </Text>
          <Button
            size="compact-xs"
            variant="subtle"
            disabled={unread === 0 || markRead.isPending}
            onClick={() => markRead.mutate(null)}
          >
            Mark all read
          </Button>
        </Group>
        {content}
        <Group
          justify="flex-end"
          px="md"
          py="xs"
          style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
        >
          <Anchor component={Link} to="/settings/notifications" size="xs" onClick={() => setOpened(false)}>
            Notification settings
          </Anchor>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}
