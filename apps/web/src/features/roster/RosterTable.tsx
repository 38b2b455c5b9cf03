import { Table, Text } from '@mantine/core';
import { Fragment } from 'react';
import { RouterAnchor } from '../../components/RouterAnchor';
import { formatCount } from '../../lib/format/format';
import { ActivitySparkline } from './ActivitySparkline';
import { TeamGroupHeading } from './TeamGroupHeading';
import type { TeamGroup } from './roster-model';

interface RosterTableProps {
  groups: TeamGroup[];
  asOf: string;
}

const COLUMN_COUNT = 4;

/** Laptop layout: one table, a header row per team so figures line up across teams. */
export function RosterTable({ groups, asOf }: RosterTableProps) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" highlightOnHover aria-label="Team roster">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" rowSpan={2} style={{ verticalAlign: 'bottom' }}>
              Rep
            </Table.Th>
            <Table.Th scope="colgroup" colSpan={2} ta="center" pb={0} c="dimmed" fw={500}>
              Last 4 weeks
            </Table.Th>
            <Table.Th scope="col" rowSpan={2} w={200} style={{ verticalAlign: 'bottom' }}>
              Activities per week
            </Table.Th>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="col" ta="right" w={120}>
              Activities
            </Table.Th>
            <Table.Th scope="col" ta="right" w={140}>
              Meetings held
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((group) => (
            <Fragment key={group.key}>
              <Table.Tr bg="var(--mantine-color-default-hover)">
                <Table.Th scope="colgroup" colSpan={COLUMN_COUNT} py={8}>
                  <TeamGroupHeading group={group} />
                </Table.Th>
              </Table.Tr>
              {group.reps.map((entry) => (
                <Table.Tr key={entry.rep.id}>
                  <Table.Td>
                    <RouterAnchor to={`/reps/${entry.rep.id}`} fw={500} size="sm">
                      {entry.rep.name}
                    </RouterAnchor>
                    <Text size="xs" c="dimmed">
                      {entry.rep.email}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {formatCount(entry.activitiesLast4Weeks)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {formatCount(entry.meetingsHeldLast4Weeks)}
                  </Table.Td>
                  <Table.Td>
                    <ActivitySparkline entry={entry} asOf={asOf} w={160} h={32} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
