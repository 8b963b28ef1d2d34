import type { Metadata } from "next"
import { EscortSignInForm } from "@/components/escort-app/escort-sign-in-form"

export const metadata: Metadata = { title: "医生登录" }

/** 医生登录: the phone staff registered, and an SMS code. */
export default function DoctorSignInPage() {
  return (
    <section>
      <h1>医生登录</h1>
      <EscortSignInForm
        target={{
          codeUrl: "/doctor/sms-code",
          sessionUrl: "/doctor/session",
          home: "/doctor",
          phonePlaceholder: "平台登记的 11 位手机号",
          notice: "仅限平台登记的医生登录，执业资质审核通过后即可接诊；患者请使用会员登录。",
          testId: "doctor-sign-in",
        }}
      />
    </section>
  )
}
