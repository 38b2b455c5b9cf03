export * from './common';
export * from './auth';
export * from './roster';
export * from './health';
export * from './imports';
