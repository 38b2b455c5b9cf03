import { Table, Text, Tooltip, UnstyledButton } from '@mantine/core';
import type { Right } from '@rightly/core';
import { Fragment } from 'react';
import type { TeamAssessmentRep } from './assessment-api';
import { RIGHT_LABELS, RIGHT_ORDER, RIGHT_QUESTIONS, statusDisplay, withoutExpectationName } from './status';
import classes from './status.module.css';

interface TeamMatrixProps {
  reps: readonly TeamAssessmentRep[];
  onOpen: (repId: string, right: Right | null) => void;
  /** The secondary sentence under each status; off on narrow screens, where the tooltip carries it. */
  withSentences: boolean;
}

interface TeamGroup {
  key: string;
  name: string | null;
  reps: TeamAssessmentRep[];
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Reps grouped by team (teams by name, no team last), reps by name inside. */
export function groupByTeam(reps: readonly TeamAssessmentRep[]): TeamGroup[] {
  const groups = new Map<string, TeamGroup>();
  for (const entry of reps) {
    const key = entry.team?.id ?? 'no-team';
    const group = groups.get(key) ?? { key, name: entry.team?.name ?? null, reps: [] };
    group.reps.push(entry);
    groups.set(key, group);
  }
  for (const group of groups.values()) group.reps.sort((a, b) => collator.compare(a.rep.name, b.rep.name));
  return [...groups.values()].sort((a, b) =>
    a.name === null ? 1 : b.name === null ? -1 : collator.compare(a.name, b.name),
  );
}

function MatrixCell({
  entry,
  right,
  onOpen,
  withSentences,
}: {
  entry: TeamAssessmentRep;
  right: Right;
  onOpen: TeamMatrixProps['onOpen'];
  withSentences: boolean;
}) {
  const cell = entry.rights[right];
  const display = statusDisplay(cell.status);
  const first = cell.sentences[0];
  const top = first
    ? withoutExpectationName(
        first,
        entry.assessments.map((a) => a.expectationName),
      )
    : undefined;
  const button = (
    <UnstyledButton
      className={`${classes.status} ${classes.cell}`}
      data-status={cell.status}
      data-compact={withSentences ? undefined : true}
      onClick={() => onOpen(entry.rep.id, right)}
      aria-label={`${entry.rep.name}, ${RIGHT_LABELS[right].toLowerCase()}: ${display.label}. Show the evidence`}
    >
      <span className={classes.cellLabel}>
        <span className={classes.icon} aria-hidden="true">
          {display.icon}
        </span>
        {display.label}
      </span>
      {withSentences && top ? <span className={classes.cellSentence}>{top}</span> : null}
    </UnstyledButton>
  );
  if (cell.sentences.length === 0) return button;
  return (
    <Tooltip
      label={cell.sentences.slice(0, 4).join('\n')}
      multiline
      w={320}
      withArrow
      openDelay={300}
      style={{ whiteSpace: 'pre-line' }}
    >
      {button}
    </Tooltip>
  );
}

/** The three-rights heat map: a row per rep, a column per right, a cell per status. */
export function TeamMatrix({ reps, onOpen, withSentences }: TeamMatrixProps) {
  const groups = groupByTeam(reps);
  const showTeams = groups.length > 1;
  return (
    <Table.ScrollContainer minWidth={withSentences ? 760 : 350}>
      <Table aria-label="Three rights by rep" verticalSpacing={4} horizontalSpacing="xs" layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={withSentences ? 170 : 92}>
              Rep
            </Table.Th>
            {RIGHT_ORDER.map((right) => (
              <Table.Th scope="col" key={right}>
                <Text span fw={700} size={withSentences ? 'sm' : 'xs'} display="block">
                  {RIGHT_LABELS[right]}
                </Text>
                {withSentences ? (
                  <Text span size="xs" c="dimmed" fw={400} display="block">
                    {RIGHT_QUESTIONS[right]}
                  </Text>
                ) : null}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((group) => (
            <Fragment key={group.key}>
              {showTeams ? (
                <Table.Tr bg="var(--mantine-color-default-hover)">
                  <Table.Th scope="colgroup" colSpan={4} py={6}>
                    <Text span size="sm" fw={700}>
                      {group.name ?? 'No team'}
                    </Text>
                  </Table.Th>
                </Table.Tr>
              ) : null}
              {group.reps.map((entry) => (
                <Table.Tr key={entry.rep.id}>
                  <Table.Th scope="row" fw={500}>
                    <UnstyledButton
                      onClick={() => onOpen(entry.rep.id, null)}
                      aria-label={`${entry.rep.name}: show the evidence`}
                      style={{ textAlign: 'left' }}
                    >
                      <Text
                        span
                        size={withSentences ? 'sm' : 'xs'}
                        fw={600}
                        c="var(--mantine-color-anchor)"
                        style={{ overflowWrap: 'break-word' }}
                      >
                        {entry.rep.name}
                      </Text>
                    </UnstyledButton>
                  </Table.Th>
                  {RIGHT_ORDER.map((right) => (
                    <Table.Td key={right} p={3} style={{ verticalAlign: 'top', height: 1 }}>
                      <MatrixCell entry={entry} right={right} onOpen={onOpen} withSentences={withSentences} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
