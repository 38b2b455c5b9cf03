import type { ImportWarning } from '../records';

/** Distinct notes kept; a file that triggers more is already explained by the first ones. */
const MAX_DISTINCT = 50;

/** Counts notes per distinct message, so a million rows with one unknown word make one line. */
export class WarningCollector {
  private readonly byMessage = new Map<string, ImportWarning>();
  private dropped = 0;

  add(message: string, line: number): void {
    const existing = this.byMessage.get(message);
    if (existing) {
      existing.count++;
      return;
    }
    if (this.byMessage.size >= MAX_DISTINCT) {
      this.dropped++;
      return;
    }
    this.byMessage.set(message, { message, count: 1, firstLine: line });
  }

  list(): ImportWarning[] {
    const list = [...this.byMessage.values()];
    if (this.dropped > 0)
      list.push({ message: 'More notes of other kinds were left out.', count: this.dropped, firstLine: 0 });
    return list;
  }
}
