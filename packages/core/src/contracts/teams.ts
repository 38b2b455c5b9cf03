import { z } from 'zod';
import { idSchema } from './common';

export const teamSchema = z.object({
  id: idSchema,
  name: z.string(),
  parentId: idSchema.nullable(),
  leader: z.object({ id: idSchema, name: z.string() }).nullable(),
});
export type Team = z.infer<typeof teamSchema>;

export const teamsResponseSchema = z.object({ teams: z.array(teamSchema) });
export type TeamsResponse = z.infer<typeof teamsResponseSchema>;
