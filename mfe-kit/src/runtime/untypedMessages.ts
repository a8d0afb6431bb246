import type { MessageDescriptor } from 'react-intl';

/**
 * react-intl 12 types a descriptor's values from explicit type arguments only; ours carry ICU
 * arguments checked by the formatjs CLI instead. Wrapping `defineMessages(...)` keeps extraction
 * working and lets values through.
 */
export const untypedMessages = <T extends Record<string, MessageDescriptor>>(
  messages: T,
): { readonly [K in keyof T]: MessageDescriptor } => messages;
