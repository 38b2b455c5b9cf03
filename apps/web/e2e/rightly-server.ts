import { dirname } from 'node:path';
import { rmSync } from 'node:fs';
import { copyOfDemoDataDir } from '../../../test/support/demo-data-dir';
import { cleanEnv, startServe } from '../../../test/support/rightly-cli';

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the real `rightly serve` on a free port, on a private copy of the seeded demo folder
 * (made once per run by the suite's global setup), so each browser suite starts in seconds.
 */
export async function startRightlyServer(params: {
  timeoutMs: number;
  /** Extra environment, e.g. SMTP_URL for a suite that catches e-mail. */
  env?: Record<string, string>;
}): Promise<RunningServer> {
  const dataDir = copyOfDemoDataDir('rightly-e2e-data-');
  const remove = (): void => rmSync(dirname(dataDir), { recursive: true, force: true });
  try {
    const server = await startServe(['--port', '0', '--data-dir', dataDir], {
      timeoutMs: params.timeoutMs,
      ...(params.env ? { env: cleanEnv(params.env) } : {}),
    });
    return {
      url: server.url,
      stop: async () => {
        await server.stop();
        // Only after the process is gone: removing the folder under a live database would corrupt the run.
        remove();
      },
    };
  } catch (error) {
    remove();
    throw error;
  }
}
