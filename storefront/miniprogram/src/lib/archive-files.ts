import Taro from "@tarojs/taro"
import { ApiError, type ArchiveUpload } from "@health/core"
import { appConfig } from "./config"
import { memberFileHeaders } from "./member-files"

const ARCHIVE = "/store/health-archive"

/** Up to `count` photos from the camera or the album (temporary paths); cancelling is none. */
export async function chooseRecordPhotos(count: number): Promise<string[]> {
  try {
    const { tempFiles } = await Taro.chooseMedia({
      count,
      mediaType: ["image"],
      sourceType: ["camera", "album"],
      sizeType: ["compressed"],
    })
    return tempFiles.map((file) => file.tempFilePath).slice(0, count)
  } catch {
    return []
  }
}

/**
 * One chosen photo into the member's archive (multipart field `files`, as the web sends). Commerce
 * checks the content and answers why in Chinese when it refuses.
 */
export async function uploadRecordPhoto(
  token: string,
  filePath: string,
  note: string
): Promise<ArchiveUpload[]> {
  const answer = await Taro.uploadFile({
    url: `${appConfig.commerceUrl}${ARCHIVE}/uploads`,
    filePath,
    name: "files",
    header: memberFileHeaders(token),
    formData: note ? { note } : {},
  })
  let body: { uploads?: ArchiveUpload[]; message?: string } = {}
  try {
    body = JSON.parse(String(answer.data || "{}"))
  } catch {
    // A proxy's error page: the status says enough.
  }
  if (answer.statusCode >= 300 || !body.uploads) {
    throw new ApiError(
      answer.statusCode,
      body.message || `上传失败（${answer.statusCode}），请重试`
    )
  }
  return body.uploads
}

/** Downloads one of the member's archive files with their token; the temporary path. */
export async function downloadArchiveFile(token: string, path: string): Promise<string> {
  const { statusCode, tempFilePath } = await Taro.downloadFile({
    url: `${appConfig.commerceUrl}${ARCHIVE}${path}`,
    header: memberFileHeaders(token),
  })
  if (statusCode !== 200)
    throw new ApiError(statusCode, `文件下载失败（${statusCode}），请稍后再试`)
  return tempFilePath
}
