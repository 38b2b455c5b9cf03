import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServe } from '../../../test/support/rightly-cli';

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the real `rightly serve` on a free port with a fresh embedded database. The first start
 * creates the database and seeds the demo organization, which takes 15–25 s.
 */
export async function startRightlyServer(params: { timeoutMs: number }): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rightly-e2e-data-'));
  const remove = (): void => rmSync(dataDir, { recursive: true, force: true });
  try {
    const server = await startServe(['--port', '0', '--data-dir', dataDir], { timeoutMs: params.timeoutMs });
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
