export * from './surveyLink';
export * from './findSurveyRequestByToken';
export * from './recordSurveyAnswer';
