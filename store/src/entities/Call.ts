import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** One speaker's turn in a call transcript, as the telephony provider gave it. */
export type CallTranscriptTurn = {
  speaker: 'agent' | 'customer' | 'other';
  text: string;
  offsetSeconds?: number;
};
import { tenantFilters } from '../tenancy/tenantFilter';
import { Customer } from './Customer';
import { tenantOwnedProperties } from './tenantOwnedProperties';
import { Ticket } from './Ticket';
import { User } from './User';
import { CALL_DIRECTIONS, type CallDirection } from './vocabulary';

/** A phone call with its transcript and the post-call summary the AI assist writes. */
export const Call = defineEntity({
  name: 'Call',
  filters: tenantFilters(),
  properties: {
    ...tenantOwnedProperties(),
    customer: p.manyToOne(Customer).ref().deleteRule('cascade'),
    ticket: p.manyToOne(Ticket).ref().nullable().deleteRule('set null'),
    agent: p.manyToOne(User).ref().nullable().deleteRule('set null'),
    direction: p.enum([...CALL_DIRECTIONS]).$type<CallDirection>(),
    durationSeconds: p.integer(),
    /** The transcript as text, one `speaker: text` line per turn (what search and the AI read). */
    transcript: p.text().nullable(),
    transcriptTurns: p.json<CallTranscriptTurn[]>().nullable(),
    summary: p.text().nullable(),
    actionItems: p.json<string[]>().onCreate(() => []),
    startedAt: p.datetime(),
    endedAt: p.datetime().nullable(),
  },
  indexes: [{ properties: ['customer', 'startedAt'] }],
  checks: [
    { name: 'call_duration_seconds_check', property: 'durationSeconds', expression: 'duration_seconds >= 0' },
  ],
});
export type Call = InferEntity<typeof Call>;
