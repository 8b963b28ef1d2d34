import { formatDateTime, messages, type InboxMessage } from "@health/core"
import type { Metadata } from "next"
import { AccountPageHead } from "@/components/account/account-page-head"
import { NotificationPreferencesForm } from "@/components/account/notification-preferences-form"
import { KeepForOffline } from "@/components/pwa/keep-for-offline"
import { WebPushToggle } from "@/components/pwa/web-push-toggle"
import { inbox, webPush } from "@/lib/backends"
import { markAllRead, openMessage, saveNotificationPreferences } from "@/lib/inbox-actions"
import { requireMember } from "@/lib/require-member"
import { removeWebPushSubscription, saveWebPushSubscription } from "@/lib/web-push-actions"

export const metadata: Metadata = { title: messages.account.inbox }

const { account } = messages

function MessageRow({ message }: { message: InboxMessage }) {
  const unread = !message.read_at
  return (
    <li className={`inbox-row${unread ? " unread" : ""}`} data-testid="inbox-message">
      <form action={openMessage}>
        <input type="hidden" name="id" value={message.id} />
        <input type="hidden" name="link" value={message.link ?? "/account/inbox"} />
        <button type="submit" className="inbox-open">
          <strong>
            {unread && <span className="chip">{account.inboxUnread}</span>} {message.title}
          </strong>
          <span className="muted"> · {formatDateTime(message.created_at)}</span>
          <p>{message.body}</p>
        </button>
      </form>
    </li>
  )
}

/** 消息中心: the member's messages, newest first, and which channels may reach them. */
export default async function InboxPage() {
  const { token, member } = await requireMember("/account/inbox")
  const [page, preferences, pushKey] = await Promise.all([
    inbox.list(token, { limit: 50 }),
    inbox.preferences(token),
    // Reminders are an extra: the inbox shows whatever commerce says about them.
    webPush.publicKey().catch(() => null),
  ])
  const unreadIds = page.messages.filter((m) => !m.read_at).map((m) => m.id)
  return (
    <section className="account-page">
      <KeepForOffline member={member.id} />
      <AccountPageHead title={account.inbox} />
      <div className="panel">
        <div className="panel-head">
          <h2>
            {account.inbox}
            {page.unread_count > 0 && (
              <span className="muted" data-testid="inbox-unread">
                （{page.unread_count} 条未读）
              </span>
            )}
          </h2>
          {unreadIds.length > 0 && (
            <form action={markAllRead}>
              {unreadIds.map((id) => (
                <input key={id} type="hidden" name="id" value={id} />
              ))}
              <button type="submit" className="button">
                {account.inboxMarkAllRead}
              </button>
            </form>
          )}
        </div>
        {page.messages.length === 0 ? (
          <p className="muted">{account.inboxEmpty}</p>
        ) : (
          <ul className="inbox-list">
            {page.messages.map((message) => (
              <MessageRow key={message.id} message={message} />
            ))}
          </ul>
        )}
      </div>
      <div className="panel">
        <h2>{account.notificationSettings}</h2>
        <WebPushToggle
          publicKey={pushKey}
          save={saveWebPushSubscription}
          remove={removeWebPushSubscription}
        />
        <NotificationPreferencesForm current={preferences} save={saveNotificationPreferences} />
      </div>
    </section>
  )
}
