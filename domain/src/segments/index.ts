/**
 * The segment filter language: types, field allowlist, validation with paths, the OpenSearch
 * compiler, the in-memory evaluator and the quick filters. Reference: README.md beside this file.
 */
export * from './segmentFilter';
export * from './segmentDocument';
export {
  SEGMENT_FIELDS,
  OPERATORS_BY_TYPE,
  CUSTOM_FIELD_OPERATORS,
  type FieldType,
  type SegmentFieldName,
} from './segmentFields';
export {
  validateSegmentFilter,
  parseSegmentFilter,
  segmentFilterSchema,
  formatFilterPath,
  type FilterPath,
  type SegmentFilterProblem,
  type SegmentFilterValidation,
} from './segmentFilterSchema';
export {
  compileSegmentFilter,
  compileSegmentFilterWithDateMath,
  type OpenSearchQuery,
} from './compileSegmentFilter';
export { evaluateSegmentFilter, matchesPredicate } from './evaluateSegmentFilter';
export { lowerSegmentFilter } from './lowerSegmentFilter';
export type { SegmentPredicate } from './segmentPredicate';
export { foldText } from './foldText';
export {
  quickFilter,
  combineFilters,
  QUICK_FILTER_NAMES,
  type QuickFilterName,
  type QuickFilterContext,
} from './quickFilters';
export { relativeWindows, type RelativeWindow } from './relativeWindows';
export { currentPeriod, daysBefore } from './relativeTime';
