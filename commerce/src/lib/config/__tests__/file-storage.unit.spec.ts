import { fileStorageFromEnv } from "../file-storage"

const S3 = {
  S3_BUCKET: "health",
  S3_ENDPOINT: "http://127.0.0.1:4569/",
  S3_ACCESS_KEY_ID: "key",
  S3_SECRET_ACCESS_KEY: "secret",
}

describe("fileStorageFromEnv", () => {
  it("keeps files on the local disk without S3_BUCKET, private ones outside the static folder", () => {
    const config = fileStorageFromEnv(
      { PRIVATE_UPLOAD_DIR: "/data/private" },
      "https://api.example.cn"
    )
    expect(config).toEqual({
      resolve: "@medusajs/medusa/file-local",
      id: "local",
      options: {
        upload_dir: "static",
        backend_url: "https://api.example.cn/static",
        private_upload_dir: "/data/private",
      },
    })
  })

  it("uses object storage under commerce/ when S3_BUCKET is set", () => {
    const config = fileStorageFromEnv({ ...S3, S3_FORCE_PATH_STYLE: "true" }, "http://x")
    expect(config.resolve).toBe("./src/modules/file-object-storage")
    expect(config.options).toMatchObject({
      bucket: "health",
      region: "us-east-1",
      endpoint: "http://127.0.0.1:4569",
      file_url: "http://127.0.0.1:4569/health",
      access_key_id: "key",
      secret_access_key: "secret",
      prefix: "commerce/",
      additional_client_config: { forcePathStyle: true },
    })
    expect(config.options).not.toHaveProperty("acl")
  })

  it("takes the public file URL, region and ACL switch an operator sets", () => {
    const config = fileStorageFromEnv(
      {
        ...S3,
        S3_ENDPOINT: "https://oss-cn-hangzhou.aliyuncs.com",
        S3_REGION: "oss-cn-hangzhou",
        S3_FILE_URL: "https://files.example.cn/",
        S3_ACL: "off",
      },
      "http://x"
    )
    expect(config.options).toMatchObject({
      region: "oss-cn-hangzhou",
      file_url: "https://files.example.cn",
      acl: false,
      additional_client_config: { forcePathStyle: false },
    })
  })

  it("derives the AWS public URL when no endpoint is given", () => {
    const { S3_ENDPOINT: _endpoint, ...aws } = S3
    expect(
      fileStorageFromEnv({ ...aws, S3_REGION: "ap-east-1" }, "http://x").options.file_url
    ).toBe("https://health.s3.ap-east-1.amazonaws.com")
  })

  it("refuses a bucket without keys and an unknown ACL setting, naming the variable", () => {
    expect(() => fileStorageFromEnv({ S3_BUCKET: "health" }, "http://x")).toThrow(
      "S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY"
    )
    expect(() => fileStorageFromEnv({ ...S3, S3_ACL: "public" }, "http://x")).toThrow("S3_ACL")
  })
})
