import { beijingTime } from "../modules/consultation/rules/slots"
import type { MemberNotice } from "./member-notice"

const MODE_NAMES = { phone: "电话问诊", video: "视频问诊" } as const

export type ConsultationReminderData = {
  consultation_id: string
  mode: "phone" | "video"
  slot_start: Date | string
  doctor_name: string
}

/** Before a booked slot: the inbox and a text (no health detail, only who and when). */
export function consultationReminderNotice(data: ConsultationReminderData): MemberNotice {
  const when = beijingTime(data.slot_start)
  const start = new Date(data.slot_start).toISOString()
  const key = `consultation-reminder:${data.consultation_id}:${start}`
  return {
    template: "consultation-reminder",
    key,
    feed: {
      category: "consultation",
      title: `${MODE_NAMES[data.mode]}提醒：${when}`,
      body:
        `您预约的${data.doctor_name}医生${MODE_NAMES[data.mode]}将于 ${when}（北京时间）开始，` +
        (data.mode === "phone"
          ? "届时医生将通过隐私号码给您来电，请保持电话畅通。"
          : "请提前进入问诊页面的视频诊室。"),
      link: `/account/consultations/${data.consultation_id}`,
      dedupe_key: key,
    },
    sms: {
      template: "consultation-reminder",
      params: { doctor: data.doctor_name, time: when },
    },
  }
}

export type FollowUpReminderData = {
  follow_up_id: string
  due_date: string
  doctor_name: string
}

/** The morning of a follow-up: the inbox (the doctor's note is on the page) and a text. */
export function followUpReminderNotice(data: FollowUpReminderData): MemberNotice {
  const [, month, day] = data.due_date.split("-").map(Number)
  const date = `${month}月${day}日`
  const key = `consultation-follow-up:${data.follow_up_id}`
  return {
    template: "consultation-follow-up",
    key,
    feed: {
      category: "consultation",
      title: `复诊提醒：${date}`,
      body: `${data.doctor_name}医生为您安排了 ${date} 复诊，请在「我的问诊」查看医生的复诊说明并按时复诊。`,
      link: "/account/consultations",
      dedupe_key: key,
    },
    sms: { template: "consultation-follow-up", params: { doctor: data.doctor_name, date } },
  }
}
