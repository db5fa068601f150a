package fakediscord

import (
	"crypto/ed25519"
	"encoding/hex"
)

// Sign is what Discord puts in X-Signature-Ed25519 for an HTTP-interactions
// request: the hex Ed25519 signature of timestamp (X-Signature-Timestamp,
// Unix seconds as a string) followed by the body.
func Sign(priv ed25519.PrivateKey, timestamp string, body []byte) string {
	msg := make([]byte, 0, len(timestamp)+len(body))
	msg = append(append(msg, timestamp...), body...)
	return hex.EncodeToString(ed25519.Sign(priv, msg))
}
