import Taro from "@tarojs/taro"
import { appConfig } from "../../../lib/config"
import { fileRefusal, memberFileHeaders } from "../../../lib/member-files"

/**
 * A picture the member chose, uploaded as multipart `file` (mini-programs have no FormData:
 * Taro.uploadFile sends it); answers the attachment id to send with a message.
 */
export async function uploadConsultationPicture(
  token: string,
  consultationId: string,
  filePath: string
): Promise<string> {
  const { statusCode, data } = await Taro.uploadFile({
    url: `${appConfig.commerceUrl}/store/consultations/${encodeURIComponent(consultationId)}/attachments`,
    filePath,
    name: "file",
    header: memberFileHeaders(token),
  })
  if (statusCode !== 201) throw fileRefusal(statusCode, data, "图片发送失败")
  return (JSON.parse(data) as { attachment: { id: string } }).attachment.id
}

/**
 * A picture or PDF of the conversation (its `url` is the member's own attachment route),
 * fetched with the member's token into a temporary file: there is no public URL.
 */
export async function downloadConsultationFile(token: string, url: string): Promise<string> {
  const { statusCode, tempFilePath } = await Taro.downloadFile({
    url: `${appConfig.commerceUrl}${url}`,
    header: memberFileHeaders(token),
  })
  if (statusCode !== 200) throw new Error(`文件加载失败（${statusCode}）`)
  return tempFilePath
}
