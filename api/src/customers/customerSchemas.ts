import { z } from 'zod';
import { CHANNELS, LANGUAGES, timeZoneSchema } from '@c360/domain';
import { LIFECYCLE_STAGES } from '@c360/store';
import { pageInfoFields, pageQueryFields } from '../openapi/commonSchemas';
import { CUSTOMER_LIST_SORTS } from './searchPort';

const name = z.string().trim().max(100);
const email = z
  .email()
  .max(254)
  .transform((e) => e.toLowerCase());
const phone = z
  .string()
  .trim()
  .regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 phone number such as +33612345678');
const tag = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .regex(/^[^\s,][^,]*$/, 'must not start with a space or contain a comma');

// Output values are compared, so e-mails differing only in case count as the same.
const distinctList = <T extends z.ZodType>(item: T, max: number, label: string) =>
  z
    .array(item)
    .max(max)
    .refine((v) => new Set(v).size === v.length, { message: `${label} must not repeat` });

const customFields = z
  .record(z.string().min(1).max(100), z.unknown())
  .refine((f) => !('marketingPreferences' in f), {
    message: 'marketingPreferences is changed through /preferences and /consent only',
    path: ['marketingPreferences'],
  })
  .refine((f) => JSON.stringify(f).length <= 16_384, { message: 'must be at most 16 KiB as JSON' })
  .meta({ description: 'free-form tenant fields (JSON); marketingPreferences is reserved' });

// Every writable field, none defaulted: the patch takes them as they are, the create adds defaults.
const writable = {
  firstName: name.min(1),
  lastName: name,
  emails: distinctList(email, 10, 'emails'),
  phones: distinctList(phone, 10, 'phones'),
  timeZone: timeZoneSchema.meta({ description: 'IANA time zone', example: 'Europe/Paris' }),
  language: z.enum(LANGUAGES),
  tags: distinctList(tag, 50, 'tags'),
  ownerId: z.uuid().nullable().meta({ description: 'the user who owns the relationship' }),
  lifecycleStage: z.enum(LIFECYCLE_STAGES),
  isVip: z.boolean(),
  customFields,
};

export const customerCreateSchema = z
  .strictObject({
    firstName: writable.firstName,
    lastName: writable.lastName.default(''),
    emails: writable.emails.default([]),
    phones: writable.phones.default([]),
    timeZone: writable.timeZone.default('UTC'),
    language: writable.language.default('en'),
    tags: writable.tags.default([]),
    ownerId: writable.ownerId.default(null),
    lifecycleStage: writable.lifecycleStage.default('lead'),
    isVip: writable.isVip.default(false),
    customFields: writable.customFields.default({}),
  })
  .meta({ id: 'CustomerCreate' });
export type CustomerCreate = z.output<typeof customerCreateSchema>;

export const customerPatchSchema = z
  .strictObject({
    firstName: writable.firstName.optional(),
    lastName: writable.lastName.optional(),
    emails: writable.emails.optional(),
    phones: writable.phones.optional(),
    timeZone: writable.timeZone.optional(),
    language: writable.language.optional(),
    tags: writable.tags.optional(),
    ownerId: writable.ownerId.optional(),
    lifecycleStage: writable.lifecycleStage.optional(),
    isVip: writable.isVip.optional(),
    customFields: writable.customFields.optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), {
    message: 'name at least one field to change',
  })
  .meta({
    id: 'CustomerPatch',
    description: 'Only the fields given change; lists (emails, phones, tags) are replaced whole.',
  });
export type CustomerPatch = z.output<typeof customerPatchSchema>;

export const customerSchema = z
  .object({
    id: z.uuid(),
    firstName: z.string(),
    lastName: z.string(),
    emails: z.array(z.string()),
    phones: z.array(z.string()),
    timeZone: z.string(),
    language: z.string(),
    tags: z.array(z.string()),
    ownerId: z.uuid().nullable(),
    lifecycleStage: z.enum(LIFECYCLE_STAGES),
    isVip: z.boolean(),
    scores: z
      .record(z.string(), z.unknown())
      .nullable()
      .meta({ description: 'stored scores (RFM, CLV, health, churn)' }),
    customFields: z.record(z.string(), z.unknown()),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Customer' });
export type CustomerView = z.output<typeof customerSchema>;

const toArray = (v: unknown) => (v === undefined || Array.isArray(v) ? v : [v]);

export const customerListQuerySchema = z
  .object({
    q: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .meta({ description: 'full text over names, e-mails, phone numbers and tags' }),
    tag: z
      .preprocess(toArray, z.array(tag).max(20))
      .optional()
      .meta({ description: 'has every given tag (repeat the parameter for several)' }),
    language: z.enum(LANGUAGES).optional(),
    lifecycleStage: z.enum(LIFECYCLE_STAGES).optional(),
    isVip: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    timeZone: timeZoneSchema.optional().meta({ description: 'IANA time zone', example: 'Europe/Paris' }),
    optedIn: z.enum(CHANNELS).optional().meta({ description: 'opted in to this channel' }),
    sort: z
      .enum(CUSTOMER_LIST_SORTS)
      .default('relevance')
      .meta({ description: 'a leading - sorts descending; relevance falls back to most recently updated' }),
    ...pageQueryFields,
  })
  .refine((p) => p.page * p.pageSize <= 10_000, {
    message: 'page × pageSize must stay within the first 10,000 results; narrow the search instead',
    path: ['page'],
  });

export const customerListItemSchema = z
  .object({
    id: z.uuid(),
    firstName: z.string(),
    lastName: z.string(),
    emails: z.array(z.string()),
    phones: z.array(z.string()),
    tags: z.array(z.string()),
    language: z.string(),
    timeZone: z.string(),
    lifecycleStage: z.string().nullable(),
    isVip: z.boolean(),
    ownerId: z.string().nullable(),
    optedIn: z.array(z.string()).meta({ description: 'channels the customer opted in to' }),
    stats: z.object({
      ordersWon: z.number().int(),
      revenueWon: z.number(),
      lastOrderAt: z.string().nullable(),
      openTickets: z.number().int(),
      slaBreaches: z.number().int(),
      messages: z.number().int(),
      lastActivityAt: z.string().nullable(),
    }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'CustomerListItem' });

export const customerListSchema = z
  .object({ items: z.array(customerListItemSchema), ...pageInfoFields })
  .meta({ id: 'CustomerList' });
