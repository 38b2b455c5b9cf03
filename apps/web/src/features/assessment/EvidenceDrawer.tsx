import { Button, Drawer, Group, Tabs, Text } from '@mantine/core';
import type { Right } from '@rightly/core';
import { Link } from 'react-router';
import type { TeamAssessmentRep } from './assessment-api';
import { periodLabel } from './period-nav';
import { RightEvidence } from './RightEvidence';
import { RIGHT_LABELS, RIGHT_ORDER, statusDisplay } from './status';

interface EvidenceDrawerProps {
  entry: TeamAssessmentRep | null;
  right: Right;
  onRightChange: (right: Right) => void;
  period: { key: string; start: string; end: string };
  timeZone: string;
  currency: string;
  onClose: () => void;
}

/** A rep's evidence for the period, one tab per right, opened from a cell of the team matrix. */
export function EvidenceDrawer({
  entry,
  right,
  onRightChange,
  period,
  timeZone,
  currency,
  onClose,
}: EvidenceDrawerProps) {
  return (
    <Drawer
      opened={entry !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={
        entry ? (
          <div>
            <Text fw={700} size="lg">
              {entry.rep.name}
            </Text>
            <Text size="sm" c="dimmed">
              {entry.team?.name ?? 'No team'} · {periodLabel(period)}
            </Text>
          </div>
        ) : null
      }
      closeButtonProps={{ 'aria-label': 'Close the evidence' }}
    >
      {entry ? (
        <>
          <Group mb="sm">
            <Button component={Link} to={`/reps/${entry.rep.id}`} variant="light" size="xs">
              Open {entry.rep.name}’s page
            </Button>
          </Group>
          <Tabs value={right} onChange={(value) => value && onRightChange(value as Right)} keepMounted={false}>
            <Tabs.List grow>
              {RIGHT_ORDER.map((r) => (
                <Tabs.Tab key={r} value={r}>
                  <Text span size="sm" fw={600}>
                    {RIGHT_LABELS[r]}
                  </Text>
                  <Text span size="xs" c="dimmed" display="block">
                    <span aria-hidden="true">{statusDisplay(entry.rights[r].status).icon} </span>
                    {statusDisplay(entry.rights[r].status).label}
                  </Text>
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {RIGHT_ORDER.map((r) => (
              <Tabs.Panel key={r} value={r} pt="md">
                <RightEvidence
                  right={r}
                  cell={entry.rights[r]}
                  assessments={entry.assessments}
                  timeZone={timeZone}
                  currency={currency}
                />
              </Tabs.Panel>
            ))}
          </Tabs>
        </>
      ) : null}
    </Drawer>
  );
}
