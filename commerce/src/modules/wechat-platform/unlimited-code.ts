import { accessToken, isRejectedToken } from "./access-token"
import { WechatApiError, wechatLoginConfigFromEnv, type WechatLoginConfig } from "./wechat-api"

/** The body of POST /wxa/getwxacodeunlimit (获取不限制的小程序码). */
export type UnlimitedCodeRequest = {
  /** What the code opens the page with, as `query.scene`: at most 32 characters. */
  scene: string
  /** A page path without a leading "/" and without a query. */
  page: string
  /** false: draw the code even for a page not yet in the published version. */
  check_path: boolean
  env_version: "release" | "trial" | "develop"
  /** 280 to 1280 px. */
  width: number
}

export type CodeImage = { bytes: Buffer; mime_type: "image/png" | "image/jpeg" }

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const JPEG = Buffer.from([0xff, 0xd8, 0xff])

/** What the bytes are (WeChat's content type is not always the image's own format). */
function imageType(bytes: Buffer): CodeImage["mime_type"] | null {
  if (bytes.subarray(0, PNG.length).equals(PNG)) return "image/png"
  if (bytes.subarray(0, JPEG.length).equals(JPEG)) return "image/jpeg"
  return null
}

/** WeChat answers the image itself on success and a JSON errcode on failure. */
async function requestCode(
  config: WechatLoginConfig,
  token: string,
  body: string
): Promise<CodeImage | { errcode: number; errmsg: string }> {
  const url = new URL("/wxa/getwxacodeunlimit", config.apiBase)
  url.search = new URLSearchParams({ access_token: token }).toString()
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
    signal: AbortSignal.timeout(8000),
  })
  const bytes = Buffer.from(await response.arrayBuffer())
  const mime = imageType(bytes)
  if (response.ok && mime) return { bytes, mime_type: mime }
  try {
    const answer = JSON.parse(bytes.toString("utf8")) as { errcode?: number; errmsg?: string }
    if (answer.errcode) return { errcode: answer.errcode, errmsg: answer.errmsg ?? "" }
  } catch {
    // Neither an image nor WeChat's JSON: a proxy's page, reported below by its status.
  }
  return { errcode: -1, errmsg: `unexpected answer (HTTP ${response.status})` }
}

/**
 * A 小程序码 from POST /wxa/getwxacodeunlimit: permanent and unlimited in number, opening
 * `page` with `scene`. Fetches the access_token again once when WeChat refuses it (like
 * subscribe messages); throws WechatApiError with WeChat's errcode otherwise.
 */
export async function getUnlimitedCode(
  request: UnlimitedCodeRequest,
  config: WechatLoginConfig = wechatLoginConfigFromEnv()
): Promise<CodeImage> {
  const body = JSON.stringify(request)
  const token = await accessToken(config)
  let answer = await requestCode(config, token, body)
  if ("errcode" in answer && isRejectedToken(answer.errcode)) {
    answer = await requestCode(config, await accessToken(config, token), body)
  }
  if ("errcode" in answer) throw new WechatApiError(answer.errcode, answer.errmsg)
  return answer
}
