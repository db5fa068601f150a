package ingest

import (
	"context"
	"mime"
	"path/filepath"
	"strings"

	"github.com/claimbot/claimbot"
)

// attachmentTypes are the media types a downloaded attachment may have.
// Chat services serve text attachments as text/* or, when they cannot
// tell, as application/octet-stream; FromFile then checks that the bytes
// are text.
var attachmentTypes = []string{
	"text/plain", "text/markdown", "text/x-markdown", "text/html", "application/xhtml+xml", "application/octet-stream",
}

// FetchAttachment downloads a file a user attached to a message or command
// (a Discord attachment URL) and converts it like FromFile under its file
// name. The download goes through the same client as pages: the same
// address checks, Options.MaxBytes, timeout and redirect limits, and only
// text media types. The extension is checked first, so an image is refused
// without being downloaded.
func (ing *Ingester) FetchAttachment(ctx context.Context, rawURL, name string) (Fetched, error) {
	if ext := strings.ToLower(filepath.Ext(name)); !uploadExts[ext] {
		return Fetched{}, claimbot.Errorf(claimbot.EINVALID, "%s: only .txt, .md and .html files can be added", filepath.Base(name)).Say(msgOnlyTextFiles, filepath.Base(name))
	}
	resp, err := ing.get(ctx, rawURL, attachmentTypes, nil)
	if err != nil {
		return Fetched{}, err
	}
	ct := resp.ContentType
	if ct == "application/octet-stream" {
		ct = "" // says nothing: let the bytes and the extension decide
	} else if resp.Charset != "" {
		ct = mime.FormatMediaType(ct, map[string]string{"charset": resp.Charset})
	}
	return ing.FromFile(ctx, name, resp.Body, ct)
}
