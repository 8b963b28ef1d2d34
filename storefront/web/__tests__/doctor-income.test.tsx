import { createDoctorIncomeClient, type DoctorIncome, type FetchLike } from "@health/core"
import { fireEvent, render, screen, waitFor } from "@testing-library/react"
import { DoctorIncomeView } from "@/app/doctor/_components/doctor-income"
import { DOCTOR_RELAY_BASE } from "@/lib/doctor-app-browser"

// jsdom has no Response: the few parts @health/core reads.
const answer = (status: number, body: unknown) =>
  ({ ok: status < 300, status, text: async () => JSON.stringify(body) }) as unknown as Response

const page = (extra: Partial<DoctorIncome> = {}): DoctorIncome => ({
  income: { pending_fen: 2100, available_fen: 4200, withdrawn_fen: 0, requested_fen: 0 },
  earnings: [
    {
      id: "docern_1",
      source_type: "consultation",
      source_id: "cons_1",
      kind: "text",
      kind_label: "图文问诊",
      price_fen: 3000,
      share_percent: 70,
      amount_fen: 2100,
      reversed_fen: 0,
      net_fen: 2100,
      status: "pending",
      status_label: "待结算",
      earned_at: "2026-12-07T02:00:00.000Z",
      release_at: "2026-12-10T02:00:00.000Z",
      available_at: null,
    },
  ],
  count: 1,
  limit: 20,
  offset: 0,
  withdrawals: [],
  wechat: { bound: false, bound_at: null },
  ...extra,
})

/** A fake relay answering the income page, then the queued answers for withdrawals. */
function fakeRelay(pages: DoctorIncome[], withdrawals: { status: number; body: unknown }[]) {
  const sent: { call: string; body: unknown }[] = []
  const fetch: FetchLike = async (url, init) => {
    const call = `${init?.method ?? "GET"} ${url.replace(DOCTOR_RELAY_BASE, "")}`
    const body = init?.body ? JSON.parse(String(init.body)) : undefined
    sent.push({ call, body })
    if (call.startsWith("GET /doctor/income")) return answer(200, pages.shift() ?? page())
    const given = withdrawals.shift()!
    return answer(given.status, given.body)
  }
  return {
    api: createDoctorIncomeClient({ baseUrl: DOCTOR_RELAY_BASE, publishableKey: "", fetch }),
    sent,
  }
}

describe("在线诊室 · 我的收入", () => {
  it("shows the balances and each consultation's share with when it becomes available", async () => {
    const { api, sent } = fakeRelay([page()], [])
    render(<DoctorIncomeView api={api} />)
    expect((await screen.findByTestId("doctor-available")).textContent).toContain("42.00")
    expect(screen.getByTestId("doctor-pending").textContent).toContain("21.00")
    const row = screen.getByTestId("doctor-earning")
    expect(row.textContent).toContain("图文问诊")
    expect(row.textContent).toContain("70%")
    expect(row.textContent).toContain("待结算")
    expect(row.textContent).toContain("可提现")
    expect(sent[0].call).toBe("GET /doctor/income?limit=20&offset=0")
  })

  it("withdraws the amount typed in yuan as fen and shows commerce's Chinese refusal", async () => {
    const { api, sent } = fakeRelay(
      [page(), page({ withdrawals: [] })],
      [
        {
          status: 201,
          body: { withdrawal: { id: "docwd_1", amount_fen: 1050, status: "requested" } },
        },
        { status: 409, body: { message: "已有一笔提现申请待处理，请等财务处理后再申请" } },
      ]
    )
    render(<DoctorIncomeView api={api} />)
    await screen.findByTestId("doctor-withdraw")
    fireEvent.change(screen.getByTestId("doctor-withdraw-amount"), { target: { value: "10.5" } })
    fireEvent.click(screen.getByTestId("doctor-withdraw-submit"))
    expect((await screen.findByTestId("doctor-withdraw-notice")).textContent).toContain("10.50")
    expect(sent.find((s) => s.call === "POST /doctor/income/withdrawals")?.body).toEqual({
      amount_fen: 1050,
    })
    await waitFor(() =>
      expect((screen.getByTestId("doctor-withdraw-submit") as HTMLButtonElement).disabled).toBe(
        false
      )
    )
    fireEvent.click(screen.getByTestId("doctor-withdraw-submit"))
    expect((await screen.findByTestId("doctor-withdraw-error")).textContent).toContain(
      "已有一笔提现申请待处理"
    )
  })

  it("refuses more than the available balance before asking commerce", async () => {
    const { api, sent } = fakeRelay([page()], [])
    render(<DoctorIncomeView api={api} />)
    await screen.findByTestId("doctor-withdraw")
    fireEvent.change(screen.getByTestId("doctor-withdraw-amount"), { target: { value: "50" } })
    fireEvent.click(screen.getByTestId("doctor-withdraw-submit"))
    expect((await screen.findByTestId("doctor-withdraw-error")).textContent).toContain(
      "可提现余额为"
    )
    expect(sent.filter((s) => s.call.startsWith("POST"))).toEqual([])
  })

  it("holds the form while a withdrawal waits for finance or a WeChat transfer", async () => {
    const { api } = fakeRelay(
      [
        page({
          income: { pending_fen: 0, available_fen: 1200, withdrawn_fen: 0, requested_fen: 3000 },
          withdrawals: [
            {
              id: "docwd_1",
              amount_fen: 3000,
              status: "paying",
              status_label: "微信转账中，待确认收款",
              method: "wechat",
              reference: "docwd1bill",
              reject_reason: null,
              fail_reason: null,
              reviewed_at: "2026-12-07T03:00:00.000Z",
              paid_at: null,
              created_at: "2026-12-07T02:00:00.000Z",
              transfer: null,
            },
          ],
        }),
      ],
      []
    )
    render(<DoctorIncomeView api={api} />)
    expect(
      ((await screen.findByTestId("doctor-withdraw-submit")) as HTMLButtonElement).disabled
    ).toBe(true)
    expect(screen.getByTestId("doctor-withdraw-submit").textContent).toContain("已有提现处理中")
    expect(screen.getByTestId("doctor-withdrawals").textContent).toContain("微信转账中，待确认收款")
  })
})
