import type { CommerceClientOptions, EscortIncome, FetchLike } from "@health/core"
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react"
import { EscortIncomeView } from "@/components/escort-app/escort-income-view"
import { ESCORT_RELAY_BASE } from "@/lib/escort-app-browser"

// jsdom has no Response: the few parts @health/core reads.
const answer = (status: number, body: unknown) =>
  ({ ok: status < 300, status, text: async () => JSON.stringify(body) }) as unknown as Response

const income = (balance_fen: number): EscortIncome => ({
  income: {
    balance_fen,
    pending_fen: 12_000,
    frozen_fen: 5_970,
    withdrawn_fen: 0,
    level: "silver",
    level_label: "银牌",
    share_percent: 70,
    completed_count: 12,
    rating_average: 4.8,
    next_level: { level_label: "金牌", needs: "再完成 18 单，评分保持 4.8 以上" },
    rules: [
      { level_label: "见习", share_percent: 60, condition: "新入驻" },
      { level_label: "银牌", share_percent: 70, condition: "完成 10 单且评分 ≥ 4.5" },
      { level_label: "金牌", share_percent: 80, condition: "完成 30 单且评分 ≥ 4.8" },
    ],
  },
  earnings: [
    {
      booking_id: "escbk_1",
      service_name: "半日陪诊",
      service_date: "2026-12-20",
      price_fen: 19_900,
      share_percent: 70,
      amount_fen: 13_930,
      status: "available",
      available_at: "2026-12-21T04:00:00.000Z",
    },
    {
      booking_id: "escbk_2",
      service_name: "全日陪诊",
      service_date: "2026-12-22",
      price_fen: 35_900,
      share_percent: 70,
      amount_fen: 25_130,
      status: "pending",
      available_at: "2026-12-23T06:00:00.000Z",
    },
  ],
})

function fakeRelay(balance: { fen: number }, refuseWithdrawal?: string) {
  const sent: { call: string; body: unknown }[] = []
  const fetch: FetchLike = async (url, init) => {
    const call = `${init?.method ?? "GET"} ${url.replace(ESCORT_RELAY_BASE, "")}`
    const body = init?.body ? JSON.parse(String(init.body)) : undefined
    sent.push({ call, body })
    if (call === "GET /escort/income") return answer(200, income(balance.fen))
    if (call === "GET /escort/withdrawals") return answer(200, { withdrawals: [] })
    if (call === "POST /escort/withdrawals") {
      if (refuseWithdrawal) return answer(409, { message: refuseWithdrawal })
      const amount = (body as { amount_fen: number }).amount_fen
      balance.fen -= amount
      return answer(201, {
        withdrawal: { id: "ewd_1", amount_fen: amount, status: "requested", created_at: "x" },
      })
    }
    return answer(404, { message: "未找到" })
  }
  const client: CommerceClientOptions = { baseUrl: ESCORT_RELAY_BASE, publishableKey: "", fetch }
  return { client, sent }
}

describe("陪诊员 income", () => {
  it("shows the balances in yuan, the level with its rules and what the next one needs, and each task's earning", async () => {
    const { client } = fakeRelay({ fen: 13_930 })
    render(<EscortIncomeView client={client} />)
    expect((await screen.findByTestId("escort-balance")).textContent).toBe("¥139.30")
    expect(screen.getByTestId("escort-pending").textContent).toBe("¥120.00")
    expect(screen.getByTestId("escort-frozen").textContent).toBe("¥59.70")
    const level = screen.getByTestId("escort-level")
    expect(level.querySelector("h2")?.textContent).toBe("银牌 · 分成 70%")
    expect(screen.getByTestId("escort-next-level").textContent).toBe(
      "升级到金牌：再完成 18 单，评分保持 4.8 以上"
    )
    expect(within(level).getAllByRole("row")).toHaveLength(4)
    const rows = screen.getAllByTestId("escort-earning")
    expect(rows[0].textContent).toContain("可提现")
    expect(rows[0].textContent).toContain("¥199.00 × 70% = ¥139.30")
    expect(rows[1].textContent).toContain("待结算")
    expect(rows[1].textContent).toContain("预计 2026-12-23 14:00 可提现")
  })

  it("withdraws in integer fen, refuses more than the balance before asking, and shows commerce's refusal", async () => {
    const { client, sent } = fakeRelay({ fen: 13_930 })
    const first = render(<EscortIncomeView client={client} />)
    const amount = await screen.findByTestId("escort-withdraw-amount")
    fireEvent.change(amount, { target: { value: "200" } })
    fireEvent.submit(screen.getByTestId("escort-withdraw"))
    expect((await screen.findByTestId("escort-withdraw-error")).textContent).toBe(
      "可提现余额为 ¥139.30"
    )
    fireEvent.change(amount, { target: { value: "100.1" } })
    fireEvent.submit(screen.getByTestId("escort-withdraw"))
    expect((await screen.findByTestId("escort-withdraw-notice")).textContent).toBe(
      "已申请提现 ¥100.10，审核通过后转到微信零钱"
    )
    expect(sent.find((s) => s.call === "POST /escort/withdrawals")?.body).toEqual({
      amount_fen: 10_010,
    })
    await waitFor(() => expect(screen.getByTestId("escort-balance").textContent).toBe("¥39.20"))

    first.unmount()

    const short = fakeRelay({ fen: 500 }, "可提现余额不足")
    render(<EscortIncomeView client={short.client} />)
    fireEvent.submit(await screen.findByTestId("escort-withdraw"))
    expect((await screen.findByTestId("escort-withdraw-error")).textContent).toBe("可提现余额不足")
    expect(short.sent.find((s) => s.call === "POST /escort/withdrawals")?.body).toEqual({
      amount_fen: 500,
    })
  })
})
