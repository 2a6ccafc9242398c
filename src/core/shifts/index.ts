export * from './denominations';
export * from './shift-entries';
export * from './shift-report';
export * from './shift-totals';
