import type { Sql } from "../../database/context-sql"
import {
  insufficientBalanceMessage,
  liveWhere,
  pageOfRows,
  releaseDueEarnings,
  withdrawalNumbers,
  wrongWithdrawalStateMessage,
} from "../income-sql"

/** A Sql that records each statement and answers the queued results in turn. */
function recordingSql(answers: unknown[][]) {
  const calls: { sql: string; params: unknown[] }[] = []
  const sql: Sql = {
    async execute<T>(text: string, params: unknown[] = []) {
      calls.push({ sql: text.replace(/\s+/g, " ").trim(), params })
      return (answers.shift() ?? []) as T[]
    },
  }
  return { sql, calls }
}

describe("income SQL shared by escort and doctor income", () => {
  it("keeps only the filters that are set, in order, after deleted_at", () => {
    expect(liveWhere([])).toEqual({ where: "deleted_at is null", params: [] })
    expect(
      liveWhere([
        ["doctor_id", "doc_1"],
        ["status", undefined],
        ["kind", ""],
        ["escort_id", "esc_1"],
      ])
    ).toEqual({
      where: "deleted_at is null and doctor_id = ? and escort_id = ?",
      params: ["doc_1", "esc_1"],
    })
  })

  it("pages rows newest first and counts with the same filters", async () => {
    const { sql, calls } = recordingSql([[{ id: "a" }, { id: "b" }], [{ count: "7" }]])
    const result = await pageOfRows<{ id: string }>(sql, {
      table: "doctor_withdrawal",
      columns: "id, status",
      filters: [
        ["doctor_id", "doc_1"],
        ["status", "paid"],
      ],
      page: { limit: 2, offset: 4 },
    })
    expect(result).toEqual({ rows: [{ id: "a" }, { id: "b" }], count: 7 })
    expect(calls).toEqual([
      {
        sql: "select id, status from doctor_withdrawal where deleted_at is null and doctor_id = ? and status = ? order by created_at desc, id desc limit ? offset ?",
        params: ["doc_1", "paid", 2, 4],
      },
      {
        sql: "select count(*) as count from doctor_withdrawal where deleted_at is null and doctor_id = ? and status = ?",
        params: ["doc_1", "paid"],
      },
    ])
  })

  it("releases due pending earnings of the given table and answers their ids", async () => {
    const now = new Date("2027-01-01T00:00:00Z")
    const { sql, calls } = recordingSql([[{ id: "e1" }, { id: "e2" }]])
    await expect(releaseDueEarnings(sql, "escort_earning", now)).resolves.toEqual(["e1", "e2"])
    expect(calls[0].sql).toMatch(/^update escort_earning set status = 'available'/)
    expect(calls[0].sql).toContain("where status = 'pending' and release_at <= ?")
    expect(calls[0].params).toEqual([now])
  })

  it("words the refusals in yuan and converts amounts", () => {
    expect(insufficientBalanceMessage(1234, 5000)).toBe(
      "可提现余额不足：当前可提现 ¥12.34，申请 ¥50.00"
    )
    expect(wrongWithdrawalStateMessage("已打款", "待打款")).toBe(
      "该提现申请当前为「已打款」，只有待打款的申请可以这样处理"
    )
    expect(withdrawalNumbers({ id: "w", amount_fen: "300" as unknown as number })).toEqual({
      id: "w",
      amount_fen: 300,
    })
  })
})
