import type { EscortEarningRow } from "../../../modules/escort-income/types"
import { presentEarnings } from "../escort-income-answer"

const row = (id: string, over: Partial<EscortEarningRow>): EscortEarningRow => ({
  id,
  booking_id: `escbk_${id}`,
  escort_id: "esc_1",
  service_name: "半日陪诊",
  service_date: "2027-02-01",
  price_fen: 19900,
  level: "trainee",
  share_percent: 60,
  amount_fen: 11940,
  reversed_fen: 0,
  status: "available",
  release_at: "2027-02-02T03:00:00.000Z",
  available_at: "2027-02-02T03:00:00.000Z",
  created_at: "2027-02-01T03:00:00.000Z",
  ...over,
})

describe("presentEarnings", () => {
  it("reads the oldest available earnings the paid withdrawals cover as 已提现", () => {
    const rows = [
      row("c", { available_at: "2027-02-05T00:00:00.000Z" }),
      row("b", { available_at: "2027-02-04T00:00:00.000Z", reversed_fen: 5970 }),
      row("a", { available_at: "2027-02-03T00:00:00.000Z" }),
      row("p", { status: "pending", available_at: null, release_at: "2027-02-06T00:00:00.000Z" }),
    ]
    const shown = presentEarnings(rows, 11940 + 5970)
    expect(shown.map((e) => [e.booking_id, e.status, e.amount_fen])).toEqual([
      ["escbk_c", "available", 11940],
      ["escbk_b", "withdrawn", 5970],
      ["escbk_a", "withdrawn", 11940],
      ["escbk_p", "pending", 11940],
    ])
    // A pending earning says when it will release by itself.
    expect(shown[3].available_at).toBe("2027-02-06T00:00:00.000Z")
  })

  it("marks nothing withdrawn while a partly paid amount does not cover the oldest earning", () => {
    const shown = presentEarnings([row("a", {})], 5000)
    expect(shown[0].status).toBe("available")
  })
})
