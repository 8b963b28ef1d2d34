import Taro from "@tarojs/taro"

export type SaveOutcome = "saved" | "cancelled" | "denied"

const ALBUM_SCOPE = "scope.writePhotosAlbum"
const errMsg = (error: unknown) => String((error as { errMsg?: string })?.errMsg ?? "")
/** "fail auth deny", "fail auth denied", "fail authorize no response": no album permission. */
const isPermissionRefusal = (error: unknown) =>
  /auth(orize)? ?(deny|denied|no response)/.test(errMsg(error))

/**
 * Saves an image to the phone's album. WeChat asks the member the first time; once refused it
 * never asks again, so the member is sent to the settings page to allow 保存到相册, and the
 * image is saved when they come back with it allowed.
 */
export async function saveImageToAlbum(filePath: string): Promise<SaveOutcome> {
  try {
    await Taro.saveImageToPhotosAlbum({ filePath })
    return "saved"
  } catch (error) {
    if (/cancel/.test(errMsg(error))) return "cancelled"
    if (!isPermissionRefusal(error)) throw error
  }
  const { confirm } = await Taro.showModal({
    title: "需要相册权限",
    content: "保存海报需要允许「保存到相册」，请在设置中打开后继续",
    confirmText: "去设置",
  })
  if (!confirm) return "denied"
  const { authSetting } = await Taro.openSetting()
  if (!authSetting[ALBUM_SCOPE]) return "denied"
  await Taro.saveImageToPhotosAlbum({ filePath })
  return "saved"
}
