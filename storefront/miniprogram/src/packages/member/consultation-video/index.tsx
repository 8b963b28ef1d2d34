import { Text, View } from "@tarojs/components"
import Taro from "@tarojs/taro"
import { createVideoCallClient, formatDateTime, type VideoRoomTicket } from "@health/core"
import { StateView } from "../../../components/state-view"
import { appConfig } from "../../../lib/config"
import { taroFetch } from "../../../lib/taro-fetch"
import { useMemberLoad } from "../../../lib/use-member-load"

const videoCalls = createVideoCallClient({
  baseUrl: appConfig.commerceUrl ?? "",
  publishableKey: appConfig.publishableKey ?? "",
  fetch: taroFetch,
})

const TEXT = {
  trtcTitle: "腾讯云 TRTC 视频房间",
  room: "房间号",
  user: "您的通话身份",
  validUntil: "凭证有效至",
  notYet: "小程序内的视频通话组件尚在接入中，请暂时使用浏览器进入视频诊室：",
  noProvider: "小程序视频问诊尚未开通（需运营配置腾讯云 TRTC）。请在手机或电脑浏览器打开：",
}

/**
 * 视频问诊 in the mini-program. WeChat mini-programs have no WebRTC: calls go through a
 * video-call provider (Tencent TRTC; commerce computes the UserSig). This page shows the
 * consultation's TRTC room as commerce issues it and where to join on the web; the TRTC
 * component itself is not wired in yet (see README, 视频问诊).
 */
export default function ConsultationVideo() {
  const id = Taro.getCurrentInstance().router?.params?.id ?? ""
  const { result, reload } = useMemberLoad((token) => videoCalls.memberTicket(token, id), [id])
  const webRoom = `${appConfig.webUrl ?? ""}/account/consultations/${encodeURIComponent(id)}/video`

  return (
    <View className="page" data-testid="consultation-video">
      <StateView result={result} onRetry={reload}>
        {(ticket: VideoRoomTicket) =>
          ticket.mini_program ? (
            <View className="section" data-testid="trtc-room">
              <Text>{TEXT.trtcTitle}</Text>
              <Text className="muted">
                {TEXT.room} {ticket.mini_program.str_room_id}
              </Text>
              <Text className="muted">
                {TEXT.user} {ticket.mini_program.user_id}
              </Text>
              <Text className="muted">
                {TEXT.validUntil} {formatDateTime(ticket.mini_program.expires_at)}
              </Text>
              <Text className="muted">
                {TEXT.notYet}
                {webRoom}
              </Text>
            </View>
          ) : (
            <View className="section" data-testid="trtc-not-configured">
              <Text className="muted">
                {TEXT.noProvider}
                {webRoom}
              </Text>
            </View>
          )
        }
      </StateView>
    </View>
  )
}
