import {
  IDENTITY_STANDIN_SECRET_ID,
  IDENTITY_STANDIN_SECRET_KEY,
  startIdentityStandin,
  type IdentityStandin,
} from "../../../../integration-tests/helpers/identity-verification-standin"
import { identityProviderFromEnv } from "../providers/identity-provider-from-env"
import { TencentFaceIdProvider } from "../providers/tencent-faceid"

// 11010519491231002X and 110105194912310038 are valid GB 11643 numbers (check digits).
const PERSON = { name: "王建国", id_number: "11010519491231002X" }

describe("Tencent Cloud FaceID adapter against the protocol stand-in", () => {
  let standin: IdentityStandin
  const provider = (
    overrides: Partial<ConstructorParameters<typeof TencentFaceIdProvider>[0]> = {}
  ) =>
    new TencentFaceIdProvider({
      secretId: IDENTITY_STANDIN_SECRET_ID,
      secretKey: IDENTITY_STANDIN_SECRET_KEY,
      endpoint: standin.url,
      region: "ap-guangzhou",
      ...overrides,
    })

  beforeAll(async () => {
    standin = await startIdentityStandin()
    await standin.registerPerson(PERSON.name, PERSON.id_number)
  })
  afterAll(() => standin?.process.kill())

  it("matches a name and ID number that belong together (IdCardVerification 0)", async () => {
    const answer = await provider().verify(PERSON)
    expect(answer).toMatchObject({ outcome: "match", code: "0", description: "姓名和身份证号一致" })
    expect(answer.request_id).toBeTruthy()
  })

  it("answers mismatch (-1) for another name on a registered ID number", async () => {
    expect(await provider().verify({ ...PERSON, name: "王建军" })).toMatchObject({
      outcome: "mismatch",
      code: "-1",
    })
  })

  it("answers invalid for an impossible ID number (-2) or a malformed name (-3)", async () => {
    expect((await provider().verify({ ...PERSON, id_number: "110105194912310020" })).code).toBe(
      "-2"
    )
    expect(await provider().verify({ ...PERSON, name: "W" })).toMatchObject({
      outcome: "invalid",
      code: "-3",
    })
  })

  it("is refused by the provider when the signature is wrong or the clock is off", async () => {
    expect(await provider({ secretKey: "not-the-key" }).verify(PERSON)).toMatchObject({
      outcome: "unavailable",
      code: "AuthFailure.SignatureFailure",
    })
    expect(await provider({ secretId: "AKIDunknown" }).verify(PERSON)).toMatchObject({
      code: "AuthFailure.SecretIdNotFound",
    })
    const stale = () => new Date(Date.now() - 10 * 60_000)
    expect(await provider({ now: stale }).verify(PERSON)).toMatchObject({
      code: "AuthFailure.SignatureExpire",
    })
  })

  it("checks a face capture's token and that it is the same person (GetFaceIdResult)", async () => {
    await standin.registerFaceToken("face-ok", PERSON)
    expect((await provider().verify({ ...PERSON, face_token: "face-ok" })).outcome).toBe("match")
    await standin.registerFaceToken("face-other", { name: "李四", id_number: "110105194912310038" })
    expect((await provider().verify({ ...PERSON, face_token: "face-other" })).outcome).toBe(
      "mismatch"
    )
    expect(await provider().verify({ ...PERSON, face_token: "face-unknown" })).toMatchObject({
      outcome: "unavailable",
      code: "FailedOperation.TokenExpired",
    })
  })

  it("treats an unreachable provider as unavailable, not as a verdict", async () => {
    expect(await provider({ endpoint: "http://127.0.0.1:9" }).verify(PERSON)).toMatchObject({
      outcome: "unavailable",
      code: "network",
    })
  })

  it("is configured by environment variables, and refuses half a configuration", () => {
    expect(identityProviderFromEnv({})).toBeNull()
    expect(
      identityProviderFromEnv({
        IDENTITY_VERIFICATION_PROVIDER: "tencent",
        TENCENTCLOUD_SECRET_ID: "AKID",
        TENCENTCLOUD_SECRET_KEY: "key",
      })?.id
    ).toBe("tencent-faceid")
    expect(() => identityProviderFromEnv({ IDENTITY_VERIFICATION_PROVIDER: "tencent" })).toThrow(
      "TENCENTCLOUD_SECRET_ID"
    )
    expect(() => identityProviderFromEnv({ IDENTITY_VERIFICATION_PROVIDER: "aliyun" })).toThrow()
  })
})
