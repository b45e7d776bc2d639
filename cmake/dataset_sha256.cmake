# Writes OUTPUT, a C file whose function NAME returns the SHA-256 of INPUT
# as 64 lowercase hexadecimal digits: the identity of the bundled dataset.
file(SHA256 "${INPUT}" digest)
file(WRITE "${OUTPUT}.tmp"
  "/* Generated from ${INPUT} by cmake/dataset_sha256.cmake: do not edit. */\n"
  "const char *${NAME}(void);\n"
  "const char *${NAME}(void)\n{\n    return \"${digest}\";\n}\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
