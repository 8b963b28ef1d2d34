import AffiliateModule, {
  AFFILIATE_MODULE,
} from "@health/medusa-plugin-affiliate/modules/affiliate"
import type { ICachingModuleService, MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { WECHAT_PLATFORM_MODULE } from "../../modules/wechat-platform"
import type WechatPlatformModuleService from "../../modules/wechat-platform/service"
import type { CodeImage, UnlimitedCodeRequest } from "../../modules/wechat-platform/unlimited-code"
import { WechatApiError } from "../../modules/wechat-platform/wechat-api"
import { MINIPROGRAM_PAGES } from "../wechat/miniprogram-pages"

type AffiliateModuleService = InstanceType<(typeof AffiliateModule)["service"]>

/**
 * A code never changes, so it is kept for a week in Medusa's caching module on Redis, shared by
 * every server (WeChat allows 5000 calls a minute, and a poster is opened again and again).
 */
const CACHE_SECONDS = 7 * 24 * 3600
const CODE_WIDTH = 430

/** WeChat could not draw the code: answered as 502 with this message. */
export class MiniprogramCodeUnavailableError extends Error {
  constructor(
    message: string,
    readonly errcode: number | null
  ) {
    super(message)
  }
}

/** Why WeChat refused, for the member (and for whoever reads the log: the errcode). */
function explain(errcode: number): string {
  if (errcode === 41030) return "小程序页面不存在或小程序尚未发布，暂时无法生成小程序码"
  if (errcode === 40129 || errcode === 40169) return "推荐码无法写入小程序码，请联系客服"
  if (errcode === 45009 || errcode === 45011) return "生成小程序码过于频繁，请稍后再试"
  if ([40001, 40013, 40014, 40125, 42001, 41002, 41004].includes(errcode))
    return "小程序码服务配置有误，请联系客服"
  if (errcode === 40097) return "小程序码参数有误（版本设置），请联系客服"
  return "微信暂时无法生成小程序码，请稍后再试"
}

/** fetch's own failures: no connection (TypeError "fetch failed") or no answer in time. */
const unreachable = (error: unknown) => {
  // By name: undici's errors come from Node's own realm, not always this module's.
  const { name, message } = (error ?? {}) as { name?: string; message?: string }
  return (
    (name === "TypeError" && message === "fetch failed") ||
    name === "TimeoutError" ||
    name === "AbortError"
  )
}

/**
 * Which mini-program version a scanned code opens: WECHAT_MINIPROGRAM_CODE_ENV (release, trial
 * or develop), default release. Passed on as set: WeChat refuses anything else (40097).
 */
const envVersion = (env: NodeJS.ProcessEnv) =>
  (env.WECHAT_MINIPROGRAM_CODE_ENV || "release") as UnlimitedCodeRequest["env_version"]

type Cached = { base64: string; mime_type: CodeImage["mime_type"] }

/**
 * The member's 小程序码 for the share poster: it opens the home page with
 * `scene=ref=<share code>`, which the mini-program keeps and binds at sign-in like a
 * shared card's ?ref=. Kept in Medusa's cache (Redis when configured) per code and version,
 * so reopening the poster does not call WeChat again.
 */
export async function referralMiniprogramCode(
  container: MedusaContainer,
  customerId: string,
  env: NodeJS.ProcessEnv = process.env
): Promise<CodeImage & { code: string }> {
  const affiliates = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  const affiliate = await affiliates.ensureAffiliate(customerId)
  if (affiliate.status === "disabled") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "您的推荐码已停用，不能生成小程序码")
  }
  const wechat = container.resolve<WechatPlatformModuleService>(WECHAT_PLATFORM_MODULE)
  const config = wechat.config()
  const request: UnlimitedCodeRequest = {
    scene: `ref=${affiliate.code}`,
    page: MINIPROGRAM_PAGES.home,
    check_path: false,
    env_version: envVersion(env),
    width: CODE_WIDTH,
  }
  // Absent without Redis (a bare `medusa develop`): then every poster asks WeChat.
  const cache = container.resolve<ICachingModuleService | undefined>(Modules.CACHING, {
    allowUnregistered: true,
  })
  const key = `wxacode:${config.appid}:${request.env_version}:${request.page}:${request.width}:${request.scene}`
  const hit = (await cache?.get({ key })) as Cached | null | undefined
  if (hit) {
    return {
      bytes: Buffer.from(hit.base64, "base64"),
      mime_type: hit.mime_type,
      code: affiliate.code,
    }
  }
  let image: CodeImage
  try {
    image = await wechat.unlimitedCode(request)
  } catch (error) {
    if (error instanceof WechatApiError) {
      throw new MiniprogramCodeUnavailableError(explain(error.errcode), error.errcode)
    }
    if (unreachable(error)) {
      throw new MiniprogramCodeUnavailableError("暂时连接不上微信，请稍后再试", null)
    }
    throw error
  }
  await cache?.set({
    key,
    data: { base64: image.bytes.toString("base64"), mime_type: image.mime_type } satisfies Cached,
    ttl: CACHE_SECONDS,
    // Its own tag, and no invalidation by data events: the image depends on nothing stored.
    tags: ["wxacode"],
    options: { autoInvalidate: false },
  })
  return { ...image, code: affiliate.code }
}
