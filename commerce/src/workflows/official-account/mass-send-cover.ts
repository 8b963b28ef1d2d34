import type { Logger } from "@medusajs/framework/types"
import type { OfficialAccountConfig } from "../../modules/wechat-official-account/config"
import { DEFAULT_COVER } from "../../modules/wechat-official-account/default-cover"
import {
  addThumbMaterial,
  THUMB_MAX_BYTES,
} from "../../modules/wechat-official-account/official-account-api"
import type WechatOfficialAccountModuleService from "../../modules/wechat-official-account/service"

const PICTURE_TIMEOUT_MS = 5000

const isJpeg = (bytes: Uint8Array) => bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff

/** The picture at `url` when WeChat would take it as a thumb (a JPEG of 64 KB at most), else null. */
async function thumbPicture(url: string): Promise<Uint8Array | null> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(PICTURE_TIMEOUT_MS) })
    if (!response.ok) return null
    const declared = Number(response.headers.get("content-length"))
    if (declared > THUMB_MAX_BYTES) {
      await response.body?.cancel()
      return null
    }
    const bytes = new Uint8Array(await response.arrayBuffer())
    return bytes.length <= THUMB_MAX_BYTES && isJpeg(bytes) ? bytes : null
  } catch {
    return null
  }
}

const filenameOf = (url: string) =>
  decodeURIComponent(new URL(url).pathname.split("/").pop() || "cover.jpg").slice(0, 100)

/**
 * The thumb_media_id of a 群发's cover: the first of the content's pictures WeChat takes as
 * a thumb, else the built-in cover. Each picture is uploaded as permanent material once
 * (wechat_oa_thumb_material, by URL); a picture already uploaded is not fetched again.
 * Throws WechatApiError when WeChat refuses the upload.
 */
export async function massSendCover(
  oa: WechatOfficialAccountModuleService,
  config: OfficialAccountConfig,
  coverUrls: string[],
  logger: Logger
): Promise<string> {
  for (const url of coverUrls) {
    const known = await oa.thumbMaterialOf(url)
    if (known) return known.media_id
    const bytes = await thumbPicture(url)
    if (!bytes) {
      logger.info(`[official-account] cover ${url} is not a JPEG of at most 64 KB: not used`)
      continue
    }
    const uploaded = await addThumbMaterial(config, { bytes, filename: filenameOf(url) })
    return (await oa.recordThumbMaterial({ source: url, ...uploaded, bytes: bytes.length }))
      .media_id
  }
  const known = await oa.thumbMaterialOf(DEFAULT_COVER.source)
  if (known) return known.media_id
  const bytes = DEFAULT_COVER.bytes()
  const uploaded = await addThumbMaterial(config, {
    bytes,
    filename: DEFAULT_COVER.filename,
  })
  return (
    await oa.recordThumbMaterial({
      source: DEFAULT_COVER.source,
      ...uploaded,
      bytes: bytes.length,
    })
  ).media_id
}
