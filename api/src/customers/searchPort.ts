import { CUSTOMER_SORTS } from '@c360/store';

/**
 * What the customer list needs from search: a tenant-scoped query over the customers index.
 * The store implements it on OpenSearch (`searchCustomers` in @c360/store); the composition
 * root binds the client and index name.
 */
export type CustomerSearchQuery = {
  q?: string;
  tag?: string[];
  language?: string;
  lifecycleStage?: string;
  isVip?: boolean;
  timeZone?: string;
  optedIn?: 'whatsapp' | 'email' | 'sms';
  sort: CustomerSort;
  page: number;
  pageSize: number;
};

// One list of sorts: the store's query builder defines which exist.
export const CUSTOMER_LIST_SORTS = CUSTOMER_SORTS;
export type CustomerSort = (typeof CUSTOMER_LIST_SORTS)[number];

/** The fields of an indexed customer the list shows. */
export type CustomerSearchHit = {
  customerId: string;
  firstName: string;
  lastName: string;
  emails: string[];
  phones: string[];
  tags: string[];
  language: string;
  timeZone: string;
  lifecycleStage: string | null;
  isVip: boolean;
  ownerId: string | null;
  createdAt: string;
  updatedAt: string;
  preferences: { optedIn: string[] };
  stats: {
    ordersWon: number;
    revenueWon: number;
    lastOrderAt: string | null;
    openTickets: number;
    slaBreaches: number;
    messages: number;
    lastActivityAt: string | null;
  };
};

export type CustomerSearchPage = {
  total: number;
  page: number;
  pageSize: number;
  items: CustomerSearchHit[];
};

export type SearchCustomers = (tenantId: string, query: CustomerSearchQuery) => Promise<CustomerSearchPage>;
