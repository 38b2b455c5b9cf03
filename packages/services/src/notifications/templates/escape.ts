/**
 * Names, comments and expectation titles come from people and CRM imports, so every value that
 * reaches HTML or Slack goes through one of these. Plain text needs no escaping: it is shown
 * as written.
 */

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe in element content and in quoted attribute values alike. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ENTITIES[char] ?? char);
}

/**
 * Slack's mrkdwn rule: only `&`, `<` and `>` are control characters, so only they are escaped.
 * This also keeps a name like `<!channel>` from pinging everyone.
 */
export function escapeSlack(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Links in messages are ours (built from PUBLIC_URL), but a `javascript:` or relative URL would
 * still be a bug worth failing loudly on rather than sending.
 */
export function checkedHref(url: string): string {
  if (!/^https?:\/\/[^\s]+$/i.test(url)) {
    throw new Error(`A notification link must be an absolute http(s) URL, got ${JSON.stringify(url)}.`);
  }
  return url;
}
