import type { FormatSpec } from './format-spec';
import { hubspotActivities, hubspotDeals } from './hubspot';
import { pipedriveActivities, pipedriveDeals } from './pipedrive';
import { offeringList, roster } from './roster-and-offerings';
import { salesforceActivities, salesforceOpportunities } from './salesforce';

/** Every export Rightly reads without a mapping, most specific first. */
export const FORMATS: readonly FormatSpec[] = [
  pipedriveActivities,
  pipedriveDeals,
  hubspotActivities,
  hubspotDeals,
  salesforceActivities,
  salesforceOpportunities,
  roster,
  offeringList,
];
