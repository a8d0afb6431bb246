import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { tenantFilters } from '../tenancy/tenantFilter';
import { tenantOwnedProperties } from './tenantOwnedProperties';
import { Ticket } from './Ticket';

/**
 * A ticket a playbook opened, keyed by the playbook run's business id and step: a retried
 * activity finds its ticket here instead of opening a second one (the unique key decides a race).
 * The ticket's resolution finds the workflow to signal through the same row.
 */
export const PlaybookTicket = defineEntity({
  name: 'PlaybookTicket',
  filters: tenantFilters(),
  properties: {
    ...tenantOwnedProperties(),
    key: p.string().length(400),
    ticket: p.manyToOne(Ticket).ref().deleteRule('cascade'),
    workflowId: p.string().length(400),
  },
  uniques: [{ properties: ['tenant', 'key'] }],
  indexes: [{ properties: ['ticket'] }],
});
export type PlaybookTicket = InferEntity<typeof PlaybookTicket>;
