export * from './records';
export * from './normalize-header';
