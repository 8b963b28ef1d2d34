import type { Metadata } from "next"
import { DoctorIncomeView } from "../_components/doctor-income"
import { requireDoctor } from "../_components/require-doctor"

export const metadata: Metadata = { title: "我的收入" }

/** 在线诊室 · 我的收入: balances, earnings per consultation, report and session, and 提现. */
export default async function DoctorIncomePage() {
  await requireDoctor()
  return <DoctorIncomeView />
}
