import type { Role } from '@c360/domain';

/** Who answers customers with templates, snippets and macros. */
export const REPLY_USERS = ['agent', 'manager', 'admin'] as const satisfies readonly Role[];
/** Who curates the shared templates and macros every agent uses. */
export const REPLY_EDITORS = ['manager', 'admin'] as const satisfies readonly Role[];
