export * from './surveySettings';
export * from './surveyScore';
export * from './surveyChannel';
