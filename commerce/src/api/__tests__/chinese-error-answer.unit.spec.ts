import { z } from "@medusajs/framework/zod"
import { MedusaError } from "@medusajs/framework/utils"
import { chineseErrorAnswer } from "../chinese-error-answer"
import { ERROR_MESSAGES as M } from "../error-messages"
import { containsNul, isWellFormedPath } from "../reject-malformed-requests"
import { translateValidationMessage, useChineseZodMessages } from "../validation-messages"

const answer = (error: unknown) => {
  const { status, body } = chineseErrorAnswer(error)
  return [status, body.message]
}

describe("chineseErrorAnswer", () => {
  it("answers a path Express could not decode with 400", () => {
    expect(answer(new URIError("Failed to decode param '%E0%A4%A'"))).toEqual([
      400,
      M.malformedPath,
    ])
  })

  it("says a promotion code Medusa does not know is not a code, keeping 400", () => {
    const unknownCode = new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "The promotion code NOSUCH is invalid"
    )
    expect(answer(unknownCode)).toEqual([400, M.promotionCodeUnknown])
  })

  it("keeps body-parser's status and says what was wrong in Chinese", () => {
    const tooLarge = Object.assign(new Error("request entity too large"), {
      type: "entity.too.large",
      status: 413,
      statusCode: 413,
    })
    const notJson = Object.assign(new Error("Unexpected token } in JSON"), {
      type: "entity.parse.failed",
      status: 400,
    })
    expect(answer(tooLarge)).toEqual([413, M.payloadTooLarge])
    expect(answer(notJson)).toEqual([400, M.invalidJson])
  })

  it("turns a database data error (a NUL byte, a bad number) into 400, not 500", () => {
    const nul = Object.assign(new Error("invalid byte sequence for encoding UTF8: 0x00"), {
      code: "22021",
      name: "DriverException",
    })
    expect(answer(nul)).toEqual([400, M.invalidValue])
  })

  it("asks to retry when two payments of one member race for the account holder", () => {
    const race = new MedusaError(
      MedusaError.Types.DUPLICATE_ERROR,
      "Account_holder with provider_id, external_id pp_system_default, cus_1 already exists."
    )
    expect(answer(race)).toEqual([409, M.paymentInProgress])
    const fromThePaymentModule = new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "Account holder with provider_id: pp_system_default, external_id: cus_1, already exists."
    )
    expect(answer(fromThePaymentModule)).toEqual([409, M.paymentInProgress])
    expect(
      answer(new MedusaError(MedusaError.Types.CONFLICT, "Timed-out acquiring lock."))
    ).toEqual([409, M.conflict])
  })

  it("says a refund is more than is left of the payment, as a 400", () => {
    const over = new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "You are not allowed to refund more than the captured amount"
    )
    expect(answer(over)).toEqual([400, M.refundExceedsCaptured])
  })

  it("keeps a message that is already Chinese and its status", () => {
    expect(answer(new MedusaError(MedusaError.Types.NOT_ALLOWED, "该预约已取消"))).toEqual([
      400,
      "该预约已取消",
    ])
  })

  it("names each field of a validation error in Chinese", () => {
    const error = new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "Invalid request: Field 'shipping_address, postal_code' is required; Unrecognized fields: 'x, y'"
    )
    expect(answer(error)).toEqual([
      400,
      "字段 shipping_address.postal_code：必填；不支持的字段：x、y",
    ])
  })

  it("drops Medusa's English prefix from a schema's own Chinese message", () => {
    const error = new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "Invalid request: item_version 应为不超过 64 个字符的题目版本号"
    )
    expect(answer(error)).toEqual([400, "item_version 应为不超过 64 个字符的题目版本号"])
  })

  it("answers a query key nested too deep with 400, not Medusa's 500", () => {
    const deep = new MedusaError(
      MedusaError.Types.INVALID_ARGUMENT,
      "Key accessor more than 2 levels deep: a.b.c"
    )
    expect(answer(deep)).toEqual([400, M.queryTooDeep])
  })

  it("answers an id that names no provider with 404", () => {
    const unknown = new Error(
      "\nUnable to retrieve the fulfillment provider with id: missing_1\nPlease make sure …"
    )
    expect(answer(unknown)).toEqual([404, M.notFound])
  })

  it("answers a CMS that did not answer with 503 and its Chinese message, not a 500", () => {
    const down = new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      "隐私政策与同意书暂时无法从内容平台读取，请稍后再试",
      "cms_unavailable"
    )
    expect(answer(down)).toEqual([503, "隐私政策与同意书暂时无法从内容平台读取，请稍后再试"])
  })

  it("hides what an unexpected error says", () => {
    expect(answer(new Error("connect ECONNREFUSED 10.0.0.1:5432"))).toEqual([500, M.internal])
  })
})

describe("validation messages", () => {
  it("gives zod's own issues in Chinese with the field", () => {
    useChineseZodMessages()
    const result = z.object({ email: z.email() }).safeParse({ email: "not-an-email" })
    expect(result.error?.issues[0].message).toBe("字段 email：格式不正确")
  })

  it("translates every template Medusa words a zod issue with", () => {
    expect(
      translateValidationMessage(
        "Invalid request: Expected type: 'number' for field 'quantity', got: 'x'; Expected: 'a, b' for field 'status', but got: 'c'; Value for field 'limit' too big, expected at most: '100'"
      )
    ).toBe(
      "字段 quantity：类型不正确，应为数字；字段 status：取值必须是 a、b 之一；字段 limit：不能大于 100（长度或数值）"
    )
  })
})

describe("malformed requests", () => {
  it("refuses broken percent-encoding and control characters in a path", () => {
    expect(isWellFormedPath("/store/orders/order_01")).toBe(true)
    expect(isWellFormedPath("/store/orders/%E4%B8%AD")).toBe(true)
    for (const bad of ["/store/orders/%E0%A4%A", "/store/orders/%00", "/a/%zz", "/a/%0A"]) {
      expect(isWellFormedPath(bad)).toBe(false)
    }
  })

  it("finds a NUL byte anywhere in a body, keys included", () => {
    expect(containsNul({ a: [{ b: "ok" }] })).toBe(false)
    expect(containsNul({ a: [{ b: "o\u0000k" }] })).toBe(true)
    expect(containsNul({ ["k\u0000"]: 1 })).toBe(true)
  })
})
