import { z } from 'zod';
import { idSchema, isoDateSchema } from './common';

export const rosterQuerySchema = z.object({
  weeks: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(4, 'must be at least 4')
    .max(52, 'must be at most 52')
    .default(12),
});

const named = z.object({ id: idSchema, name: z.string() });

export const rosterEntrySchema = z.object({
  rep: z.object({ id: idSchema, name: z.string(), email: z.string() }),
  team: named.nullable(),
  leader: named.nullable(),
  activitiesLast4Weeks: z.number().int(),
  meetingsHeldLast4Weeks: z.number().int(),
  weekly: z.array(z.object({ weekStart: isoDateSchema, activities: z.number().int(), meetingsHeld: z.number().int() })),
});

export const rosterSchema = z.object({
  asOf: isoDateSchema,
  weekStarts: z.array(isoDateSchema),
  reps: z.array(rosterEntrySchema),
});
export type RosterResponse = z.infer<typeof rosterSchema>;
export type RosterEntryResponse = z.infer<typeof rosterEntrySchema>;
