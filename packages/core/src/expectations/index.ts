export * from './expectation';
export * from './applies-to';
export * from './suggest-target';
export * from './lint-expectation';
export * from './templates';
export * from './scale-target';
