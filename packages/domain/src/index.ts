export * from './kinds';
export * from './relations';
export * from './claims';
export * from './dates';
export * from './model';
