export * from './inputs';
export * from './model';
export * from './forecast-rep';
export * from './gap-advice';
