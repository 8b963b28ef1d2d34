import { Button, Text, View } from "@tarojs/components"
import { useDidShow } from "@tarojs/taro"
import { displayName, formatCnMobile, messages, type Member } from "@health/core"
import { StateView } from "../../components/state-view"
import { inbox, member } from "../../lib/clients"
import { go, routes } from "../../lib/navigate"
import { session } from "../../lib/session"
import { useLoad } from "../../lib/use-load"

type AccountView = { member: Member; unread: number } | null

const MENU = [
  { label: "我的订单", url: routes.orders },
  { label: "激活检测盒", url: routes.kitActivate },
  { label: "我的报告", url: routes.reports },
  { label: "我的资料（病历、化验单）", url: routes.uploads },
  { label: "知情同意", url: routes.consents },
  { label: "档案访问记录", url: routes.accessLog },
  { label: "健康档案导出与删除", url: routes.archiveData },
  { label: "体质测试", url: routes.constitutionTest },
  { label: "体质辨识记录", url: routes.constitutionHistory },
  { label: messages.account.appointments, url: routes.appointments },
  { label: "线下义诊报名", url: routes.clinicSessions },
  { label: "附近的采集点", url: routes.sites },
  { label: "我的陪诊", url: routes.escortBookings },
  { label: "在线问诊", url: routes.consultDoctors },
  { label: "我的问诊", url: routes.consultations },
  { label: "专家在线咨询", url: routes.groupSessions },
  { label: "检测评估", url: routes.assessments },
  { label: "陪诊员工作台", url: "/packages/escort-app/tasks/index" },
  { label: messages.account.affiliate, url: routes.affiliate },
  { label: messages.account.profile, url: routes.profile },
  { label: messages.account.addresses, url: routes.addresses },
  { label: "修改密码", url: routes.password },
  { label: "隐私政策", url: routes.privacy },
]

export default function Account() {
  const { result, reload } = useLoad(async (): Promise<AccountView> => {
    const token = session.token()
    if (!token) return null
    try {
      const [me, unread] = await Promise.all([member.me(token), inbox.unreadCount(token)])
      return { member: me, unread }
    } catch (error) {
      // An expired token: back to visitor.
      if ((error as { status?: number }).status === 401) {
        session.signOut()
        return null
      }
      throw error
    }
  })
  useDidShow(() => reload())

  return (
    <View className="page" data-testid="account">
      <StateView result={result} onRetry={reload}>
        {(view) =>
          view ? (
            <View>
              <View className="section">
                <Text className="section__title" data-testid="member-name">
                  {displayName(view.member) || "会员"}
                </Text>
                <Text className="muted">
                  {view.member.phone ? formatCnMobile(view.member.phone) : "未绑定手机号"}
                </Text>
              </View>
              <View className="section">
                <View className="list-item" onClick={() => go(routes.inbox)}>
                  <Text>{messages.account.inbox}</Text>
                  <Text className={view.unread ? "price" : "muted"} data-testid="unread-count">
                    {view.unread ? `${view.unread} 条未读` : "›"}
                  </Text>
                </View>
                {MENU.map((item) => (
                  <View key={item.label} className="list-item" onClick={() => go(item.url)}>
                    <Text>{item.label}</Text>
                    <Text className="muted">›</Text>
                  </View>
                ))}
              </View>
              <Button
                onClick={() => {
                  session.signOut()
                  reload()
                }}
              >
                退出登录
              </Button>
            </View>
          ) : (
            <View className="section">
              <Text className="section__title">{messages.account.title}</Text>
              <Text className="muted">登录后查看订单、检测报告与分销收益</Text>
              <Button
                className="btn-primary"
                data-testid="go-login"
                onClick={() => go(routes.login())}
              >
                登录 / 注册
              </Button>
            </View>
          )
        }
      </StateView>
      {/* For doctors, who sign in with their own account, not a member's. */}
      <View className="account-doctor-entry">
        <Text className="muted" data-testid="doctor-entry" onClick={() => go(routes.doctorLogin)}>
          医生入口 ›
        </Text>
      </View>
    </View>
  )
}
