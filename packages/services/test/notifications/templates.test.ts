import { describe, expect, it } from 'vitest';
import { type DigestData, renderDigest } from '../../src/notifications/templates/digest';
import type { RenderedMessage } from '../../src/notifications/templates/message-doc';
import { renderOverdue } from '../../src/notifications/templates/overdue';
import { renderReminder } from '../../src/notifications/templates/reminder';

// What users and CRM imports can put into any name or comment.
const HOSTILE = `<img src=x onerror=alert(1)>"&'<!channel>`;
const HOSTILE_HTML = '&lt;img src=x onerror=alert(1)&gt;&quot;&amp;&#39;&lt;!channel&gt;';
const HOSTILE_SLACK = `&lt;img src=x onerror=alert(1)&gt;"&amp;'&lt;!channel&gt;`;

const links = { appUrl: 'https://rightly.example.com', unsubscribeUrl: 'https://rightly.example.com/u/abc?x=1&y=2' };
const SETTINGS = 'https://rightly.example.com/settings/notifications';

/** Nothing user-supplied may open a tag: the only `<` in HTML are the template's own tags. */
function expectSafe(message: RenderedMessage): void {
  expect(message.html).not.toMatch(/<(img|script|!channel)/i);
  expect(message.slack).not.toContain('<img');
  expect(message.slack).not.toContain('<!channel>');
}

function expectFooter(message: RenderedMessage): void {
  expect(message.text).toContain('Why you get this:');
  expect(message.text).toContain(`Unsubscribe: ${links.unsubscribeUrl}`);
  expect(message.text).toContain(SETTINGS);
  expect(message.html).toContain('Why you get this:');
  expect(message.html).toContain('href="https://rightly.example.com/u/abc?x=1&amp;y=2"');
  expect(message.html).toContain(`href="${SETTINGS}"`);
  expect(message.slack).toContain('<https://rightly.example.com/u/abc?x=1&amp;y=2|Unsubscribe>');
  expect(message.slack).toContain(`<${SETTINGS}|Notification settings>`);
}

describe('reminder', () => {
  const data = {
    repName: 'Anna',
    dueAtText: 'Monday 7 December, 09:00 (Europe/Berlin)',
    windowText: 'week of 30 November',
    expectations: [{ name: 'First meetings', measuredText: 'CRM shows 3 first meetings held' }],
    reportUrl: 'https://rightly.example.com/reports/new?window=2026-11-30',
  };

  it('says when the report is due, what it covers and where to write it', () => {
    const message = renderReminder(data, links);
    expect(message.subject).toBe('Your weekly report is due Monday 7 December, 09:00');
    for (const body of [message.text, message.html, message.slack]) {
      expect(body).toContain('Monday 7 December, 09:00 (Europe/Berlin)');
      expect(body).toContain('First meetings');
      expect(body).toContain('CRM shows 3 first meetings held');
    }
    expect(message.text).toContain(`Write your report: ${data.reportUrl}`);
    expect(message.html).toContain(`href="${data.reportUrl}"`);
    expect(message.slack).toContain(`<${data.reportUrl}|Write your report>`);
    expect(message.html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(message.html).not.toContain('<table');
    expectFooter(message);
  });

  it('names a window that is not a week in the subject', () => {
    const message = renderReminder(
      { ...data, windowText: '1–3 December', dueAtText: 'Friday 4 December, 09:00' },
      links,
    );
    expect(message.subject).toBe('Your report for the 1–3 December is due Friday 4 December, 09:00');
  });

  it('escapes hostile names for HTML and Slack and keeps them verbatim in text', () => {
    const message = renderReminder(
      {
        ...data,
        repName: HOSTILE,
        expectations: [{ name: HOSTILE, measuredText: HOSTILE }],
      },
      links,
    );
    expectSafe(message);
    expect(message.html).toContain(`Hi ${HOSTILE_HTML},`);
    expect(message.slack).toContain(`Hi ${HOSTILE_SLACK},`);
    expect(message.text).toContain(`Hi ${HOSTILE},`);
    expect(message.text.split(HOSTILE).length - 1).toBe(3);
  });

  it('refuses a link that is not http(s)', () => {
    expect(() => renderReminder({ ...data, reportUrl: 'javascript:alert(1)' }, links)).toThrow(/http\(s\)/);
  });
});

describe('overdue', () => {
  it('tells the rep plainly and kindly, with the way back in', () => {
    const message = renderOverdue(
      {
        repName: HOSTILE,
        dueAtText: 'Monday 7 December, 09:00 (Europe/Berlin)',
        windowText: 'week of 30 November',
        expectations: [{ name: 'Second meetings' }, { name: HOSTILE }],
        reportUrl: 'https://rightly.example.com/reports/new',
      },
      links,
    );
    expect(message.subject).toBe('Your report for the week of 30 November is overdue');
    expect(message.text).toContain('was due Monday 7 December, 09:00 (Europe/Berlin)');
    expect(message.text).toContain('  - Second meetings');
    expect(message.slack).toContain('• Second meetings');
    expect(message.html).toContain('href="https://rightly.example.com/reports/new"');
    expect(message.html).toContain(`<li style="margin:0 0 10px">${HOSTILE_HTML}</li>`);
    expectSafe(message);
    expectFooter(message);
  });
});

describe('digest', () => {
  const full: DigestData = {
    leaderName: 'Lea',
    weekText: 'week of 23 November 2026',
    teamName: 'Berlin',
    matrixChanges: [{ repName: 'Ben', right: 'way', from: 'on track', to: 'off track' }],
    needsHelp: [
      {
        repName: 'Ben',
        rightsOffTrack: ['thing', 'time'],
        streak: 3,
        nextStep: 'Shorten reporting to twice a week',
        evidence: 'No first meetings booked in 3 weeks',
      },
      { repName: 'Cara', rightsOffTrack: ['way'], streak: 1, nextStep: 'Ride along', evidence: '1 of 9 to second' },
    ],
    overdueReports: [
      { repName: 'Dan', windowText: 'week of 16 November', dueAtText: 'Monday 23 November, 09:00 (Europe/Berlin)' },
    ],
    discrepancies: [{ repName: 'Eve', expectationName: 'First meetings', reported: '5', measured: '3 in the CRM' }],
    reportsUrl: 'https://rightly.example.com/reports',
    teamUrl: 'https://rightly.example.com/teams/berlin',
  };

  it('counts who needs help and what is overdue in the subject', () => {
    const message = renderDigest(full, links);
    expect(message.subject).toBe('Team digest: 2 reps need help, 1 report overdue (week of 23 November 2026)');
    expect(renderDigest({ ...full, needsHelp: full.needsHelp.slice(1), overdueReports: [] }, links).subject).toBe(
      'Team digest: 1 rep needs help, no reports overdue (week of 23 November 2026)',
    );
  });

  it('lists every section with its people, rights, next steps and links', () => {
    const message = renderDigest(full, links);
    expect(message.text).toContain('Ben — off track on the right thing and the right time, 3 in a row');
    expect(message.text).toContain('Next step: Shorten reporting to twice a week');
    expect(message.text).toContain('Evidence: No first meetings booked in 3 weeks');
    expect(message.text).toContain('Cara — off track on the right way\n');
    expect(message.text).toContain('Dan — week of 16 November, was due Monday 23 November, 09:00 (Europe/Berlin)');
    expect(message.text).toContain('Eve — First meetings: reported 5, measured 3 in the CRM');
    expect(message.text).toContain('Ben — the right way: on track → off track');
    expect(message.slack).toContain('• *Ben* — off track on the right thing and the right time, 3 in a row');
    expect(message.html).toContain('<strong>Ben</strong> — off track on the right thing and the right time');
    for (const url of [full.teamUrl, full.reportsUrl]) {
      expect(message.text).toContain(url);
      expect(message.html).toContain(`href="${url}"`);
      expect(message.slack).toContain(`<${url}|`);
    }
    expect(message.text).not.toMatch(/^No /m);
    expectFooter(message);
  });

  it('says so in one line when a section is empty', () => {
    const message = renderDigest(
      { ...full, matrixChanges: [], needsHelp: [], overdueReports: [], discrepancies: [] },
      links,
    );
    expect(message.subject).toBe('Team digest: no reps need help, no reports overdue (week of 23 November 2026)');
    for (const line of [
      'No rep needs help.',
      'No overdue reports.',
      'No differences between self-reports and CRM data.',
      'No changes in the matrix.',
    ]) {
      expect(message.text).toContain(`\n${line}\n`);
      expect(message.html).toContain(`<p style="margin:0 0 16px">${line}</p>`);
      expect(message.slack).toContain(line);
    }
  });

  it('escapes every user-supplied field', () => {
    const message = renderDigest(
      {
        ...full,
        leaderName: HOSTILE,
        teamName: HOSTILE,
        matrixChanges: [{ repName: HOSTILE, right: 'time', from: HOSTILE, to: HOSTILE }],
        needsHelp: [{ repName: HOSTILE, rightsOffTrack: [HOSTILE], streak: 2, nextStep: HOSTILE, evidence: HOSTILE }],
        overdueReports: [{ repName: HOSTILE, windowText: HOSTILE, dueAtText: HOSTILE }],
        discrepancies: [{ repName: HOSTILE, expectationName: HOSTILE, reported: HOSTILE, measured: HOSTILE }],
      },
      links,
    );
    expectSafe(message);
    expect(message.html).toContain(`<title>${message.subject}</title>`);
    expect(message.html).toContain(`Hi ${HOSTILE_HTML},`);
    expect(message.html).toContain(`Next step: ${HOSTILE_HTML}`);
    expect(message.slack).toContain(`Evidence: ${HOSTILE_SLACK}`);
    // 16 fields, the team name twice (greeting and "Why you get this"), all verbatim in plain text.
    expect(message.text.split(HOSTILE).length - 1).toBe(17);
  });
});
