import { appConfig } from "./config"

/** The member's token and the sales channel's key, as commerce wants them on file requests. */
export const memberFileHeaders = (token: string) => ({
  authorization: `Bearer ${token}`,
  "x-publishable-api-key": appConfig.publishableKey ?? "",
})

/** Commerce's Chinese reason for refusing an upload or download, else `fallback` and the status. */
export function fileRefusal(statusCode: number, data: unknown, fallback: string): Error {
  try {
    const body = typeof data === "string" ? JSON.parse(data) : data
    return new Error((body as { message?: string })?.message ?? fallback)
  } catch {
    return new Error(`${fallback}（${statusCode}）`)
  }
}
