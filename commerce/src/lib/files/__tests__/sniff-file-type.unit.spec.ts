import { sniffFileType } from "../sniff-file-type"

describe("sniffFileType", () => {
  it("trusts the bytes, not the name", () => {
    expect(sniffFileType(Buffer.from("%PDF-1.7\n..."))).toBe("pdf")
    expect(sniffFileType(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14]))).toBe("zip")
    expect(sniffFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe("jpeg")
    expect(sniffFileType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe("png")
    expect(sniffFileType(Buffer.from("RIFF\x00\x00\x00\x00WEBPVP8 ", "latin1"))).toBe("webp")
    expect(sniffFileType(Buffer.from("<html>report.pdf</html>"))).toBeNull()
    expect(sniffFileType(Buffer.alloc(0))).toBeNull()
  })
})
