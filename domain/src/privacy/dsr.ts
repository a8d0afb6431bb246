/** Data-subject requests (GDPR art. 15 access, art. 17 erasure) and the consent log export. */
export const DSR_KINDS = ['export', 'erase'] as const;
export type DsrKind = (typeof DSR_KINDS)[number];

/** The sections of an access archive: one per kind of record held about the customer. */
export const DSR_ARCHIVE_SECTIONS = [
  'profile',
  'preferences',
  'consentLog',
  'conversations',
  'messages',
  'tickets',
  'calls',
  'surveyRequests',
  'surveyResponses',
  'deals',
  'conversions',
  'segments',
  'timelineEvents',
  'knowledgeViews',
  'scores',
  'files',
] as const;
export type DsrArchiveSection = (typeof DSR_ARCHIVE_SECTIONS)[number];

/** The consent log as CSV: one row per audit record of a consent change. */
export const CONSENT_CSV_HEADER = [
  'occurredAt',
  'customerId',
  'channel',
  'action',
  'source',
  'reason',
  'actorType',
  'actorId',
] as const;

/** What erased personal data is replaced with where a record must stay (audit rows, files). */
export const ERASED_MARK = '[erased]';
