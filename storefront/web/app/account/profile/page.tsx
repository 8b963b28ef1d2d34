import { messages, profileOf } from "@health/core"
import type { Metadata } from "next"
import { AccountPageHead } from "@/components/account/account-page-head"
import { PhoneBinding } from "@/components/account/phone-binding"
import { ProfileForm } from "@/components/account/profile-form"
import { bindPhone, saveProfile, sendBindCode } from "@/lib/profile-actions"
import { shanghaiToday } from "@/lib/profile-form"
import { requireMember } from "@/lib/require-member"

export const metadata: Metadata = { title: messages.account.profile }

export default async function ProfilePage() {
  const { member } = await requireMember("/account/profile")
  return (
    <section className="account-page">
      <AccountPageHead title={messages.account.profile} />
      <div className="panel">
        <h2>基本资料</h2>
        <ProfileForm
          profile={profileOf(member)}
          email={member.email}
          today={shanghaiToday()}
          save={saveProfile}
        />
      </div>
      <div className="panel">
        <h2>手机号</h2>
        <PhoneBinding current={member.phone} bind={bindPhone} sendCode={sendBindCode} />
      </div>
    </section>
  )
}
