import type { IsoDate } from '../time/calendar';
import { toSingleLine } from './text-safety';

export interface AgendaInput {
  today: IsoDate;
  /** The rep's latest assessment sentences (or the plan's evidence when there are none). */
  evidence: readonly string[];
  openCommitments: readonly { text: string; ownerName: string; dueOn: IsoDate }[];
  /** Recent self-report comments, newest first. */
  comments: readonly { expectationName: string; windowStart: IsoDate; comment: string }[];
  /** Goals of the plan, to close the agenda with. */
  goals?: readonly string[];
}

const LIMITS = { evidence: 4, commitments: 8, comments: 4 };

/**
 * The opening agenda of a 1:1: what the data says, what was promised last time and whether it is
 * overdue, and what the rep wrote in their self-reports. One line per item.
 */
export function buildAgenda(input: AgendaInput): string[] {
  const items: string[] = [];
  for (const sentence of input.evidence.slice(0, LIMITS.evidence))
    items.push(`Evidence: ${toSingleLine(sentence, 300)}`);
  const open = [...input.openCommitments].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  for (const c of open.slice(0, LIMITS.commitments)) {
    const when = c.dueOn < input.today ? `overdue since ${c.dueOn}` : `due ${c.dueOn}`;
    items.push(`Open commitment (${c.ownerName}, ${when}): ${toSingleLine(c.text, 300)}`);
  }
  const comments = input.comments.filter((c) => c.comment.trim() !== '').slice(0, LIMITS.comments);
  for (const c of comments) {
    items.push(`Self-report, ${c.expectationName}, from ${c.windowStart}: “${toSingleLine(c.comment, 300)}”`);
  }
  for (const goal of input.goals ?? []) items.push(`Goal: ${toSingleLine(goal, 300)}`);
  if (items.length === 0)
    items.push('No new evidence, open commitments or self-report comments since the last session.');
  return items;
}
