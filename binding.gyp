{
  "targets": [
    {
      "target_name": "omni_mdx",
      "sources": [
        "src/addon.c",
        "src/arena.c",
        "src/blocks.c",
        "src/blocks_html.c",
        "src/buf.c",
        "src/entities.c",
        "src/frontmatter.c",
        "src/gfm_autolink.c",
        "src/gfm_footnote.c",
        "src/gfm_table.c",
        "src/gfm_tagfilter.c",
        "src/gfm_tasks.c",
        "src/html.c",
        "src/html_footnote.c",
        "src/inlines.c",
        "src/math.c",
        "src/mdx_err.c",
        "src/mdx_expr.c",
        "src/mdx_flow.c",
        "src/mdx_ident.c",
        "src/mdx_jsx.c",
        "src/mdx_text.c",
        "src/mdx_tree.c",
        "src/input.c",
        "src/jsscan.c",
        "src/jscheck.c",
        "src/node.c",
        "src/ocp.c",
        "src/ocp_read.c",
        "src/parse.c",
        "src/position.c",
        "src/refs.c",
        "src/scan.c",
        "src/text.c",
        "src/unicode.c"
      ],
      "cflags": [
        "-std=c11",
        "-O2",
        "-Wall",
        "-Wextra",
        "-Wno-unused-parameter"
      ],
      "cflags!": [
        "-fno-exceptions"
      ],
      "defines": [
        "NAPI_VERSION=8"
      ],
      "xcode_settings": {
        "OTHER_CFLAGS": [
          "-std=c11",
          "-O2"
        ]
      }
    }
  ]
}
