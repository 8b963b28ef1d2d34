import Taro from "@tarojs/taro"
import { ApiError } from "@health/core"
import { appConfig } from "./config"

/** commerce's JSON refusal kept in the downloaded file, or null when it is not JSON. */
function refusalMessage(tempFilePath: string): string | null {
  try {
    const text = Taro.getFileSystemManager().readFileSync(tempFilePath, "utf8") as string
    return (JSON.parse(text) as { message?: string }).message ?? null
  } catch {
    return null
  }
}

/**
 * The member's 小程序码 (GET /store/affiliate/miniprogram-code, drawn by WeChat through
 * commerce) downloaded to a temporary file for the canvas. A refusal becomes an ApiError
 * with commerce's message, like any other call's.
 */
export async function downloadMiniprogramCode(token: string): Promise<string> {
  const { statusCode, tempFilePath } = await Taro.downloadFile({
    url: `${appConfig.commerceUrl}/store/affiliate/miniprogram-code`,
    header: {
      authorization: `Bearer ${token}`,
      "x-publishable-api-key": appConfig.publishableKey,
    },
  })
  if (statusCode === 200) return tempFilePath
  throw new ApiError(
    statusCode,
    refusalMessage(tempFilePath) ?? `小程序码获取失败（${statusCode}）`
  )
}
