import { Button, Switch, Text, View } from "@tarojs/components"
import Taro from "@tarojs/taro"
import { formatDateTime, messages, type InboxMessage } from "@health/core"
import { StateView } from "../../../components/state-view"
import { inbox } from "../../../lib/clients"
import { explainError } from "../../../lib/explain-error"
import { useMemberLoad } from "../../../lib/use-member-load"

/** 消息中心: order, kit, appointment and article messages, read state, push preferences. */
export default function Inbox() {
  const { result, reload } = useMemberLoad(async (token) => ({
    token,
    page: await inbox.list(token, { limit: 50 }),
    preferences: await inbox.preferences(token),
  }))

  async function act(action: () => Promise<unknown>) {
    try {
      await action()
      reload()
    } catch (error) {
      Taro.showToast({ title: explainError(error), icon: "none" })
    }
  }

  return (
    <View className="page" data-testid="inbox">
      <StateView result={result} onRetry={reload}>
        {({ token, page, preferences }) => (
          <View>
            <View className="section row">
              <Text>
                {messages.account.inboxUnread} {page.unread_count}
              </Text>
              {page.unread_count ? (
                <Button
                  size="mini"
                  onClick={() =>
                    act(() =>
                      inbox.markRead(
                        token,
                        page.messages.filter((m) => !m.read_at).map((m) => m.id)
                      )
                    )
                  }
                >
                  {messages.account.inboxMarkAllRead}
                </Button>
              ) : null}
            </View>
            {page.messages.length === 0 ? (
              <View className="section">
                <Text className="muted">{messages.account.inboxEmpty}</Text>
              </View>
            ) : (
              page.messages.map((m: InboxMessage) => (
                <View
                  key={m.id}
                  className="section"
                  data-testid="inbox-message"
                  onClick={() => !m.read_at && act(() => inbox.markRead(token, [m.id]))}
                >
                  <View className="row">
                    <Text className="section__title">
                      {m.read_at ? "" : "● "}
                      {m.title}
                    </Text>
                  </View>
                  <Text>{m.body}</Text>
                  <Text className="muted">{formatDateTime(m.created_at)}</Text>
                </View>
              ))
            )}
            <View className="section">
              <Text className="section__title">{messages.account.notificationSettings}</Text>
              <Text className="muted">{messages.account.notificationSettingsHint}</Text>
              <View className="list-item">
                <Text>{messages.account.notifySms}</Text>
                <Switch
                  checked={preferences.sms}
                  onChange={(e) => act(() => inbox.setPreferences(token, { sms: e.detail.value }))}
                />
              </View>
              <View className="list-item">
                <Text>{messages.account.notifyWechat}</Text>
                <Switch
                  checked={preferences.wechat}
                  onChange={(e) =>
                    act(() => inbox.setPreferences(token, { wechat: e.detail.value }))
                  }
                />
              </View>
            </View>
          </View>
        )}
      </StateView>
    </View>
  )
}
