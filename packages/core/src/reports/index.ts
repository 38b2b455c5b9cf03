export * from './cadence';
export * from './cadence-advice';
export * from './discrepancy';
export * from './report-status';
export * from './reporting-windows';
export * from './format-window';
