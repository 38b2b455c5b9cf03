import {
  action,
  heading,
  list,
  type MessageLinks,
  paragraph,
  renderMessage,
  type RenderedMessage,
  strong,
} from './message-doc';

export interface OverdueData {
  repName: string;
  dueAtText: string;
  windowText: string;
  expectations: { name: string }[];
  reportUrl: string;
}

/** Sent to a rep once a self-report is past its due date. Firm on the fact, kind on the person. */
export function renderOverdue(data: OverdueData, links: MessageLinks): RenderedMessage {
  return renderMessage(
    {
      subject: `Your report for the ${data.windowText} is overdue`,
      blocks: [
        paragraph(`Hi ${data.repName},`),
        paragraph(
          `Your self-report for the ${data.windowText} was due `,
          strong(data.dueAtText),
          ' and has not arrived yet.',
        ),
        ...(data.expectations.length > 0
          ? [heading('What it covers'), list(data.expectations.map((e) => [e.name]))]
          : []),
        paragraph(
          'A late report still helps. If something got in the way, say so in it: your leader would rather hear it from you than from the numbers.',
        ),
        action('Write your report now', data.reportUrl),
      ],
      reason: 'a self-report you owe is past its due date.',
    },
    links,
  );
}
