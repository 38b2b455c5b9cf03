import type { ImportPhase } from '@rightly/core';
import { updateImport, type Database } from '@rightly/db';

export interface ImportProgressEvent {
  phase: ImportPhase;
  bytesRead: number;
  fileBytes: number;
  rowsRead: number;
}

/** Progress is written to the import row at most this often; readers poll it. */
const WRITE_EVERY_MS = 1_000;

/**
 * Tracks how far an import is, tells the caller at once (the CLI's bar) and the import row now
 * and then (the web app polls it). Never more than one write in flight, and none once writing
 * starts: on the embedded database the merge transaction would make it wait.
 */
export class ImportProgress {
  bytesRead = 0;
  rowsRead = 0;
  phase: ImportPhase = 'reading';
  private lastWrite = 0;
  private inFlight: Promise<void> | null = null;

  constructor(
    private readonly db: Database,
    private readonly ids: { orgId: string; importId: string },
    private readonly fileBytes: number,
    private readonly listener: ((event: ImportProgressEvent) => void) | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  tell(): void {
    this.listener?.({
      phase: this.phase,
      bytesRead: this.bytesRead,
      fileBytes: this.fileBytes,
      rowsRead: this.rowsRead,
    });
    if (this.inFlight || this.now() - this.lastWrite < WRITE_EVERY_MS) return;
    this.lastWrite = this.now();
    this.inFlight = this.write().finally(() => {
      this.inFlight = null;
    });
  }

  /** Writes the phase change now (after any write in flight). */
  async enter(phase: ImportPhase): Promise<void> {
    this.phase = phase;
    this.listener?.({ phase, bytesRead: this.bytesRead, fileBytes: this.fileBytes, rowsRead: this.rowsRead });
    await this.inFlight;
    await this.write();
  }

  private async write(): Promise<void> {
    // Progress is a courtesy to whoever watches; a failed write of it must not fail the import.
    await updateImport(this.db, {
      ...this.ids,
      set: { phase: this.phase, bytesRead: this.bytesRead, rowsRead: this.rowsRead },
    }).catch(() => undefined);
  }
}
