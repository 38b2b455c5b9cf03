import { readFileSync } from 'node:fs';

/** The version in the root package.json: one number for the API, the CLI and the UI footer. */
export const RIGHTLY_VERSION: string = (
  JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
