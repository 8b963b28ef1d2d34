import { isCnIdNumber, maskCnIdNumber, surnameOnly } from "../cn-id-number"
import { progressRefusal } from "../escort-booking-status"

describe("mainland ID numbers", () => {
  it("accepts numbers with a valid check digit, an X included", () => {
    expect(isCnIdNumber("11010519491231002X")).toBe(true)
    expect(isCnIdNumber("11010519491231002x")).toBe(true)
    expect(isCnIdNumber("440524188001010014")).toBe(false) // born before 1900
  })

  it("refuses a wrong check digit, an impossible birth date, the wrong length", () => {
    expect(isCnIdNumber("110105194912310021")).toBe(false)
    expect(isCnIdNumber("110105194902300027")).toBe(false) // 30 February
    expect(isCnIdNumber("11010519491231002")).toBe(false)
    expect(isCnIdNumber("1101051949123100AX")).toBe(false)
  })

  it("masks all but the first and last four characters, and names to the surname", () => {
    expect(maskCnIdNumber("11010519491231002X")).toBe("1101**********002X")
    expect(surnameOnly("张桂兰")).toBe("张**")
    expect(surnameOnly("王")).toBe("王*")
  })
})

describe("progress steps", () => {
  it("allows only the next step, in Chinese otherwise", () => {
    expect(progressRefusal("accepted", "departed")).toBeNull()
    expect(progressRefusal("accompanying", "completed")).toBeNull()
    expect(progressRefusal("accepted", "arrived")).toBe(
      "请先完成「已出发」，不能跳过步骤直接到「已到达」"
    )
    expect(progressRefusal("arrived", "departed")).toBe("订单已是「已到达」，不能回到「已出发」")
    expect(progressRefusal("awaiting_escort", "departed")).toBe(
      "订单当前为「待接单」，不能更新服务进度"
    )
  })
})
