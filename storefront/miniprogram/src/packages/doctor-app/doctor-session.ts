import Taro from "@tarojs/taro"

const DOCTOR_TOKEN_KEY = "health.doctorToken"

/** The doctor's token, apart from the member's and the escort's: one phone may be each. */
export const doctorSession = {
  token(): string | undefined {
    return (Taro.getStorageSync(DOCTOR_TOKEN_KEY) as string) || undefined
  },
  setToken(token: string) {
    Taro.setStorageSync(DOCTOR_TOKEN_KEY, token)
  },
  signOut() {
    Taro.removeStorageSync(DOCTOR_TOKEN_KEY)
  },
}
