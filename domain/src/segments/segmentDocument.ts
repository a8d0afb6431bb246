/**
 * The part of the customer search document that the filter language reads. The store's
 * `CustomerDocument` is assignable to it; the evaluator reads it with the same semantics as the
 * compiled OpenSearch query reads the indexed document.
 */
export type SegmentScores = {
  rfm?: { r: number | null; f: number | null; m: number | null; label: string | null } | null;
  clv?: { value: number | null } | null;
  health?: { score: number | null; band: string | null } | null;
  churn?: { probability: number | null; band: string | null } | null;
};

export type SurveyAnswerFact = { kind: string; score: number; answeredAt: string };

export type SegmentDocument = {
  firstName: string;
  lastName: string;
  emails: string[];
  phoneDigits: string[];
  tags: string[];
  language: string;
  timeZone: string;
  lifecycleStage: string | null;
  isVip: boolean;
  ownerId: string | null;
  createdAt: string;
  preferences: { optedIn: string[]; language: string | null; hasQuietHours: boolean };
  scores: SegmentScores | null;
  customFields: Record<string, unknown>;
  stats: {
    ordersWon: number;
    revenueWon: number;
    lastOrderAt: string | null;
    openTickets: number;
    messages: number;
    lastMessageAt: string | null;
    /** `n1` = latest won order's date, `n2` the one before, up to `n20`. */
    nthLastOrderAt: Partial<Record<string, string | null>>;
  };
  /** The latest survey answers, newest first. */
  surveys: SurveyAnswerFact[];
};
