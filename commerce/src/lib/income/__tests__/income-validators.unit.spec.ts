import {
  AdminDoctorWithdrawalsQuery,
  PayDoctorWithdrawalBody,
  RequestDoctorWithdrawalBody,
} from "../../../api/doctor-income-validators"
import {
  AdminEscortEarningsQuery,
  RejectEscortWithdrawalBody,
  RequestEscortWithdrawalBody,
} from "../../../api/escort-income-validators"

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.success ? [] : result.error!.issues.map((issue) => issue.message)

describe("income validators shared by escort and doctor income", () => {
  it("pages with each side's default and ceiling", () => {
    expect(AdminDoctorWithdrawalsQuery.parse({})).toEqual({
      status: undefined,
      doctor_id: undefined,
      limit: 50,
      offset: 0,
    })
    expect(messages(AdminDoctorWithdrawalsQuery.safeParse({ limit: "101" }))).toEqual([
      "limit 应为 1–100 的整数",
    ])
    expect(AdminEscortEarningsQuery.parse({ limit: "200", offset: "3" })).toMatchObject({
      limit: 200,
      offset: 3,
    })
    expect(messages(AdminEscortEarningsQuery.safeParse({ limit: "201" }))).toEqual([
      "limit 应为 1–200 的整数",
    ])
    expect(AdminDoctorWithdrawalsQuery.parse({ status: "paying" }).status).toBe("paying")
    expect(messages(AdminDoctorWithdrawalsQuery.safeParse({ status: "open" }))).toEqual([
      "status 只能是 requested、approved、paying、paid、rejected 或 failed",
    ])
    expect(AdminDoctorWithdrawalsQuery.parse({ status: "" }).status).toBeUndefined()
  })

  it("asks for whole fen and the finance texts in Chinese, trimmed", () => {
    for (const body of [RequestDoctorWithdrawalBody, RequestEscortWithdrawalBody]) {
      expect(body.parse({ amount_fen: 1050 })).toEqual({ amount_fen: 1050 })
      expect(messages(body.safeParse({ amount_fen: 10.5 }))).toEqual([
        "提现金额应为正整数（分），且不超过 100 万元",
      ])
    }
    expect(PayDoctorWithdrawalBody.parse({ reference: " BANK-1 " })).toEqual({
      reference: "BANK-1",
    })
    expect(messages(PayDoctorWithdrawalBody.safeParse({ reference: "  " }))).toEqual([
      "请填写银行转账流水号（不超过 64 字）",
    ])
    expect(messages(RejectEscortWithdrawalBody.safeParse({}))).toEqual([
      "请填写驳回原因（不超过 200 字）",
    ])
  })
})
