import { EXPECTATION_TEMPLATES, type IsoDate, type SeededRandom } from '@rightly/core';
import type { DemoExpectation } from './generate-demo-org';

/**
 * The demo's expectations, adopted from the playbook templates for every rep, with targets a
 * steady demo rep meets: about 2.5 first meetings booked a week by phone, and 40% of new
 * pipeline in the strategic offerings. They are what the archetypes miss.
 */
const TARGETS: Record<string, { target: number; tune?: (e: DemoExpectation['input']) => DemoExpectation['input'] }> = {
  weekly_prospecting: {
    target: 2,
    tune: (e) => ({
      ...e,
      way: [{ metric: 'phone_share_of_prospecting', comparator: 'at_least', bound: { kind: 'absolute', value: 55 } }],
    }),
  },
  strategic_mix: {
    target: 25,
    tune: (e) => ({ ...e, note: 'A quarter of new pipeline in strategic offerings (services).' }),
  },
  self_reports_on_time: { target: 90 },
};

export function demoExpectations(
  rng: SeededRandom,
  dates: { startsOn: IsoDate; selfReportsFrom: IsoDate },
): DemoExpectation[] {
  const { startsOn } = dates;
  return EXPECTATION_TEMPLATES.flatMap((template) => {
    const chosen = TARGETS[template.key];
    if (!chosen) return [];
    const input: DemoExpectation['input'] = {
      ...template.defaults,
      scope: { kind: 'role', role: 'rep' },
      target: chosen.target,
      startsOn,
      time: {
        ...template.defaults.time,
        selfReportFrom: template.defaults.time.selfReport ? dates.selfReportsFrom : null,
      },
    };
    return [{ id: rng.uuid(), template: template.key, input: chosen.tune ? chosen.tune(input) : input }];
  });
}
