import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { tenantFilters } from '../tenancy/tenantFilter';
import { Customer } from './Customer';
import { tenantOwnedProperties, updatedAtProperty } from './tenantOwnedProperties';
import { User } from './User';
import { TICKET_PRIORITIES, TICKET_STATUSES, type TicketPriority, type TicketStatus } from './vocabulary';

/**
 * A support case with its SLA: the due dates come from the policy when the ticket opens, the
 * breach flags are set when a due date passes unmet (and stay set, for reporting).
 */
export const Ticket = defineEntity({
  name: 'Ticket',
  filters: tenantFilters(),
  properties: {
    ...tenantOwnedProperties(),
    customer: p.manyToOne(Customer).ref().deleteRule('cascade'),
    subject: p.string().length(500),
    description: p.text().nullable(),
    status: p
      .enum([...TICKET_STATUSES])
      .$type<TicketStatus>()
      .default('open'),
    priority: p
      .enum([...TICKET_PRIORITIES])
      .$type<TicketPriority>()
      .default('normal'),
    team: p.string().length(100).nullable(),
    assignee: p.manyToOne(User).ref().nullable().deleteRule('set null'),
    slaPolicy: p.string().length(100),
    firstResponseDueAt: p.datetime().nullable(),
    resolutionDueAt: p.datetime().nullable(),
    firstResponseBreached: p.boolean().default(false),
    resolutionBreached: p.boolean().default(false),
    firstRespondedAt: p.datetime().nullable(),
    resolvedAt: p.datetime().nullable(),
    autoResolved: p.boolean().default(false),
    updatedAt: updatedAtProperty(),
  },
  indexes: [
    { properties: ['customer', 'status'] },
    { properties: ['tenant', 'status', 'createdAt'] },
    { properties: ['assignee', 'status'] },
  ],
});
export type Ticket = InferEntity<typeof Ticket>;
