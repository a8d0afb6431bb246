import { defaultTemplates } from '../graph/messageTemplates';
import type { SandboxSettings, SandboxState } from './sandboxState';

/** The accounts a fresh sandbox knows; the platform's demo tenant is configured with these ids. */
export const defaultAccounts = {
  whatsapp: {
    phoneNumberId: '100000000000001',
    wabaId: '200000000000001',
    displayPhoneNumber: '15550001111',
  },
  instagram: { igUserId: '17841400000000001', username: 'c360_demo_shop' },
};

export const createState = (settings: SandboxSettings): SandboxState => ({
  settings: structuredClone(settings),
  whatsappAccounts: [{ ...defaultAccounts.whatsapp }],
  instagramAccounts: [{ ...defaultAccounts.instagram }],
  instagramUsers: new Map(),
  templates: defaultTemplates(),
  requests: [],
  whatsappMessages: [],
  instagramMessages: [],
  comments: new Map(),
  commentReplies: [],
  faults: [],
  latencies: [],
  deliveries: [],
  mail: [],
  nextRequestSeq: 1,
  lastInboundAt: new Map(),
});
