import { checkedHref, escapeHtml, escapeSlack } from './escape';

/** Where a message's links point. `appUrl` has no trailing slash. */
export interface MessageLinks {
  appUrl: string;
  unsubscribeUrl: string;
}

/** One message in every form a channel needs. */
export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
  /** Slack mrkdwn. */
  slack: string;
}

/*
 * Templates describe a message once, as blocks of plain strings; the three renderers below
 * turn that into text, HTML and Slack. Escaping happens in the renderers only, so a template
 * cannot forget it for one of the formats.
 */
export type Inline = string | { strong: string } | { label: string; href: string } | typeof LINE_BREAK;
export type Block =
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'heading'; text: string }
  | { kind: 'list'; items: Inline[][] }
  | { kind: 'action'; label: string; href: string };

export interface MessageDoc {
  subject: string;
  blocks: Block[];
  /** Completes "Why you get this: …". */
  reason: string;
}

export const LINE_BREAK = { lineBreak: true } as const;
export const strong = (text: string): Inline => ({ strong: text });
export const link = (label: string, href: string): Inline => ({ label, href });
export const paragraph = (...content: Inline[]): Block => ({ kind: 'paragraph', content });
export const heading = (text: string): Block => ({ kind: 'heading', text });
export const list = (items: Inline[][]): Block => ({ kind: 'list', items });
export const action = (label: string, href: string): Block => ({ kind: 'action', label, href });

export function renderMessage(doc: MessageDoc, links: MessageLinks): RenderedMessage {
  const footer = {
    reason: doc.reason,
    unsubscribe: checkedHref(links.unsubscribeUrl),
    settings: checkedHref(`${links.appUrl}/settings/notifications`),
  };
  return {
    subject: doc.subject,
    text: renderText(doc.blocks, footer),
    html: renderHtml(doc.subject, doc.blocks, footer),
    slack: renderSlack(doc.blocks, footer),
  };
}

interface Footer {
  reason: string;
  unsubscribe: string;
  settings: string;
}

function inlineText(part: Inline): string {
  if (typeof part === 'string') return part;
  if ('lineBreak' in part) return '\n    ';
  if ('strong' in part) return part.strong;
  return `${part.label} (${checkedHref(part.href)})`;
}

function renderText(blocks: Block[], footer: Footer): string {
  const body = blocks.map((block) => {
    switch (block.kind) {
      case 'paragraph':
        return block.content.map(inlineText).join('');
      case 'heading':
        return `${block.text}\n${'-'.repeat(block.text.length)}`;
      case 'list':
        return block.items.map((item) => `  - ${item.map(inlineText).join('')}`).join('\n');
      case 'action':
        return `${block.label}: ${checkedHref(block.href)}`;
    }
  });
  // "-- " (with the space) is the signature separator mail clients recognise and fold away.
  const signature = [
    '-- ',
    `Why you get this: ${footer.reason}`,
    `Unsubscribe: ${footer.unsubscribe}`,
    `Manage notification settings: ${footer.settings}`,
  ].join('\n');
  return `${[...body, signature].join('\n\n')}\n`;
}

const FONT = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
const LINK_STYLE = 'color:#1d4ed8;text-decoration:underline';
const BUTTON_STYLE =
  'display:inline-block;background:#1d4ed8;color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none;font-weight:600';

function inlineHtml(part: Inline): string {
  if (typeof part === 'string') return escapeHtml(part);
  if ('lineBreak' in part) return '<br>';
  if ('strong' in part) return `<strong>${escapeHtml(part.strong)}</strong>`;
  return `<a href="${escapeHtml(checkedHref(part.href))}" style="${LINK_STYLE}">${escapeHtml(part.label)}</a>`;
}

function renderHtml(subject: string, blocks: Block[], footer: Footer): string {
  const body = blocks.map((block) => {
    switch (block.kind) {
      case 'paragraph':
        return `<p style="margin:0 0 16px">${block.content.map(inlineHtml).join('')}</p>`;
      case 'heading':
        return `<h2 style="font-size:18px;line-height:1.3;margin:28px 0 8px">${escapeHtml(block.text)}</h2>`;
      case 'list': {
        const items = block.items.map((item) => `<li style="margin:0 0 10px">${item.map(inlineHtml).join('')}</li>`);
        return `<ul style="margin:0 0 16px;padding-left:20px">${items.join('')}</ul>`;
      }
      case 'action':
        return `<p style="margin:24px 0"><a href="${escapeHtml(checkedHref(block.href))}" style="${BUTTON_STYLE}">${escapeHtml(block.label)}</a></p>`;
    }
  });
  const foot = [
    '<footer style="border-top:1px solid #d4d4d8;margin-top:32px;padding-top:16px;font-size:13px;color:#52525b">',
    `<p style="margin:0 0 8px"><strong>Why you get this:</strong> ${escapeHtml(footer.reason)}</p>`,
    `<p style="margin:0"><a href="${escapeHtml(footer.unsubscribe)}" style="${LINK_STYLE}">Unsubscribe</a>`,
    ` · <a href="${escapeHtml(footer.settings)}" style="${LINK_STYLE}">Manage notification settings</a></p>`,
    '</footer>',
  ].join('');
  // One column, no layout tables: reads the same in a screen reader, a phone and a desktop client.
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">',
    `<title>${escapeHtml(subject)}</title></head>`,
    `<body style="margin:0;padding:0;background:#ffffff;color:#18181b;${FONT};font-size:16px;line-height:1.5">`,
    `<div role="article" aria-label="${escapeHtml(subject)}" style="max-width:600px;margin:0 auto;padding:24px 16px">`,
    ...body,
    foot,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** `<url|label>`; a `|` in the URL would end it early, and it is never meaningful there unencoded. */
function slackLink(label: string, href: string): string {
  return `<${escapeSlack(checkedHref(href).replace(/\|/g, '%7C'))}|${escapeSlack(label)}>`;
}

function inlineSlack(part: Inline): string {
  if (typeof part === 'string') return escapeSlack(part);
  if ('lineBreak' in part) return '\n   ';
  if ('strong' in part) return `*${escapeSlack(part.strong)}*`;
  return slackLink(part.label, part.href);
}

function renderSlack(blocks: Block[], footer: Footer): string {
  const body = blocks.map((block) => {
    switch (block.kind) {
      case 'paragraph':
        return block.content.map(inlineSlack).join('');
      case 'heading':
        return `*${escapeSlack(block.text)}*`;
      case 'list':
        return block.items.map((item) => `• ${item.map(inlineSlack).join('')}`).join('\n');
      case 'action':
        return slackLink(block.label, block.href);
    }
  });
  const foot =
    `Why you get this: ${escapeSlack(footer.reason)} ` +
    `${slackLink('Unsubscribe', footer.unsubscribe)} · ${slackLink('Notification settings', footer.settings)}`;
  return [...body, foot].join('\n\n');
}
