import { cookies } from "next/headers"
import { isSecureRequest } from "./secure-cookie"

/** The doctor's token: its own cookie, never a shopper's or an escort's. */
export const DOCTOR_TOKEN_COOKIE = "doctor_token"

export async function readDoctorToken(): Promise<string | undefined> {
  return (await cookies()).get(DOCTOR_TOKEN_COOKIE)?.value
}

/** httpOnly: the 在线诊室's scripts reach commerce only through its relay. */
export async function writeDoctorToken(token: string): Promise<void> {
  ;(await cookies()).set(DOCTOR_TOKEN_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: await isSecureRequest(),
    path: "/",
    maxAge: 60 * 60 * 24 * 7,
  })
}

export async function clearDoctorToken(): Promise<void> {
  ;(await cookies()).delete(DOCTOR_TOKEN_COOKIE)
}
