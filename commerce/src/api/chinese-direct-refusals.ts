import { chineseErrorAnswer } from "./chinese-error-answer"

const CHINESE = /[\u4e00-\u9fff]/
type JsonBody = { message?: unknown; type?: unknown }
type ExpressResponse = { statusCode: number; json: (body: unknown) => unknown }

let installed = false

/**
 * Medusa's `authenticate` answers 401 itself (`{ message: "Unauthorized" }`), and some
 * of its routes answer 4xx without throwing, before or beside any error handler. The
 * JSON body of every 4xx answer therefore passes here: an English message gets the
 * Chinese wording for its type and status; the status and other fields stay.
 */
export function answerDirectRefusalsInChinese() {
  if (installed) return
  installed = true
  // The one express Medusa builds its app with.
  const expressPath = require.resolve("express", {
    paths: [require.resolve("@medusajs/framework")],
  })
  const response = require(expressPath).response as ExpressResponse
  const json = response.json
  response.json = function (this: ExpressResponse, body: unknown) {
    const refusal = body as JsonBody | null
    if (
      this.statusCode >= 400 &&
      this.statusCode < 500 &&
      refusal &&
      typeof refusal === "object" &&
      typeof refusal.message === "string" &&
      !CHINESE.test(refusal.message)
    ) {
      const { body: chinese } = chineseErrorAnswer({
        type: refusal.type,
        message: refusal.message,
        status: this.statusCode,
      })
      return json.call(this, { ...refusal, message: chinese.message })
    }
    return json.call(this, body)
  }
}
