import { z } from 'zod';
import { idSchema } from './common';

export const teamsResponseSchema = z.object({
  teams: z.array(
    z.object({
      id: idSchema,
      name: z.string(),
      parentId: idSchema.nullable(),
      leader: z.object({ id: idSchema, name: z.string() }).nullable(),
    }),
  ),
});
export type TeamsResponse = z.infer<typeof teamsResponseSchema>;
