import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = fileURLToPath(new URL('../bin/rightly.js', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment a user would have: none of the test runner's database settings leak in. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const inherited = ['DATABASE_URL', 'TEST_DATABASE_URL', 'PORT', 'RIGHTLY_DATA_DIR'];
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !inherited.includes(key)));
  return { ...base, LOG_LEVEL: 'warn', ...extra };
}

export function runCli(args: string[], env: NodeJS.ProcessEnv = cleanEnv()): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface RunningCli {
  child: ChildProcess;
  url: string;
  output: () => string;
  stop(): Promise<number | null>;
}

/** Starts `rightly serve` and resolves once it has printed its whole start-up banner. */
export function startServe(args: string[], env: NodeJS.ProcessEnv = cleanEnv()): Promise<RunningCli> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve', ...args], { cwd: REPO_ROOT, env });
    let out = '';
    const exited = new Promise<number | null>((r) => child.on('close', r));
    const onData = (d: Buffer): void => {
      out += d.toString();
      // The banner ends with the stop hint; wait for all of it.
      const match = /Rightly is running at (http:\/\/\S+)[\s\S]*Stop with Ctrl\+C\./.exec(out);
      if (match?.[1]) {
        resolve({
          child,
          url: match[1],
          output: () => out,
          stop: async () => {
            child.kill('SIGTERM');
            return exited;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    void exited.then((code) => reject(new Error(`rightly serve exited with ${code} before listening:\n${out}`)));
  });
}
