import Taro from "@tarojs/taro"
import { escortConversationPath } from "@health/core"
import { appConfig } from "../../../lib/config"
import { fileRefusal, memberFileHeaders } from "../../../lib/member-files"
import { taroFetch } from "../../../lib/taro-fetch"

/** The commerce connection @health/core's 陪诊 clients take, on Taro.request. */
export const escortCommerce = () => ({
  baseUrl: appConfig.commerceUrl ?? "",
  publishableKey: appConfig.publishableKey ?? "",
  fetch: taroFetch,
})

/**
 * A picture the member chose, uploaded as multipart `file` (mini-programs have no FormData:
 * Taro.uploadFile sends it); answers the upload id to send with a message.
 */
export async function uploadEscortPicture(
  token: string,
  bookingId: string,
  filePath: string
): Promise<string> {
  const { statusCode, data } = await Taro.uploadFile({
    url: `${appConfig.commerceUrl}${escortConversationPath("member", bookingId)}/messages/images`,
    filePath,
    name: "file",
    header: memberFileHeaders(token),
  })
  if (statusCode !== 201) throw fileRefusal(statusCode, data, "图片发送失败")
  return (JSON.parse(data) as { upload: { id: string } }).upload.id
}

/**
 * A picture of the conversation or report, fetched with the member's token into a temporary
 * file (commerce serves it to the booking's parties only; there is no public URL).
 */
export async function downloadEscortPicture(token: string, imageUrl: string): Promise<string> {
  const { statusCode, tempFilePath } = await Taro.downloadFile({
    url: `${appConfig.commerceUrl}${imageUrl}`,
    header: memberFileHeaders(token),
  })
  if (statusCode !== 200) throw new Error(`图片加载失败（${statusCode}）`)
  return tempFilePath
}
