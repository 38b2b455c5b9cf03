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

/** Everything comes pre-formatted: templates do no date maths and no counting of their own. */
export interface ReminderData {
  repName: string;
  /** e.g. "Monday 7 December, 09:00 (Europe/Berlin)" */
  dueAtText: string;
  /** e.g. "week of 30 November" */
  windowText: string;
  expectations: { name: string; /** e.g. "CRM shows 3 first meetings held" */ measuredText: string }[];
  reportUrl: string;
}

/** Sent to a rep before a self-report is due. */
export function renderReminder(data: ReminderData, links: MessageLinks): RenderedMessage {
  return renderMessage(
    {
      subject: `${reportNoun(data.windowText)} is due ${withoutTimeZone(data.dueAtText)}`,
      blocks: [
        paragraph(`Hi ${data.repName},`),
        paragraph(`Your self-report for the ${data.windowText} is due `, strong(data.dueAtText), '.'),
        ...(data.expectations.length > 0
          ? [
              heading('What it covers'),
              list(data.expectations.map((e) => [strong(e.name), ` — ${e.measuredText}`])),
              paragraph(
                'The CRM numbers are a starting point: add what they do not show, and say where you need help.',
              ),
            ]
          : [paragraph('No expectations are set for this period, so a short note on how it went is enough.')]),
        action('Write your report', data.reportUrl),
      ],
      reason: 'your leader asked for a self-report by this date, and Rightly reminds you before it is due.',
    },
    links,
  );
}

/** "Your weekly report" for a week (the usual cadence), "Your report for …" for any other window. */
function reportNoun(windowText: string): string {
  return /^week of /i.test(windowText) ? 'Your weekly report' : `Your report for the ${windowText}`;
}

/** The zone in brackets fits the body; a subject line reads better without it. */
function withoutTimeZone(dueAtText: string): string {
  return dueAtText.replace(/\s*\([^()]*\)\s*$/, '');
}
