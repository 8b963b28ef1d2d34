/**
 * 微信客服: what the member was looking at travels with them into the chat, so the agent
 * need not ask. The mini-program passes it to `<Button openType="contact">` (sessionFrom,
 * sendMessageTitle, sendMessagePath); the web appends it to the configured 微信客服 link.
 */

export type WechatKfPage =
  | { kind: "product"; handle: string; title: string }
  | { kind: "report"; id: string; title: string }
  | { kind: "order"; id: string; displayId?: string | number | null }

export type WechatKfContext = {
  /** `kind:id`, at most 64 characters: WeChat's limit for sessionFrom is larger, agents read it. */
  sessionFrom: string
  /** The card title shown in the chat (WeChat cuts it; kept short). */
  sendMessageTitle: string
  /** The mini-program page the card opens. */
  sendMessagePath: string
}

const TITLE_MAX = 30
const FROM_MAX = 64

const KIND_LABELS: Record<WechatKfPage["kind"], string> = {
  product: "商品咨询",
  report: "报告咨询",
  order: "订单咨询",
}

const clip = (text: string, max: number) =>
  [...text].length > max ? `${[...text].slice(0, max - 1).join("")}…` : text

function keyOf(page: WechatKfPage): string {
  return page.kind === "product" ? page.handle : page.id
}

function titleOf(page: WechatKfPage): string {
  const label = KIND_LABELS[page.kind]
  if (page.kind === "order") return `${label}：订单 #${page.displayId ?? page.id}`
  return `${label}：${page.title.trim() || keyOf(page)}`
}

/** Mini-program page paths (app.config.ts) of each kind. */
function pathOf(page: WechatKfPage): string {
  const key = encodeURIComponent(keyOf(page))
  switch (page.kind) {
    case "product":
      return `/pages/product/index?handle=${key}`
    case "report":
      return `/packages/health/reports/index?id=${key}`
    case "order":
      return `/packages/shop/orders/index?id=${key}`
  }
}

export function wechatKfContext(page: WechatKfPage): WechatKfContext {
  return {
    sessionFrom: clip(`${page.kind}:${keyOf(page)}`, FROM_MAX),
    sendMessageTitle: clip(titleOf(page), TITLE_MAX),
    sendMessagePath: pathOf(page),
  }
}

/**
 * The web's 微信客服 link (WECHAT_KF_URL, e.g. https://work.weixin.qq.com/kfid/kfc…) with the
 * context as `scene` and `scene_param` (what 微信客服 hands the agent); null when no link is
 * configured or it is not an https address, so the page shows no button.
 */
export function wechatKfLink(
  baseUrl: string | null | undefined,
  page: WechatKfPage
): string | null {
  if (!baseUrl) return null
  let url: URL
  try {
    url = new URL(baseUrl)
  } catch {
    return null
  }
  if (url.protocol !== "https:") return null
  const context = wechatKfContext(page)
  url.searchParams.set("scene", page.kind)
  url.searchParams.set("scene_param", `${context.sessionFrom}|${context.sendMessageTitle}`)
  return url.toString()
}
