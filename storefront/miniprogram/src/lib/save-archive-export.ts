import Taro from "@tarojs/taro"
import { isWeapp } from "./config"

const EXPORT_NAME = "健康档案.zip"

/**
 * Hands the downloaded export to the member: in WeChat as a file sent to a chat (a zip cannot
 * be opened in the document viewer; 文件传输助手 keeps it), in a browser as a download.
 */
export async function saveArchiveExport(tempFilePath: string): Promise<void> {
  if (isWeapp()) {
    await Taro.shareFileMessage({ filePath: tempFilePath, fileName: EXPORT_NAME })
    return
  }
  const link = document.createElement("a")
  link.href = tempFilePath
  link.download = EXPORT_NAME
  document.body.appendChild(link)
  link.click()
  link.remove()
}
