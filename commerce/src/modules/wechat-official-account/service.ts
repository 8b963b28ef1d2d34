import { MedusaError, MedusaService } from "@medusajs/framework/utils"
import { OfficialAccountFollower } from "./models/follower"
import { OfficialAccountInboundMessage } from "./models/inbound-message"
import { OfficialAccountMassSend } from "./models/mass-send"
import { OfficialAccountMenu } from "./models/menu"
import { OfficialAccountReplyRule } from "./models/reply-rule"
import { OfficialAccountTemplateSend } from "./models/template-send"
import type { MenuButton } from "./official-account-api"

export const DEFAULT_MENU_ID = "default"

export type InboundClaim = { fresh: true; id: string } | { fresh: false; reply_xml: string | null }

export type ReplyKind = "keyword" | "click" | "follow"

/**
 * The service account's own data: followers and their member links, delivered messages
 * (deduplicated), reply rules, the custom menu and the log of template sends. WeChat's API
 * is called by the workflows and routes (official-account-api.ts), not from here.
 */
export default class WechatOfficialAccountModuleService extends MedusaService({
  OfficialAccountFollower,
  OfficialAccountInboundMessage,
  OfficialAccountReplyRule,
  OfficialAccountMenu,
  OfficialAccountTemplateSend,
  OfficialAccountMassSend,
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
}
