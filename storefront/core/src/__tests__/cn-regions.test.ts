import { citiesOf, districtsOf, provincesOf, regionProblem } from "../commerce/cn-regions"

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
