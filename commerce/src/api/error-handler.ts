import type {
  MedusaErrorHandlerFunction,
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { chineseErrorAnswer } from "./chinese-error-answer"
import { answerDirectRefusalsInChinese } from "./chinese-direct-refusals"
import { useChineseZodMessages } from "./validation-messages"

/**
 * Replaces Medusa's error handler (registered last by `defineMiddlewares`): the same
 * status codes, but every message in Chinese, and bad input that only the database
 * noticed a 400 rather than a 500.
 */
export function chineseErrorHandler(): MedusaErrorHandlerFunction {
  useChineseZodMessages()
  answerDirectRefusalsInChinese()
  // Express knows an error handler by its four parameters.
  return (error: unknown, req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const { status, body } = chineseErrorAnswer(error)
    const logger = req.scope?.resolve(ContainerRegistrationKeys.LOGGER) ?? console
    if (status >= 500) logger.error(error as Error)
    else logger.info(`${status} ${req.method} ${req.path}: ${String((error as Error)?.message)}`)
    // Half an answer already went out (a stream): Express's own handler closes the connection.
    if (res.headersSent) return next(error)
    res.status(status).json(body)
  }
}
