import type { Context } from "@medusajs/framework/types"
import { contextSql, type Sql } from "../context-sql"

const runner = (name: string): Sql & { name: string } => ({
  name,
  execute: async <T>() => [] as T[],
})

describe("contextSql", () => {
  it("runs in the caller's transaction when there is one", () => {
    const transaction = runner("transaction")
    const context = { transactionManager: transaction, manager: runner("manager") } as Context
    expect(contextSql(context, "inbox")).toBe(transaction)
  })

  it("uses the call's own manager outside a transaction", () => {
    const manager = runner("manager")
    expect(contextSql({ manager } as Context, "inbox")).toBe(manager)
  })

  it("names the module when a method was called without a manager", () => {
    expect(() => contextSql({}, "article-push")).toThrow(
      "article-push: no database manager in context"
    )
  })
})
