/** Runs SQL with `?` parameters in the module's database; the module service provides it. */
export type SearchDocumentStore = {
  executeSearchSql<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>
}
