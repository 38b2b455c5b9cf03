import type { ServiceDeps } from '../deps';

/** Use cases that issue or check sessions also need the secret that keys the stored HMACs. */
export interface SessionDeps extends ServiceDeps {
  sessionSecret: string;
}
