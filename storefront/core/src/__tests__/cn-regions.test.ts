import {
  citiesOf,
  districtsOf,
  provincesOf,
  regionColumnsAt,
  regionIndicesOf,
  regionProblem,
  turnRegionColumn,
} from "../commerce/cn-regions"

describe("cn regions", () => {
  test("all 31 mainland provinces, 湖南省 first-level cities include 岳阳市 and its districts", () => {
    expect(provincesOf()).toHaveLength(31)
    expect(citiesOf("湖南省")).toContain("岳阳市")
    expect(districtsOf("湖南省", "岳阳市")).toEqual(
      expect.arrayContaining(["岳阳楼区", "云溪区", "君山区", "岳阳县", "汨罗市", "临湘市"])
    )
  })

  test("a municipality is its own single city holding every district and county", () => {
    expect(citiesOf("北京市")).toEqual(["北京市"])
    expect(districtsOf("北京市", "北京市")).toContain("朝阳区")
    expect(citiesOf("重庆市")).toEqual(["重庆市"])
    // 重庆 lists 区 and 县 in separate groups; both belong to the one city.
    expect(districtsOf("重庆市", "重庆市")).toEqual(expect.arrayContaining(["渝中区", "城口县"]))
    expect(citiesOf("北京市")).not.toContain("市辖区")
  })

  test("county-level cities governed by the province are cities without districts", () => {
    expect(citiesOf("湖北省")).toEqual(expect.arrayContaining(["武汉市", "仙桃市", "天门市"]))
    expect(citiesOf("湖北省")).not.toContain("省直辖县级行政区划")
    expect(districtsOf("湖北省", "仙桃市")).toEqual([])
    expect(regionProblem({ province: "湖北省", city: "仙桃市" })).toBeNull()
  })

  test("regionProblem names the first part that is not real", () => {
    expect(regionProblem({ province: "湖南省", city: "岳阳市", district: "岳阳楼区" })).toBeNull()
    expect(regionProblem({ province: "湖南", city: "岳阳市", district: "岳阳楼区" })).toBe(
      "请选择省份"
    )
    expect(regionProblem({ province: "湖南省", city: "武汉市", district: "江岸区" })).toBe(
      "请选择湖南省下的城市"
    )
    expect(regionProblem({ province: "湖南省", city: "岳阳市", district: "朝阳区" })).toBe(
      "请选择岳阳市下的区县"
    )
    expect(regionProblem({ province: "湖南省", city: "岳阳市" })).toBe("请选择岳阳市下的区县")
  })
})

describe("linked region picker columns", () => {
  test("start from a saved address: its province's cities and its city's districts", () => {
    const at = regionIndicesOf({ province: "湖南省", city: "岳阳市", district: "岳阳楼区" })
    expect(at).not.toBeNull()
    const { columns, choice } = regionColumnsAt(at!)
    expect(columns[0]).toEqual(provincesOf())
    expect(columns[1]).toEqual(citiesOf("湖南省"))
    expect(columns[2]).toEqual(districtsOf("湖南省", "岳阳市"))
    expect(choice).toEqual({ province: "湖南省", city: "岳阳市", district: "岳阳楼区" })
  })

  test("an address that is not a real region has no position", () => {
    expect(regionIndicesOf({ province: "湖南", city: "岳阳市", district: "岳阳楼区" })).toBeNull()
    expect(regionIndicesOf({ province: "", city: "" })).toBeNull()
  })

  test("turning a column starts the columns right of it again", () => {
    const yueyang = regionIndicesOf({ province: "湖南省", city: "岳阳市", district: "君山区" })!
    const hubei = provincesOf().indexOf("湖北省")
    const turned = turnRegionColumn(yueyang, 0, hubei)
    expect(turned).toEqual([hubei, 0, 0])
    expect(regionColumnsAt(turned).choice).toEqual({
      province: "湖北省",
      city: "武汉市",
      district: "江岸区",
    })
    expect(turnRegionColumn(yueyang, 2, 1)).toEqual([yueyang[0], yueyang[1], 1])
  })

  test("a city without districts has an empty third column and no district", () => {
    const at = regionIndicesOf({ province: "湖北省", city: "仙桃市" })!
    const { columns, choice } = regionColumnsAt(at)
    expect(columns[2]).toEqual([])
    expect(choice).toEqual({ province: "湖北省", city: "仙桃市", district: "" })
  })

  test("positions past the end of a column fall back to its first entry", () => {
    expect(regionColumnsAt([999, 999, 999]).choice).toEqual({
      province: "北京市",
      city: "北京市",
      district: "东城区",
    })
  })
})
