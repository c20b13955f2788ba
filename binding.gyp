{
  "targets": [
    {
      "target_name": "omni_mdx",
      "sources": [
        "src/addon.c",
        "src/arena.c",
        "src/buf.c",
        "src/input.c",
        "src/position.c",
        "src/node.c",
        "src/parse.c",
        "src/blocks.c",
        "src/inlines.c",
        "src/refs.c",
        "src/text.c",
        "src/entities.c",
        "src/html.c",
        "src/ocp.c"
      ],
      "cflags": ["-std=c11", "-O2", "-Wall", "-Wextra", "-Wno-unused-parameter"],
      "cflags!": ["-fno-exceptions"],
      "defines": ["NAPI_VERSION=8"],
      "xcode_settings": {
        "OTHER_CFLAGS": ["-std=c11", "-O2"]
      }
    }
  ]
}
