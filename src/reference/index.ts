/** Reference data and validators: regions, ID numbers, credit codes, mobile numbers and masking. */
export * from './creditcode.ts';
export * from './idcard.ts';
export * from './mask.ts';
export * from './mobile.ts';
export * from './regions.ts';
