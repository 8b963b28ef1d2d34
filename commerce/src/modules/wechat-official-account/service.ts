import { MedusaError, MedusaService } from "@medusajs/framework/utils"
import { OfficialAccountFollower } from "./models/follower"
import { OfficialAccountInboundMessage } from "./models/inbound-message"
import { OfficialAccountMassSend } from "./models/mass-send"
import { OfficialAccountMenu } from "./models/menu"
import { OfficialAccountMicrositeProduct } from "./models/microsite-product"
import { OfficialAccountReplyRule } from "./models/reply-rule"
import { OfficialAccountTemplateSend } from "./models/template-send"
import { OfficialAccountThumbMaterial } from "./models/thumb-material"
import { templateDeliveryOf, type TemplateDelivery } from "./template-delivery"
import type { MenuButton } from "./official-account-api"

export const DEFAULT_MENU_ID = "default"

export type InboundClaim = { fresh: true; id: string } | { fresh: false; reply_xml: string | null }

export type ReplyKind = "keyword" | "click" | "follow"

/** Per delivery outcome, the sent template messages; `pending` has no report yet. */
export type TemplateDeliveryCounts = Record<TemplateDelivery | "pending", number>

/**
 * The service account's own data: followers and their member links, delivered messages
 * (deduplicated), reply rules, the custom menu, the log of template sends and their delivery
 * reports, 群发 and its cover pictures, and which products the 微官网 shows. WeChat's API
 * is called by the workflows and routes (official-account-api.ts), not from here.
 */
export default class WechatOfficialAccountModuleService extends MedusaService({
  OfficialAccountFollower,
  OfficialAccountInboundMessage,
  OfficialAccountReplyRule,
  OfficialAccountMenu,
  OfficialAccountTemplateSend,
  OfficialAccountMassSend,
  OfficialAccountThumbMaterial,
  OfficialAccountMicrositeProduct,
}) {
  /**
   * Takes a delivery once: fresh the first time its key is seen, else the reply the first
   * delivery gave (WeChat retries a message it had no answer to within 5 s, three times).
   * Two deliveries at once: the unique index lets one in; the other reads its row.
   */
  async claimInbound(input: {
    dedupe_key: string
    openid: string
    msg_type: string
    event: string | null
    content: string | null
  }): Promise<InboundClaim> {
    const seen = async (): Promise<InboundClaim | null> => {
      const [row] = await this.listOfficialAccountInboundMessages(
        { dedupe_key: input.dedupe_key },
        { take: 1 }
      )
      return row ? { fresh: false, reply_xml: row.reply_xml ?? null } : null
    }
    const before = await seen()
    if (before) return before
    try {
      const created = await this.createOfficialAccountInboundMessages(input)
      return { fresh: true, id: created.id }
    } catch (error) {
      const after = await seen()
      if (after) return after
      throw error
    }
  }

  async saveInboundReply(id: string, replyXml: string | null): Promise<void> {
    await this.updateOfficialAccountInboundMessages({ id, reply_xml: replyXml })
  }

  /** The follower of `openid` now follows: created, or re-followed keeping its member link. */
  async recordFollow(input: { openid: string; unionid: string | null; at: Date }) {
    const [existing] = await this.listOfficialAccountFollowers(
      { openid: input.openid },
      { take: 1 }
    )
    if (existing) {
      return this.updateOfficialAccountFollowers({
        id: existing.id,
        unionid: input.unionid ?? existing.unionid,
        subscribed: true,
        followed_at: input.at,
        unfollowed_at: null,
      })
    }
    try {
      return await this.createOfficialAccountFollowers({
        openid: input.openid,
        unionid: input.unionid,
        subscribed: true,
        followed_at: input.at,
      })
    } catch (error) {
      // A concurrent follow of the same openid created it first.
      const [row] = await this.listOfficialAccountFollowers({ openid: input.openid }, { take: 1 })
      if (row) return row
      throw error
    }
  }

  async recordUnfollow(openid: string, at: Date): Promise<void> {
    const [existing] = await this.listOfficialAccountFollowers({ openid }, { take: 1 })
    if (!existing) return
    await this.updateOfficialAccountFollowers({
      id: existing.id,
      subscribed: false,
      unfollowed_at: at,
    })
  }

  /** Links a follower to a member. Refuses a follower already linked to another member. */
  async linkFollower(openid: string, customerId: string, linkedBy: "unionid" | "bind") {
    const [follower] = await this.listOfficialAccountFollowers({ openid }, { take: 1 })
    if (!follower) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, "未找到该公众号关注者，请先关注公众号")
    }
    if (follower.customer_id && follower.customer_id !== customerId) {
      throw new MedusaError(MedusaError.Types.CONFLICT, "该微信已绑定其他会员")
    }
    if (follower.customer_id === customerId) return follower
    return this.updateOfficialAccountFollowers({
      id: follower.id,
      customer_id: customerId,
      linked_by: linkedBy,
    })
  }

  /** The member's follower row while they follow, or null. */
  async followingFollowerOf(customerId: string) {
    const [follower] = await this.listOfficialAccountFollowers(
      { customer_id: customerId, subscribed: true },
      { take: 1, order: { followed_at: "DESC" } }
    )
    return follower ?? null
  }

  /**
   * The reply text for a keyword, a click key or a follow, from the enabled rules: highest
   * priority first, then the oldest; exact keywords ignore case and surrounding spaces.
   */
  async replyFor(kind: ReplyKind, text: string): Promise<string | null> {
    const rules = await this.listOfficialAccountReplyRules(
      { kind, enabled: true },
      { order: { priority: "DESC", created_at: "ASC" }, take: 500 }
    )
    const said = text.trim().toLowerCase()
    const rule = rules.find((r) => {
      if (kind === "follow") return true
      if (kind === "click") return r.match === text
      const match = r.match.trim().toLowerCase()
      if (!match) return false
      return r.match_mode === "contains" ? said.includes(match) : said === match
    })
    return rule?.reply_text ?? null
  }

  async menu(): Promise<{
    buttons: MenuButton[]
    published_at: Date | null
    last_publish_errcode: number | null
    last_publish_errmsg: string | null
  }> {
    const [row] = await this.listOfficialAccountMenus({ id: DEFAULT_MENU_ID }, { take: 1 })
    return {
      buttons: ((row?.buttons as unknown as MenuButton[] | undefined) ?? []) as MenuButton[],
      published_at: row?.published_at ?? null,
      last_publish_errcode: row?.last_publish_errcode ?? null,
      last_publish_errmsg: row?.last_publish_errmsg ?? null,
    }
  }

  async saveMenu(buttons: MenuButton[]) {
    const [row] = await this.listOfficialAccountMenus({ id: DEFAULT_MENU_ID }, { take: 1 })
    const data = { buttons: buttons as unknown as Record<string, unknown> }
    if (row) await this.updateOfficialAccountMenus({ id: DEFAULT_MENU_ID, ...data })
    else await this.createOfficialAccountMenus({ id: DEFAULT_MENU_ID, ...data })
    return this.menu()
  }

  async recordMenuPublish(result: { errcode: number; errmsg: string }, at: Date) {
    await this.updateOfficialAccountMenus({
      id: DEFAULT_MENU_ID,
      last_publish_errcode: result.errcode,
      last_publish_errmsg: result.errmsg,
      ...(result.errcode === 0 ? { published_at: at } : {}),
    })
    return this.menu()
  }

  /** A template send's outcome, once per notice and member (a redelivered event adds nothing). */
  async recordTemplateSend(input: {
    notice_key: string
    customer_id: string
    openid: string | null
    template_id: string
    outcome: "sent" | "failed" | "opted_out" | "not_following"
    errcode: number | null
    errmsg: string | null
    msg_id?: string | null
  }): Promise<void> {
    const [existing] = await this.listOfficialAccountTemplateSends(
      { notice_key: input.notice_key, customer_id: input.customer_id },
      { take: 1 }
    )
    if (existing) return
    await this.createOfficialAccountTemplateSends(input)
  }

  /** Mass sends of a month that used the quota or may still (WeChat accepted or is being asked). */
  async massSendsCountedIn(month: string): Promise<number> {
    const [, count] = await this.listAndCountOfficialAccountMassSends(
      { month, status: ["sending", "submitted", "finished", "send_failed"] },
      { take: 1 }
    )
    return count
  }

  /**
   * MASSSENDJOBFINISH: the outcome of an accepted send, by its msg_id. WeChat may push the
   * event again: the first one is kept. Null when no send has that msg_id.
   */
  async finishMassSend(input: {
    msg_id: string
    job_status: string
    total_count: number | null
    filter_count: number | null
    sent_count: number | null
    error_count: number | null
  }): Promise<{ id: string; updated: boolean } | null> {
    const [row] = await this.listOfficialAccountMassSends({ msg_id: input.msg_id }, { take: 1 })
    if (!row) return null
    if (row.status !== "submitted") return { id: row.id, updated: false }
    await this.updateOfficialAccountMassSends({
      id: row.id,
      status: input.job_status === "send success" ? "finished" : "send_failed",
      job_status: input.job_status,
      total_count: input.total_count,
      filter_count: input.filter_count,
      sent_count: input.sent_count,
      error_count: input.error_count,
      finished_at: new Date(),
    })
    return { id: row.id, updated: true }
  }

  /**
   * TEMPLATESENDJOBFINISH: WeChat's delivery report of a template message, on the send with
   * that msg_id. The first report is kept (WeChat may push it again). Null when no send has it.
   */
  async reportTemplateDelivery(input: {
    msg_id: string
    status: string
    at: Date
  }): Promise<{ id: string; updated: boolean } | null> {
    const [row] = await this.listOfficialAccountTemplateSends({ msg_id: input.msg_id }, { take: 1 })
    if (!row) return null
    if (row.delivery) return { id: row.id, updated: false }
    await this.updateOfficialAccountTemplateSends({
      id: row.id,
      delivery: templateDeliveryOf(input.status),
      delivery_status: input.status.slice(0, 200),
      delivery_reported_at: input.at,
    })
    return { id: row.id, updated: true }
  }

  /** How the sent template messages fared, by WeChat's delivery reports. */
  async templateDeliveryCounts(): Promise<TemplateDeliveryCounts> {
    const count = async (filters: Record<string, unknown>) =>
      (await this.listAndCountOfficialAccountTemplateSends(filters, { take: 1 }))[1]
    const [delivered, user_blocked, system_failed, other, pending] = await Promise.all([
      count({ outcome: "sent", delivery: "delivered" }),
      count({ outcome: "sent", delivery: "user_blocked" }),
      count({ outcome: "sent", delivery: "system_failed" }),
      count({ outcome: "sent", delivery: "other" }),
      count({ outcome: "sent", delivery: null }),
    ])
    return { delivered, user_blocked, system_failed, other, pending }
  }

  /** The permanent cover picture already uploaded from `source`, or null. */
  async thumbMaterialOf(source: string) {
    const [row] = await this.listOfficialAccountThumbMaterials({ source }, { take: 1 })
    return row ?? null
  }

  /** Records an uploaded cover picture; a concurrent upload of the same source keeps the first. */
  async recordThumbMaterial(input: {
    source: string
    media_id: string
    url: string | null
    bytes: number
  }) {
    try {
      return await this.createOfficialAccountThumbMaterials(input)
    } catch (error) {
      const first = await this.thumbMaterialOf(input.source)
      if (first) return first
      throw error
    }
  }

  /** Products the 微官网 does not show (staff switched 发布到微官网 off); all others are shown. */
  async micrositeHiddenProductIds(): Promise<string[]> {
    const rows = await this.listOfficialAccountMicrositeProducts(
      { shown: false },
      { select: ["product_id"], take: null }
    )
    return rows.map((row) => row.product_id)
  }

  /** Whether the 微官网 shows the product: yes unless staff switched it off. */
  async isProductOnMicrosite(productId: string): Promise<boolean> {
    const [row] = await this.listOfficialAccountMicrositeProducts(
      { product_id: productId },
      { take: 1 }
    )
    return row?.shown ?? true
  }

  /** Sets 发布到微官网 for a product; answers the flag as stored. */
  async setProductOnMicrosite(productId: string, shown: boolean, changedBy: string | null) {
    const [row] = await this.listOfficialAccountMicrositeProducts(
      { product_id: productId },
      { take: 1 }
    )
    if (row) {
      await this.updateOfficialAccountMicrositeProducts({
        id: row.id,
        shown,
        changed_by: changedBy,
      })
    } else {
      try {
        await this.createOfficialAccountMicrositeProducts({
          product_id: productId,
          shown,
          changed_by: changedBy,
        })
      } catch (error) {
        // Two saves at once: the other created the row; this one's choice wins.
        const [created] = await this.listOfficialAccountMicrositeProducts(
          { product_id: productId },
          { take: 1 }
        )
        if (!created) throw error
        await this.updateOfficialAccountMicrositeProducts({
          id: created.id,
          shown,
          changed_by: changedBy,
        })
      }
    }
    return { product_id: productId, shown }
  }
}
