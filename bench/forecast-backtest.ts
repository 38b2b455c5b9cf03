// Back-tests the forecast on the demo organization: at each month end, forecast the next six
// months from what was known that day, then compare with what actually closed.
// Usage: npm run backtest:forecast [-- --as-of 2026-11-27]
import { addMonths, buildHistoryModel, forecastRep, splitByRep, type ForecastData } from '@rightly/core';
import { listOrganizations, loadForecastData, openMemoryDatabase } from '@rightly/db';
import { seedDemoOrg } from '@rightly/services';

const asOfArg = process.argv.indexOf('--as-of');
const asOf = new Date(`${asOfArg > 0 ? process.argv[asOfArg + 1] : '2026-11-27'}T20:00:00Z`);
const HORIZON = 6;

const handle = await openMemoryDatabase();
await handle.migrate();
await seedDemoOrg({ db: handle.db, now: () => asOf });
const [org] = await listOrganizations(handle.db);
if (!org) throw new Error('demo organization missing');
const data = await loadForecastData(handle.db, { orgId: org.id, timeZone: org.timeZone });
await handle.close();

const byRep = splitByRep(data);
const won = (repIds: Set<string> | null, month: string) =>
  data.opportunities
    .filter((o) => o.status === 'won' && o.closedDay?.startsWith(month) && (!repIds || repIds.has(o.repId)))
    .reduce((s, o) => s + o.amount, 0);

// Forecasts are made at month ends with at least 9 months of history before and 6 months after.
const first = addMonths(
  `${data.opportunities.reduce((m, o) => (o.createdDay < m ? o.createdDay : m), '9999-12-31').slice(0, 7)}-01`,
  9,
);
const lastMonth = addMonths(`${asOf.toISOString().slice(0, 7)}-01`, -HORIZON);
const origins: string[] = [];
for (let m = first; m < lastMonth; m = addMonths(m, 1)) origins.push(addMonths(m, 1));

const orgErr = Array(HORIZON).fill(0);
const orgAct = Array(HORIZON).fill(0);
const repErr = Array(HORIZON).fill(0);
const repAct = Array(HORIZON).fill(0);
const rows: string[] = [];
for (const origin of origins) {
  const madeOn = new Date(Date.parse(`${origin}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const model = buildHistoryModel(data, madeOn);
  const totals = Array(HORIZON).fill(0);
  let months: string[] = [];
  for (const [repId, repData] of byRep) {
    const f = forecastRep({ data: repData as ForecastData, model, repId, months: HORIZON });
    months = f.months.map((m) => m.month);
    f.months.forEach((m, h) => {
      totals[h] += m.total;
      const actual = won(new Set([repId]), m.month);
      repErr[h] += Math.abs(m.total - actual);
      repAct[h] += actual;
    });
  }
  months.forEach((month, h) => {
    const actual = won(null, month);
    orgErr[h] += Math.abs(totals[h] - actual);
    orgAct[h] += actual;
  });
  rows.push(
    `${madeOn}  ${months.map((m, h) => `${m}: ${(totals[h] / 1000).toFixed(0)}k/${(won(null, m) / 1000).toFixed(0)}k`).join('  ')}`,
  );
}
console.log(
  `Forecast back-test on the demo organization (seeded as of ${asOf.toISOString().slice(0, 10)}), ${origins.length} forecasts\n`,
);
console.log('made on      month: forecast/actual (org total)');
for (const r of rows) console.log(r);
console.log('\nWAPE (sum of |forecast − actual| / sum of actual), by months ahead:');
console.log(`months ahead   ${Array.from({ length: HORIZON }, (_, h) => String(h + 1).padStart(6)).join('')}`);
console.log(`org total      ${orgErr.map((e, h) => `${((100 * e) / orgAct[h]).toFixed(0)}%`.padStart(6)).join('')}`);
console.log(`per rep        ${repErr.map((e, h) => `${((100 * e) / repAct[h]).toFixed(0)}%`.padStart(6)).join('')}`);
