import { CONSENT_REVOKED, type ConsentChangedPayload } from '@c360/store';
import { consentRevokedSignal, customerSendsQuery } from '@c360/workflows';
import type { EventRoute } from '../dispatchTypes';

/**
 * A revoked consent reaches the customer's running sends at once: each gets `consentRevoked`
 * and a held marketing send on that channel gives up (recorded as skipped). A send that does
 * not hear it (it started after the listing) still loads consent again before it sends.
 */
export const sendRoutes: EventRoute[] = [
  {
    name: 'send.onConsentRevoked',
    eventType: CONSENT_REVOKED,
    commands: async (event) => {
      const { customerId, channel } = event.payload as ConsentChangedPayload;
      return [
        {
          kind: 'signalMatching',
          query: customerSendsQuery(customerId),
          signal: consentRevokedSignal.name,
          args: [{ channel }],
        },
      ];
    },
  },
];
