import type { MemberNotice } from "../../notifications/member-notice"

/**
 * What the service worker shows (storefront/web/public/sw.js): the inbox message's title and
 * body, the storefront path a tap opens, and a tag so a resent notice replaces the shown one.
 */
export type WebPushMessage = {
  title: string
  body: string
  link: string
  tag: string
}

/** Push services take about 4 KB of encrypted payload; the inbox keeps the full text. */
const MAX_BODY = 600

/** The web push of a member notice: the inbox message it announces, linked to it. */
export function webPushMessageOf(notice: MemberNotice): WebPushMessage {
  const { feed } = notice
  const body = feed.body.length > MAX_BODY ? `${feed.body.slice(0, MAX_BODY - 1)}…` : feed.body
  const link = feed.link && /^\/(?!\/)/.test(feed.link) ? feed.link : "/account/inbox"
  return { title: feed.title, body, link, tag: notice.key }
}
