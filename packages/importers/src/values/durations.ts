export type DurationUnit = 'seconds' | 'milliseconds' | 'minutes';

/**
 * A call's length in whole seconds: a number in the export's unit (Salesforce: seconds, HubSpot:
 * milliseconds), or a clock form ("1:02:03"). A two-part clock is minutes:seconds, except where
 * the unit is minutes (Pipedrive writes "01:30" for an hour and a half). Null when it is not a duration.
 */
export function parseDuration(value: string, unit: DurationUnit): number | null {
  const text = value.trim();
  const clock = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(text);
  if (clock) {
    if (clock[1] === undefined && unit === 'minutes') return Number(clock[2]) * 3600 + Number(clock[3]) * 60;
    return Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
  }
  const number = Number(text.replace(/[\s,]/g, ''));
  if (!Number.isFinite(number) || number < 0 || text === '') return null;
  const seconds = unit === 'milliseconds' ? number / 1000 : unit === 'minutes' ? number * 60 : number;
  return Math.round(seconds);
}
