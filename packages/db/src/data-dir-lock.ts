import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { AppError } from '@rightly/core';

/**
 * One process may own an embedded database folder: two PGlite instances on one folder corrupt it.
 * The lock is a file created exclusively (O_EXCL). It names its owner so the next process can say
 * who holds it, and it is taken over only when that owner is provably gone (same host, process
 * dead, or its pid now belongs to a process started later).
 */
export interface LockOwner {
  pid: number;
  hostname: string;
  /** Kernel start time of the owning process (Linux), to tell a reused pid from the owner. */
  processStart: string | null;
  command: string;
  acquiredAt: string;
}

export interface DataDirLock {
  path: string;
  release(): void;
}

const LOCK_FILE = 'rightly.lock';

export function lockFilePath(dataDir: string): string {
  return join(dataDir, LOCK_FILE);
}

export function acquireDataDirLock(params: { dataDir: string; command: string }): DataDirLock {
  mkdirSync(params.dataDir, { recursive: true });
  const path = lockFilePath(params.dataDir);
  const me: LockOwner = {
    pid: process.pid,
    hostname: hostname(),
    processStart: processStartTime(process.pid),
    command: params.command,
    acquiredAt: new Date().toISOString(),
  };
  // Two attempts: the second follows the removal of a stale lock.
  for (let attempt = 0; attempt < 2; attempt++) {
    if (tryCreate(path, me)) return { path, release: () => releaseIfOwned(path) };
    const owner = readOwner(path);
    if (owner && isAlive(owner)) throw lockedError(params.dataDir, owner);
    removeStale(path);
  }
  const owner = readOwner(path);
  throw lockedError(params.dataDir, owner);
}

function tryCreate(path: string, owner: LockOwner): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify(owner));
  } finally {
    closeSync(fd);
  }
  return true;
}

export function readOwner(path: string): LockOwner | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockOwner;
  } catch {
    // Missing, or half-written by a process killed mid-write: either way nobody we can name.
    return null;
  }
}

function isAlive(owner: LockOwner): boolean {
  // A lock from another host (shared folder) cannot be checked; treat it as held.
  if (owner.hostname !== hostname()) return true;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  const start = processStartTime(owner.pid);
  return owner.processStart === null || start === null || start === owner.processStart;
}

function removeStale(path: string): void {
  // Move the stale file aside (atomic) and look at what was moved: if another process took the
  // lock in the meantime, the file is theirs and alive, so it goes back.
  const aside = `${path}.stale-${process.pid}`;
  try {
    renameSync(path, aside);
  } catch {
    return;
  }
  const moved = readOwner(aside);
  if (moved && isAlive(moved)) {
    renameSync(aside, path);
    return;
  }
  rmSync(aside, { force: true });
}

function releaseIfOwned(path: string): void {
  const owner = readOwner(path);
  if (owner?.pid === process.pid && owner.hostname === hostname()) rmSync(path, { force: true });
}

function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime) follows the command name, which may itself contain spaces or ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

function lockedError(dataDir: string, owner: LockOwner | null): AppError {
  const who = owner
    ? `process ${owner.pid} (${owner.command}) on ${owner.hostname}, since ${owner.acquiredAt}`
    : 'another process';
  return new AppError({
    code: 'data_dir_locked',
    message:
      `The embedded database in ${dataDir} is in use by ${who}. ` +
      'Only one process can open it at a time. Stop that process first, or run this command ' +
      'against PostgreSQL by setting DATABASE_URL.',
  });
}
