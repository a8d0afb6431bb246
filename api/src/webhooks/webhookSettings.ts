/** The shared secrets of the inbound paths; absent in a deployment that receives no webhooks. */
export type WebhookSettings = {
  /** Meta app secret: the HMAC key of `X-Hub-Signature-256` on WhatsApp and Instagram webhooks. */
  metaAppSecret: string;
  /** What Meta's GET verification must present as `hub.verify_token`. */
  metaVerifyToken: string;
  /** HMAC key of `X-Hub-Signature-256` on inbound mail posted by the mail relay. */
  emailSecret: string;
  /** How far back an inbound mail may join a thread by subject and participants alone. */
  emailSubjectWindowDays?: number;
};
