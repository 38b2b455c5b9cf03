import { AppError, isAppError } from '@rightly/core';
import { loadConfig, type Config } from '@rightly/services';

/** Command-line flags that stand in for environment variables; a flag wins over its variable. */
export interface ConfigFlags {
  port?: string;
  host?: string;
  dataDir?: string;
  /** `--no-demo` sets this to false. */
  demo?: boolean;
}

const FLAGS = [
  { key: 'port', variable: 'PORT', flag: '--port' },
  { key: 'host', variable: 'HOST', flag: '--host' },
  { key: 'dataDir', variable: 'RIGHTLY_DATA_DIR', flag: '--data-dir' },
] as const;

export function configFrom(env: NodeJS.ProcessEnv, flags: ConfigFlags): Config {
  const merged: Record<string, string | undefined> = { ...env };
  for (const f of FLAGS) if (flags[f.key] !== undefined) merged[f.variable] = flags[f.key];
  if (flags.demo === false) merged.RIGHTLY_DEMO = 'off';
  try {
    return loadConfig(merged);
  } catch (error) {
    if (!isAppError(error) || error.code !== 'config_invalid') throw error;
    // Name what the user typed: `--port` when the bad value came from the flag.
    const issues = error.issues.map((issue) => {
      const f = FLAGS.find((x) => x.variable === issue.field);
      return f && flags[f.key] !== undefined ? { ...issue, field: f.flag } : issue;
    });
    throw new AppError({
      code: 'config_invalid',
      message: issues.map((i) => `${i.field} ${i.message}`).join('; '),
      issues,
    });
  }
}
