import { insertImportErrors, type Database, type ImportRowError } from '@rightly/db';
import type { RowError } from '@rightly/importers';

/** Rows of the error report kept per import; the rejected count stays exact beyond it. */
export const MAX_STORED_ERRORS = 50_000;
const FLUSH_EVERY = 1_000;

/**
 * Collects row errors and writes them to the error report as they come, in pages, outside the
 * import's transaction: a rejected import keeps its report.
 */
export class ErrorSink {
  private buffer: ImportRowError[] = [];
  private stored = 0;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly ids: { orgId: string; importId: string },
  ) {}

  get count(): number {
    return this.stored + this.buffer.length;
  }

  add(errors: readonly RowError[]): void {
    for (const error of errors) {
      if (this.count >= MAX_STORED_ERRORS) return;
      this.buffer.push({
        orgId: this.ids.orgId,
        importId: this.ids.importId,
        seq: this.count,
        line: error.line,
        column: error.column,
        value: error.value,
        reason: error.reason,
        fix: error.fix,
      });
    }
    if (this.buffer.length >= FLUSH_EVERY) this.startFlush();
  }

  /** Everything added so far is stored once this resolves. */
  async flush(): Promise<void> {
    this.startFlush();
    await this.writing;
  }

  private startFlush(): void {
    if (this.buffer.length === 0) return;
    const page = this.buffer;
    this.stored += page.length;
    this.buffer = [];
    this.writing = this.writing.then(() => insertImportErrors(this.db, page));
  }
}
