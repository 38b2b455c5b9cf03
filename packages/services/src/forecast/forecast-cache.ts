import type { ForecastData } from '@rightly/core';
import { getDataVersion, loadForecastData, type Database } from '@rightly/db';
import { createForecastProvider, type ForecastProvider } from './forecast-provider';

interface Entry {
  version: number;
  data: ForecastData;
  provider: ForecastProvider;
}

/** Orgs kept per database; the least recently used one goes first. */
const MAX_ORGS = 50;
const caches = new WeakMap<Database, Map<string, Entry>>();

/**
 * Forecast inputs and the models built from them, kept while the org's data version stands. A
 * leader reloading the Team page does not reread every opportunity; any write to activities or
 * opportunities bumps the version (in the database, so every server instance sees it).
 */
export async function forecastInputs(
  db: Database,
  org: { id: string; timeZone: string },
): Promise<{ data: ForecastData; provider: ForecastProvider }> {
  const version = (await getDataVersion(db, { orgId: org.id })) ?? 0;
  let orgs = caches.get(db);
  if (!orgs) {
    orgs = new Map();
    caches.set(db, orgs);
  }
  const hit = orgs.get(org.id);
  if (hit && hit.version === version) {
    orgs.delete(org.id);
    orgs.set(org.id, hit);
    return hit;
  }
  const data = await loadForecastData(db, { orgId: org.id, timeZone: org.timeZone });
  const entry = { version, data, provider: createForecastProvider(data) };
  orgs.delete(org.id);
  orgs.set(org.id, entry);
  if (orgs.size > MAX_ORGS) orgs.delete(orgs.keys().next().value as string);
  return entry;
}
