import type { Context } from "@medusajs/framework/types"

/** Raw SQL with `?` placeholders, run by the MikroORM entity manager Medusa puts in a context. */
export type Sql = {
  execute<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>
}

/**
 * The SQL runner of a module service call: the caller's transaction when there is one, so
 * a statement joins the workflow step's transaction, else the call's own manager. The
 * service method must carry @InjectManager or @InjectTransactionManager, which fill these.
 */
export function contextSql(context: Context, moduleName: string): Sql {
  const manager = (context.transactionManager ?? context.manager) as Sql | undefined
  if (!manager) throw new Error(`${moduleName}: no database manager in context`)
  return manager
}
