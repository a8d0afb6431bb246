import type { EntityManager } from '@mikro-orm/postgresql';
import { notFound } from '@c360/domain';
import { Customer, forTenant } from '@c360/store';

/** The tenant's customer, or a 404 (a customer of another tenant is as missing as an unknown id). */
export const findCustomerOr404 = async (
  em: EntityManager,
  tenantId: string,
  id: string,
): Promise<Customer> => {
  const customer = await forTenant(em, tenantId).findOne(Customer, { id });
  if (!customer) throw notFound('customer', id);
  return customer;
};
