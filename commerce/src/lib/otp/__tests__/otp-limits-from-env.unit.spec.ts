import { DEFAULT_OTP_LIMITS } from "../otp-store"
import { otpLimitsFromEnv } from "../otp-store-from-env"

describe("otpLimitsFromEnv", () => {
  it("caps all codes at 1000 an hour unless SMS_GLOBAL_HOURLY_LIMIT says otherwise", () => {
    expect(otpLimitsFromEnv({}).globalPerHour).toBe(1000)
    expect(otpLimitsFromEnv({ SMS_GLOBAL_HOURLY_LIMIT: "250" })).toEqual({
      ...DEFAULT_OTP_LIMITS,
      globalPerHour: 250,
    })
  })

  it("keeps the default for a value that is not a positive whole number", () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined)
    for (const bad of ["0", "-5", "abc", "1.5"]) {
      expect(otpLimitsFromEnv({ SMS_GLOBAL_HOURLY_LIMIT: bad }).globalPerHour).toBe(1000)
    }
    expect(warn).toHaveBeenCalledTimes(4)
    warn.mockRestore()
  })
})
