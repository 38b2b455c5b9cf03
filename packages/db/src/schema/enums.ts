import { ACTIVITY_CHANNELS, ACTIVITY_OUTCOMES, ACTIVITY_TYPES, OPPORTUNITY_STATUSES, USER_ROLES } from '@rightly/core';
import { pgEnum } from 'drizzle-orm/pg-core';

// The enums take their values from core so the database can never hold a word the domain lacks.
export const userRole = pgEnum('user_role', USER_ROLES);
export const activityType = pgEnum('activity_type', ACTIVITY_TYPES);
export const activityChannel = pgEnum('activity_channel', ACTIVITY_CHANNELS);
export const activityOutcome = pgEnum('activity_outcome', ACTIVITY_OUTCOMES);
export const opportunityStatus = pgEnum('opportunity_status', OPPORTUNITY_STATUSES);
