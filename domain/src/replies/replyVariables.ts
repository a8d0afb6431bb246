/**
 * The variables a reply template may use, and nothing else: a template naming any other is
 * refused when it is saved, so a typo never reaches a customer as `{{custmer.firstName}}`.
 */
export const REPLY_VARIABLES = [
  'customer.firstName',
  'customer.lastName',
  'customer.fullName',
  'customer.email',
  'agent.name',
  'agent.email',
  'ticket.id',
  'ticket.subject',
  'tenant.name',
] as const;
export type ReplyVariable = (typeof REPLY_VARIABLES)[number];

/** The values a render has; a variable without a value is reported missing, never invented. */
export type ReplyVariableValues = Partial<Record<ReplyVariable, string>>;

const KNOWN = new Set<string>(REPLY_VARIABLES);
export const isReplyVariable = (name: string): name is ReplyVariable => KNOWN.has(name);

// `{{ customer.firstName }}`: spaces inside the braces are allowed, anything else is text.
const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/g;

/** Every placeholder of `text`, in order of first appearance, without duplicates. */
export const placeholdersOf = (text: string): string[] => [
  ...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!)),
];

/** The placeholders of `text` that are not in the allowlist. */
export const unknownVariablesOf = (text: string): string[] =>
  placeholdersOf(text).filter((name) => !isReplyVariable(name));

/** Replaces each placeholder by `valueOf(name)`; used by the renderer once the names are checked. */
export const replacePlaceholders = (text: string, valueOf: (name: string) => string): string =>
  text.replace(PLACEHOLDER, (_m, name: string) => valueOf(name));
