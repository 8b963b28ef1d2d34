import type { EscortLocation } from "@health/core"
import Taro from "@tarojs/taro"
import { escortApp } from "./escort-app-client"

/**
 * The escort's place for a step or a 报备 (Taro.getLocation, GCJ-02 as Tencent Maps uses). A
 * refusal is explained, never thrown: the step can still go without the place.
 */
export async function taskLocation(): Promise<{ location: EscortLocation } | { problem: string }> {
  try {
    const { latitude, longitude } = await Taro.getLocation({ type: "gcj02" })
    return { location: { lat: latitude, lng: longitude } }
  } catch (error) {
    const message = String((error as { errMsg?: string }).errMsg ?? "")
    return {
      problem: /auth|deny|denied|permission/i.test(message)
        ? "未获得定位权限，可在右上角 … → 设置 中允许"
        : "暂时无法获取位置，请稍后再试",
    }
  }
}

/** Photos chosen from the camera or album (temporary paths); cancelling is no photo. */
export async function chooseTaskPhotos(count: number): Promise<string[]> {
  try {
    const { tempFilePaths } = await Taro.chooseImage({
      count,
      sizeType: ["compressed"],
      sourceType: ["camera", "album"],
    })
    return tempFilePaths.slice(0, count)
  } catch {
    return []
  }
}

/** Uploads one chosen photo to the task's pictures; its id goes with the step or 报备. */
export async function uploadTaskPhoto(token: string, taskId: string, path: string) {
  const target = escortApp.escortTaskPhotoUploadTarget(token, taskId)
  const answer = await Taro.uploadFile({
    url: target.url,
    filePath: path,
    name: target.name,
    header: target.header,
  })
  const body = JSON.parse(String(answer.data || "{}")) as {
    upload?: { id: string }
    message?: string
  }
  if (answer.statusCode >= 300 || !body.upload) {
    throw new Error(body.message || "照片上传失败，请重试")
  }
  return body.upload.id
}
