package fetch

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/upstream-tui/upstream-tui/data/disk"
)

// A URL's cache entry is two files in the cache directory: NAME.md, the
// body exactly as downloaded, and NAME.json, its validators. Each is
// written atomically; the JSON holds the body's hash, so a crash between
// the two writes leaves a body without validators, never wrong ones. The
// cache keeps bytes and knows no format: the .md is the name cached
// bodies have always had, kept so that users' caches are still read, and
// says nothing of what the body holds.

// cacheMeta is what NAME.json holds.
type cacheMeta struct {
	URL          string    `json:"url"`
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	Fetched      time.Time `json:"fetched"`
	SHA256       string    `json:"sha256"`
}

// cacheEntry is a cached download: the body and its validators.
type cacheEntry struct {
	meta cacheMeta
	body []byte
}

// bodyExt is the extension of a cached body, whatever its format.
const bodyExt = ".md"

// cachePath is where a URL's download is kept, without the extension: the
// host, for people looking in the directory, and a hash of the whole URL.
func cachePath(dir, rawURL string) string {
	sum := sha256.Sum256([]byte(rawURL))
	host := "catalog"
	if u, err := CheckURL(rawURL); err == nil {
		host = strings.Map(func(r rune) rune {
			if r == '.' || r == '-' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
				return r
			}
			return '_'
		}, strings.ToLower(u.Hostname()))
	}
	return filepath.Join(dir, host+"-"+hex.EncodeToString(sum[:8]))
}

// maxMeta bounds a cache entry's validators file: a few hundred bytes.
const maxMeta = 64 << 10

// readCache returns the cached copy of a URL, or nil when there is none.
// A copy that is there but cannot be used is nil with a reason (damaged
// counts as missing, and says so): an empty file, one that is not a
// regular file or is over the download limit, or a body whose checksum is
// not the one recorded when it was written (cut short, or edited). A
// missing or unreadable validators file leaves the body usable, aged by
// the file's time. Whether the body parses is the caller's to say.
func readCache(dir, rawURL string) (*cacheEntry, error) {
	if dir == "" {
		return nil, nil
	}
	base := cachePath(dir, rawURL)
	body, err := disk.ReadRegular(base+bodyExt, maxBody, "a catalog")
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil
	case err != nil:
		return nil, errors.New(disk.Reason(err))
	case len(body) == 0:
		return nil, errors.New("empty")
	}
	var meta cacheMeta
	raw, err := disk.ReadRegular(base+".json", maxMeta, "a cache record")
	if err != nil || json.Unmarshal(raw, &meta) != nil || meta.URL != rawURL {
		// No validators to trust; the file's time says how old it is.
		meta = cacheMeta{URL: rawURL}
		if st, err := os.Stat(base + bodyExt); err == nil {
			meta.Fetched = st.ModTime()
		}
		return &cacheEntry{meta: meta, body: body}, nil
	}
	if meta.SHA256 != bodyHash(body) {
		return nil, errors.New("damaged: its checksum is not the one recorded")
	}
	return &cacheEntry{meta: meta, body: body}, nil
}

// writeCache keeps a download and its validators.
func writeCache(dir string, body []byte, meta cacheMeta) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	meta.SHA256 = bodyHash(body)
	raw, err := json.MarshalIndent(meta, "", "  ")
	if err != nil {
		return err
	}
	base := cachePath(dir, meta.URL)
	if err := writeFile(base+bodyExt, body); err != nil {
		return err
	}
	return writeFile(base+".json", append(raw, '\n'))
}

func bodyHash(body []byte) string {
	sum := sha256.Sum256(body)
	return hex.EncodeToString(sum[:])
}

// writeFile writes a cache file; tests replace it to inject a failure.
var writeFile = disk.WriteAtomic
