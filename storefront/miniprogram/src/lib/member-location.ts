import Taro from "@tarojs/taro"
import type { GeoPoint } from "@health/core"

/**
 * The member's place (GCJ-02, as the CMS keeps sites), asked only when they tap for it. A
 * refusal or a failure is explained, never thrown: the page falls back to the plain list.
 */
export async function memberLocation(): Promise<{ at: GeoPoint } | { problem: string }> {
  try {
    const { latitude, longitude } = await Taro.getLocation({ type: "gcj02" })
    return { at: { latitude, longitude } }
  } catch (error) {
    const message = String((error as { errMsg?: string }).errMsg ?? "")
    return {
      problem: /auth|deny|denied|permission/i.test(message)
        ? "未获得位置权限，已为您列出全部采集点。如需按距离排序，可在右上角 … → 设置 中允许使用位置"
        : "暂时无法获取位置，已为您列出全部采集点",
    }
  }
}
