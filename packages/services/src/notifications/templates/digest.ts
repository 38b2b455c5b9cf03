import {
  action,
  type Block,
  heading,
  type Inline,
  LINE_BREAK,
  list,
  type MessageLinks,
  paragraph,
  renderMessage,
  type RenderedMessage,
  strong,
} from './message-doc';

export type RightName = 'thing' | 'way' | 'time';

export interface DigestData {
  leaderName: string;
  /** e.g. "week of 23 November 2026" */
  weekText: string;
  teamName: string;
  /** Statuses as shown in the app, e.g. "on track", "off track". */
  matrixChanges: { repName: string; right: RightName; from: string; to: string }[];
  needsHelp: { repName: string; rightsOffTrack: string[]; streak: number; nextStep: string; evidence: string }[];
  overdueReports: { repName: string; windowText: string; dueAtText: string }[];
  discrepancies: { repName: string; expectationName: string; reported: string; measured: string }[];
  reportsUrl: string;
  teamUrl: string;
}

/** The weekly summary for a leader: who needs help first, then what is late, what disagrees, what moved. */
export function renderDigest(data: DigestData, links: MessageLinks): RenderedMessage {
  const helpCount = count(data.needsHelp.length, 'rep needs help', 'reps need help');
  const overdueCount = count(data.overdueReports.length, 'report overdue', 'reports overdue');
  return renderMessage(
    {
      subject: `Team digest: ${helpCount}, ${overdueCount} (${data.weekText})`,
      blocks: [
        paragraph(`Hi ${data.leaderName},`),
        paragraph(`Here is how ${data.teamName} did in the ${data.weekText}.`),
        // Every section stays, empty or not, so "nothing to see" is said rather than guessed.
        ...section(
          'Who needs help',
          data.needsHelp.map((rep) => [
            strong(rep.repName),
            ` — off track on ${joinWords(rep.rightsOffTrack.map(rightLabel))}`,
            rep.streak > 1 ? `, ${rep.streak} in a row` : '',
            LINE_BREAK,
            `Next step: ${rep.nextStep}`,
            LINE_BREAK,
            `Evidence: ${rep.evidence}`,
          ]),
          'No rep needs help.',
        ),
        ...section(
          'Overdue self-reports',
          data.overdueReports.map((r) => [strong(r.repName), ` — ${r.windowText}, was due ${r.dueAtText}`]),
          'No overdue reports.',
        ),
        ...section(
          'Self-reports that differ from the CRM',
          data.discrepancies.map((d) => [
            strong(d.repName),
            ` — ${d.expectationName}: reported ${d.reported}, measured ${d.measured}`,
          ]),
          'No differences between self-reports and CRM data.',
        ),
        ...section(
          'Changes in the matrix',
          data.matrixChanges.map((c) => [strong(c.repName), ` — ${rightLabel(c.right)}: ${c.from} → ${c.to}`]),
          'No changes in the matrix.',
        ),
        action('Open the team matrix', data.teamUrl),
        paragraph('Or ', { label: 'read the self-reports', href: data.reportsUrl }, '.'),
      ],
      reason: `you lead ${data.teamName}, and Rightly sends its leader this digest once a week.`,
    },
    links,
  );
}

function section(title: string, items: Inline[][], whenEmpty: string): Block[] {
  return [heading(title), items.length > 0 ? list(items) : paragraph(whenEmpty)];
}

function count(n: number, one: string, many: string): string {
  if (n === 0) return `no ${many}`;
  return n === 1 ? `1 ${one}` : `${n} ${many}`;
}

/** "thing" → "the right thing"; any other wording is shown as given. */
function rightLabel(right: string): string {
  return right === 'thing' || right === 'way' || right === 'time' ? `the right ${right}` : right;
}

function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
