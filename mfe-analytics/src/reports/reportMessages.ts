import { defineMessages } from 'react-intl';
import { untypedMessages } from '@c360/mfe-kit';

/** The report exports' and report schedules' words. */
export const reportMessages = untypedMessages(
  defineMessages({
    title: { id: 'analytics.reports.title', defaultMessage: 'Reports' },
    template: { id: 'analytics.reports.template', defaultMessage: 'Report' },
    templateName: {
      id: 'analytics.reports.templateName',
      defaultMessage:
        '{template, select, customer_list {Customer list} segment_members {Segment members} analytics_overview {Analytics overview} csat {CSAT and NPS} other {{template}}}',
    },
    needsSegment: {
      id: 'analytics.reports.needsSegment',
      defaultMessage: 'Choose a segment in the filters for this report.',
    },
    scopeHint: {
      id: 'analytics.reports.scopeHint',
      defaultMessage: 'The report uses the filters above (dates, segment, channel).',
    },
    exportCsv: { id: 'analytics.reports.exportCsv', defaultMessage: 'Export report (CSV)' },
    exportPdf: { id: 'analytics.reports.exportPdf', defaultMessage: 'Export report (PDF)' },
    running: { id: 'analytics.reports.running', defaultMessage: '{format} report being written…' },
    ready: {
      id: 'analytics.reports.ready',
      defaultMessage: '{file} is ready ({rows, plural, one {# row} other {# rows}}).',
    },
    failed: { id: 'analytics.reports.failed', defaultMessage: 'The report failed: {error}' },
    download: { id: 'analytics.reports.download', defaultMessage: 'Download {format}' },
    schedules: { id: 'analytics.reports.schedules', defaultMessage: 'Report schedules' },
    none: { id: 'analytics.reports.none', defaultMessage: 'No report is scheduled yet.' },
    name: { id: 'analytics.reports.name', defaultMessage: 'Schedule name' },
    formats: { id: 'analytics.reports.formats', defaultMessage: 'Formats' },
    cron: { id: 'analytics.reports.cron', defaultMessage: 'When (cron)' },
    timeZone: { id: 'analytics.reports.timeZone', defaultMessage: 'Time zone (the workspace’s when empty)' },
    recipients: { id: 'analytics.reports.recipients', defaultMessage: 'Recipients (comma-separated)' },
    create: { id: 'analytics.reports.create', defaultMessage: 'Schedule report' },
    created: { id: 'analytics.reports.created', defaultMessage: 'Schedule “{name}” created.' },
    next: { id: 'analytics.reports.next', defaultMessage: 'next: {when}' },
    last: { id: 'analytics.reports.last', defaultMessage: 'last: {when}' },
    never: { id: 'analytics.reports.never', defaultMessage: 'none' },
    paused: { id: 'analytics.reports.paused', defaultMessage: 'Paused' },
    active: { id: 'analytics.reports.active', defaultMessage: 'Active' },
    pause: { id: 'analytics.reports.pause', defaultMessage: 'Pause' },
    resume: { id: 'analytics.reports.resume', defaultMessage: 'Resume' },
    trigger: { id: 'analytics.reports.trigger', defaultMessage: 'Run now' },
    triggered: { id: 'analytics.reports.triggered', defaultMessage: 'A run of “{name}” started.' },
    remove: { id: 'analytics.reports.remove', defaultMessage: 'Delete' },
  }),
);
