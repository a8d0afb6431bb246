import { MikroORM } from '@mikro-orm/postgresql';
import { ormOptions, type OrmConfig } from './ormOptions';

/** Opens the ORM (and its connection pool). The caller closes it: `await orm.close()`. */
export const createOrm = (config: OrmConfig): Promise<MikroORM> => MikroORM.init(ormOptions(config));
