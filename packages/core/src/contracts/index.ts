export * from './common';
export * from './auth';
export * from './roster';
export * from './health';
export * from './metrics';
export * from './expectations';
export * from './assessments';
export * from './forecast';
