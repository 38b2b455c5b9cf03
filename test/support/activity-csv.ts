import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';

/**
 * Writes a large, realistic activities export (HubSpot calls/meetings columns, record ids, ISO
 * times) for the kill test and the import benchmark: ~200 bytes a row, owners cycling through
 * `owners`, 50,000 accounts, one meeting in ten held, dates spread over 500 days.
 */
export async function writeActivityCsv(params: {
  path: string;
  rows: number;
  owners: readonly string[];
}): Promise<number> {
  const out = createWriteStream(params.path);
  const outcomes = ['Connected', 'No answer', 'Left voicemail', 'Busy'];
  out.write(
    'Record ID,Activity type,Call Title,Activity date,Activity assigned to,Call outcome,Call direction,Call duration,Associated Company,Associated Deal\r\n',
  );
  const start = Date.UTC(2025, 0, 1, 13, 0, 0);
  let buffer = '';
  for (let i = 0; i < params.rows; i++) {
    const meeting = i % 10 === 0;
    const at = new Date(start + (i % 500) * 86_400_000 + (i % 480) * 60_000).toISOString();
    const owner = params.owners[i % params.owners.length] ?? '';
    buffer +=
      `${9_000_000_000 + i},${meeting ? 'Meeting' : 'Call'},"Follow-up ${meeting ? 'meeting' : 'call'} about the renewal, pricing and rollout plan",` +
      `${at},${owner},${meeting ? 'Completed' : outcomes[i % 4]},Outbound,${(i % 600) * 1000},` +
      `Bench Account ${i % 50_000} Holdings,${i % 7 === 0 ? `Bench Deal ${i % 3_000}` : ''}\r\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      buffer = '';
    }
  }
  out.end(buffer);
  await finished(out);
  return params.rows;
}
