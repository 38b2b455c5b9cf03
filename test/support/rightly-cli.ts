import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Runs the real `rightly` binary in child processes, as a user or a script would. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = fileURLToPath(new URL('../../apps/cli/bin/rightly.js', import.meta.url));

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
  /** SIGTERM, then SIGKILL if it has not exited after 15 s; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Starts `rightly serve` and resolves once it has printed its whole start-up banner. */
export function startServe(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<RunningCli> {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], { cwd: REPO_ROOT, env: options.env ?? cleanEnv() });
  let out = '';
  const exited = new Promise<number | null>((r) => child.on('close', r));
  const stop = async (): Promise<number | null> => {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    const code = await exited;
    clearTimeout(timer);
    return code;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`rightly serve was not ready within ${options.timeoutMs ?? 120_000} ms:\n${out}`));
    }, options.timeoutMs ?? 120_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      // The banner ends with the stop hint; wait for all of it.
      const match = /Rightly is running at (http:\/\/\S+)[\s\S]*Stop with Ctrl\+C\./.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1], output: () => out, stop });
      }
    });
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`rightly serve exited with ${code} before it was ready:\n${out}`));
    });
  });
}
