/* libFuzzer target for the C OCP reader (src/ocp_read.c), which reads buffers that may
 * come from anywhere. Two kinds of input:
 *   - starting with "OMNI": the bytes are the buffer, read as they are;
 *   - otherwise: byte 0 selects the options (fuzz_common.h), bytes 1-8 a corruption
 *     (a word index and the value to put there), the rest is a document. The document's
 *     buffer is read once intact — it must read fully and agree with the tree — then
 *     corrupted and read again, which must end in a record count or an error, never a
 *     read outside the buffer (ASan) or a hang.
 * The corrupted buffer is copied to an allocation of exactly its size, so that ASan
 * sees any read past its end. */
#include "fuzz_common.h"
#include "ocp.h"
#include "ocp_read.h"

/* Reads everything; returns the record count, or -1 on an error. */
static long read_all(const uint8_t *data, size_t len) {
  mdx_ocp_reader r;
  mdx_ocp_record rec;
  long count = -1;
  if (mdx_ocp_open(&r, data, len) == MDX_OK) {
    int rc;
    count = 0;
    while ((rc = mdx_ocp_next(&r, &rec)) == 1) { /* bounded: node_count */
      FUZZ_CHECK(rec.ref_count <= MDX_OCP_MAX_REFS);
      FUZZ_CHECK(rec.start <= r.source_units && rec.length <= r.source_units - rec.start);
      count++;
    }
    FUZZ_CHECK(rc == 0 || rc == MDX_EOCP);
    if (rc == 0) FUZZ_CHECK((uint32_t)count == r.node_count);
    else count = -1;
  }
  mdx_ocp_close(&r);
  return count;
}

static uint32_t le32(const uint8_t *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size >= 4 && memcmp(data, "OMNI", 4) == 0) {
    uint8_t *copy = malloc(size);
    if (!copy) return 0;
    memcpy(copy, data, size);
    read_all(copy, size);
    free(copy);
    return 0;
  }
  unsigned options = fuzz_options(&data, &size);
  uint32_t where = 0, value = 0;
  if (size >= 8) {
    where = le32(data);
    value = le32(data + 4);
    data += 8;
    size -= 8;
  }
  mdx_doc *doc;
  mdx_error err;
  if (mdx_parse((const char *)data, size, options, &doc, &err) != MDX_OK) return 0;
  uint32_t nodes = fuzz_check_tree(doc);
  mdx_buf ocp;
  mdx_buf_init(&ocp);
  FUZZ_CHECK(mdx_ocp_encode(doc, &ocp) == MDX_OK);
  mdx_doc_free(doc);
  FUZZ_CHECK(read_all((const uint8_t *)ocp.data, ocp.len) == (long)nodes);
  uint8_t *copy = malloc(ocp.len);
  if (copy) {
    memcpy(copy, ocp.data, ocp.len);
    size_t at = (size_t)(where % (ocp.len / 4)) * 4;
    for (int b = 0; b < 4; b++) copy[at + b] = (uint8_t)(value >> (8 * b));
    read_all(copy, ocp.len);
    free(copy);
  }
  mdx_buf_free(&ocp);
  return 0;
}
