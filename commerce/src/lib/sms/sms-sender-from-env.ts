import { AliyunSmsSender } from "./aliyun-sms-sender"
import { LogSmsSender } from "./log-sms-sender"
import type { SmsSender } from "./sms-sender"

/** SMS_PROVIDER=log (default outside production) or aliyun, with SMS_ALIYUN_* settings. */
export function smsSenderFromEnv(env: NodeJS.ProcessEnv = process.env): SmsSender {
  const vendor = env.SMS_PROVIDER || "log"
  if (vendor === "aliyun") {
    return new AliyunSmsSender({
      accessKeyId: env.SMS_ALIYUN_ACCESS_KEY_ID ?? "",
      accessKeySecret: env.SMS_ALIYUN_ACCESS_KEY_SECRET ?? "",
      signName: env.SMS_ALIYUN_SIGN_NAME ?? "",
      templates: {
        "auth-code": env.SMS_ALIYUN_TEMPLATE_AUTH_CODE ?? "",
        // Kit progress texts are optional: without a template only the inbox is used.
        "kit-status": env.SMS_ALIYUN_TEMPLATE_KIT_STATUS ?? "",
        // Article pushes likewise: without SMS_ALIYUN_TEMPLATE_ARTICLE, inbox and WeChat only.
        article: env.SMS_ALIYUN_TEMPLATE_ARTICLE ?? "",
        // Expert 养生评估报告 notices (param `expert`): optional, the inbox always has them.
        "constitution-review": env.SMS_ALIYUN_TEMPLATE_CONSTITUTION_REVIEW ?? "",
        // 陪诊 anomaly alerts to the on-duty staff (ESCORT_ONDUTY_PHONES).
        "escort-alert": env.SMS_ALIYUN_TEMPLATE_ESCORT_ALERT ?? "",
        // 陪诊员 certificate expiry reminders and suspension notices (陪诊员入驻).
        "escort-credential": env.SMS_ALIYUN_TEMPLATE_ESCORT_CREDENTIAL ?? "",
        // 电话/视频问诊 reminders before the slot (params `doctor`/`time`), member and doctor.
        "consultation-reminder": env.SMS_ALIYUN_TEMPLATE_CONSULTATION_REMINDER ?? "",
        // 复诊 reminders on the follow-up's morning (params `doctor`/`date`).
        "consultation-follow-up": env.SMS_ALIYUN_TEMPLATE_CONSULTATION_FOLLOW_UP ?? "",
      },
      endpoint: env.SMS_ALIYUN_ENDPOINT,
    })
  }
  if (vendor === "log") return new LogSmsSender()
  throw new Error(`SMS_PROVIDER "${vendor}" is not supported (use log or aliyun)`)
}
