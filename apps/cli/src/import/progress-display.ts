import cliProgress from 'cli-progress';
import type { ImportProgressEvent } from '@rightly/services';

/** Shows an import's progress: a bar with rows/s and ETA on a terminal, a line every few seconds otherwise. */
export interface ProgressDisplay {
  update(event: ImportProgressEvent): void;
  stop(): void;
}

const LOG_EVERY_MS = 5_000;

export function progressDisplay(params: { label: string; fileBytes: number; tty: boolean }): ProgressDisplay {
  const started = Date.now();
  const rate = (rows: number) => Math.round(rows / Math.max(0.001, (Date.now() - started) / 1000));
  if (params.tty) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${params.label} {bar} {percentage}% | {rows} rows | {speed} rows/s | ETA {eta_formatted} | {phase}`,
        stream: process.stderr,
        hideCursor: true,
        clearOnComplete: true,
        etaBuffer: 50,
        fps: 5,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(Math.max(1, params.fileBytes), 0, { rows: 0, speed: 0, phase: 'reading' });
    return {
      update: (event) =>
        bar.update(Math.min(event.bytesRead, Math.max(1, params.fileBytes)), {
          rows: event.rowsRead.toLocaleString('en-US'),
          speed: rate(event.rowsRead).toLocaleString('en-US'),
          phase: event.phase === 'writing' ? 'writing (one transaction)…' : event.phase,
        }),
      stop: () => bar.stop(),
    };
  }
  // Logs and pipes get a plain line now and then, so a long import visibly lives.
  let last = 0;
  let lastPhase = '';
  return {
    update: (event) => {
      const now = Date.now();
      if (now - last < LOG_EVERY_MS && event.phase === lastPhase) return;
      last = now;
      lastPhase = event.phase;
      const percent =
        params.fileBytes > 0 ? ` (${Math.floor((100 * event.bytesRead) / params.fileBytes)}% of the file)` : '';
      process.stderr.write(
        `${params.label}: ${event.phase}, ${event.rowsRead.toLocaleString('en-US')} rows read${percent}, ${rate(event.rowsRead).toLocaleString('en-US')} rows/s\n`,
      );
    },
    stop: () => undefined,
  };
}
