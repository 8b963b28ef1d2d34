import {
  escortHospitalCities,
  ESCORT_HOSPITALS_TAG,
  listEscortHospitals,
  type EscortHospital,
} from "../escort/escort-hospitals-client"
import { ApiError, type FetchLike } from "../http"
import { recordingFetch } from "./support/recording-fetch"

const options = (fetch: FetchLike) => ({ baseUrl: "http://shop/", publishableKey: "pk", fetch })

const hospital = (id: string, city: string): EscortHospital => ({
  id,
  name: `${city}医院`,
  level: "三级甲等",
  city,
  address: `${city}某路 1 号`,
  latitude: 28.2,
  longitude: 112.9,
  guide: null,
  departments: [
    {
      id: `${id}-cardio`,
      name: "心血管内科",
      sop: [{ step: "挂号", step_key: "register", title: "取号挂号", tips: "提前到达" }],
    },
  ],
})

describe("escort hospitals client", () => {
  it("reads a city's hospitals with the publishable key, cached under the tag commerce expires", async () => {
    const answer = { hospitals: [hospital("h1", "长沙市")] }
    const { fetch, calls } = recordingFetch({ body: answer })
    expect(await listEscortHospitals(options(fetch), "长沙市")).toEqual(answer.hospitals)
    expect(calls[0].url).toBe(
      `http://shop/store/escort-hospitals?city=${encodeURIComponent("长沙市")}`
    )
    const init = calls[0].init as RequestInit & { cacheHint?: { tags: string[] } }
    expect((init.headers as Record<string, string>)["x-publishable-api-key"]).toBe("pk")
    expect(init.cacheHint?.tags).toEqual([ESCORT_HOSPITALS_TAG])
  })

  it("reads every city without one, and surfaces commerce's Chinese 400", async () => {
    const { fetch, calls } = recordingFetch(
      { body: { hospitals: [] } },
      { status: 400, body: { type: "invalid_data", message: "城市名称不超过 32 字" } }
    )
    expect(await listEscortHospitals(options(fetch))).toEqual([])
    expect(calls[0].url).toBe("http://shop/store/escort-hospitals")
    const refused = await listEscortHospitals(options(fetch), "长".repeat(40)).catch((e) => e)
    expect(refused).toBeInstanceOf(ApiError)
    expect(refused.message).toBe("城市名称不超过 32 字")
  })

  it("lists the covered cities once each, in order", () => {
    expect(
      escortHospitalCities([
        hospital("a", "长沙市"),
        hospital("b", "长沙市"),
        hospital("c", "岳阳市"),
      ])
    ).toEqual(["长沙市", "岳阳市"])
  })
})
