export * from './constants';
export * from './text-safety';
export * from './ladder';
export * from './effect';
export * from './agenda';
export * from './cadence-tried';
