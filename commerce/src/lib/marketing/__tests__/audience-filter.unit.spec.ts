import { AudienceFilter, audienceSql, tagRequirements } from "../audience-filter"

describe("audienceSql", () => {
  it("with no filter reaches every member with an account", () => {
    expect(audienceSql({})).toEqual({
      where: "c.deleted_at is null and c.has_account = true",
      bindings: [],
    })
  })

  it("matches a city with or without its 市 suffix, on live addresses only", () => {
    const { where, bindings } = audienceSql({ cities: ["岳阳"] })
    expect(where).toContain("exists (select 1 from customer_address a")
    expect(where).toContain("a.deleted_at is null")
    expect(bindings).toEqual([["岳阳"], ["岳阳"]])
    expect(audienceSql({ cities: ["岳阳市"] }).bindings).toEqual([["岳阳市"], ["岳阳"]])
  })

  it("turns age groups into year ranges on the birth date, Asia/Shanghai", () => {
    const { where, bindings } = audienceSql({ age_groups: ["age-36-55", "seniors"] })
    expect(where).toContain("Asia/Shanghai")
    expect(bindings).toEqual([36, 55, 56, 200])
  })

  it("normalises uploaded phones, and a list with nothing usable matches nobody", () => {
    expect(audienceSql({ phones: ["139 0000 0001", "bad"] }).bindings).toEqual([["+8613900000001"]])
    expect(audienceSql({ phones: ["bad"] }).where).toMatch(/ and false$/)
  })

  it("keeps tag filters out of SQL: each given one must hold", () => {
    const filter = { tags: ["series-cancer"], constitution_types: ["qixu", "yangxu"] }
    expect(audienceSql(filter).bindings).toEqual([])
    expect(tagRequirements(filter)).toEqual([["series-cancer"], ["qixu", "yangxu"]])
    expect(tagRequirements({ tags: [] })).toEqual([])
  })

  it("refuses unknown age groups", () => {
    expect(AudienceFilter.safeParse({ age_groups: ["teenagers"] }).success).toBe(false)
  })
})
