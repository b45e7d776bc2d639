/* Verifying a detached minisign signature (issue 13, `data update`).
 * The format is small and documented (https://jedisct1.github.io/minisign/):
 * a public key is "Ed" + an 8-byte key id + an Ed25519 key, in base64 after
 * an untrusted comment line; a signature file holds an untrusted comment,
 * base64("Ed" or "ED" + key id + signature), a trusted comment and a global
 * signature over the signature and the trusted comment. "Ed" signs the file
 * itself (legacy), "ED" its BLAKE2b-512 hash. libsodium (`na`, loaded by
 * sodium_lib_open) does the cryptography; only the parsing is written here. */
#ifndef WC_MINISIGN_H
#define WC_MINISIGN_H

#include "sodium_lib.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct minisign_key {
    unsigned char id[8];
    unsigned char key[32];
} minisign_key;

/* Parses a public key: a minisign .pub file (comment line, then the base64
 * line) or the base64 line alone. Returns false with the reason in `why`. */
bool minisign_parse_key(const sodium_lib *na, const char *text, size_t len, minisign_key *key,
                        char *why, size_t why_size);

/* Verifies the signature file `sig` over `msg` with `key`: the algorithm,
 * the key id, the signature and the global signature over the trusted
 * comment. Returns false with the reason in `why`; on success copies the
 * trusted comment into `comment` (of `comment_size` bytes) if not NULL. */
bool minisign_verify(const sodium_lib *na, const minisign_key *key, const char *sig, size_t sig_len,
                     const unsigned char *msg, size_t msg_len, char *comment,
                     size_t comment_size, char *why, size_t why_size);

#endif
