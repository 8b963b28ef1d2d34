import { membershipOf, messages, profileOf } from "@health/core"
import type { Metadata } from "next"
import { AccountPageHead } from "@/components/account/account-page-head"
import { MembershipForm } from "@/components/account/membership-form"
import { PhoneBinding } from "@/components/account/phone-binding"
import { ProfileForm } from "@/components/account/profile-form"
import { bindPhone, saveMembership, saveProfile, sendBindCode } from "@/lib/profile-actions"
import { shanghaiToday } from "@/lib/profile-form"
import { requireMember } from "@/lib/require-member"

export const metadata: Metadata = { title: messages.account.profile }

type Search = Promise<{ registration?: string }>

export default async function ProfilePage({ searchParams }: { searchParams: Search }) {
  const { member } = await requireMember("/account/profile")
  const { registration } = await searchParams
  return (
    <section className="account-page">
      <AccountPageHead title={messages.account.profile} />
      {registration === "incomplete" && (
        <p className="notice" role="status" data-testid="registration-incomplete">
          账号已注册，但会员类型或资料未能保存，请在下方补充后保存。
        </p>
      )}
      <div className="panel">
        <h2>会员类型</h2>
        <MembershipForm current={membershipOf(member)} save={saveMembership} />
      </div>
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
