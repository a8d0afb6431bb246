import type { EntityManager } from '@mikro-orm/postgresql';
import { ERASED_MARK } from '@c360/domain';
import { appendOutboxEvent, CUSTOMER_DELETED } from '@c360/store';
import type { DsrInput, ErasedRows } from '@c360/workflows';
import { CUSTOMER_TABLES } from './customerRecords';
import { literalPattern, personalIdentifiers } from './personalIdentifiers';

type CustomerRow = { emails: string[]; phones: string[]; first_name: string; last_name: string };

/** Text and JSON columns of the tenant-owned tables: where a customer's details can be quoted. */
const FREE_TEXT_COLUMNS_SQL = `
  select c.table_name, c.column_name, c.data_type
    from information_schema.columns c
   where c.table_schema = current_schema()
     and c.data_type in ('text', 'character varying', 'json', 'jsonb')
     and c.table_name not in ('customer', 'app_user')
     and exists (select 1 from information_schema.columns t
                  where t.table_schema = c.table_schema and t.table_name = c.table_name
                    and t.column_name = 'tenant_id')
   order by c.table_name, c.column_name`;

/**
 * Erases a customer from PostgreSQL in one transaction: their contact details and name are
 * replaced by `[erased]` wherever other rows of the tenant quote them (audit rows, which stay,
 * notifications, outbox payloads...), then the customer is deleted, which cascades to every record of theirs,
 * and `customer.deleted` is queued for the relay. A customer already gone is nothing to do.
 */
export const eraseCustomerRows = async (em: EntityManager, input: DsrInput): Promise<ErasedRows> => {
  const { tenantId, customerId } = input;
  return em.transactional(async (tx) => {
    const [customer] = await tx.execute<CustomerRow[]>(
      `select emails, phones, first_name, last_name from customer where tenant_id = ? and id = ? for update`,
      [tenantId, customerId],
    );
    if (!customer) return { customerFound: false, rows: {} };
    const rows: Record<string, number> = {};
    for (const [section, table] of Object.entries(CUSTOMER_TABLES)) {
      const [count] = await tx.execute<{ n: string }[]>(
        `select count(*) as n from "${table}" where tenant_id = ? and customer_id = ?`,
        [tenantId, customerId],
      );
      rows[section] = Number(count?.n ?? 0);
    }
    const [messages] = await tx.execute<{ n: string }[]>(
      `select count(*) as n from message m join conversation c on c.id = m.conversation_id
        where c.tenant_id = ? and c.customer_id = ?`,
      [tenantId, customerId],
    );
    rows['messages'] = Number(messages?.n ?? 0);

    const identifiers = personalIdentifiers(customer);
    const columns =
      await tx.execute<{ table_name: string; column_name: string; data_type: string }[]>(
        FREE_TEXT_COLUMNS_SQL,
      );
    let quoted = 0;
    for (const identifier of identifiers) {
      const pattern = literalPattern(identifier);
      for (const { table_name: table, column_name: column, data_type: type } of columns) {
        const text = type === 'json' || type === 'jsonb' ? `"${column}"::text` : `"${column}"`;
        const back = type === 'json' || type === 'jsonb' ? `::${type}` : '';
        const updated = await tx.execute<{ n: string }[]>(
          `with changed as (
             update "${table}" set "${column}" = regexp_replace(${text}, ?, ?, 'gi')${back}
              where tenant_id = ? and ${text} ~* ? returning 1)
           select count(*) as n from changed`,
          [pattern, ERASED_MARK, tenantId, pattern],
        );
        quoted += Number(updated[0]?.n ?? 0);
      }
    }
    rows['quotedElsewhere'] = quoted;

    await tx.execute(`delete from customer where tenant_id = ? and id = ?`, [tenantId, customerId]);
    appendOutboxEvent(tx, {
      type: CUSTOMER_DELETED,
      aggregateType: 'customer',
      aggregateId: customerId,
      payload: { customerId },
    });
    await tx.flush();
    return { customerFound: true, rows };
  });
};
